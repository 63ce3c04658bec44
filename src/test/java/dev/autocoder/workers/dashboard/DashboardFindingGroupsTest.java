package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.dashboard.DashboardRoutesTest.json;
import static dev.autocoder.workers.dashboard.DashboardRoutesTest.metric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The noise of issue 11 over real HTTP: a worker whose perspective finds 13 lower-case logger constants and a
 * critical shell command in main code and 54 findings in tests, rows capped at 10 listed findings; and a stopped
 * worker whose only row was written before rows had scopes and groups. The pages list groups (main first and
 * open, tests collapsed and counted), the counts on a page agree with each other and with the rows' metrics, and
 * the gauge counts every finding.
 */
class DashboardFindingGroupsTest {

    private static final String NOISY = "noisy-results";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static ConfigurableApplicationContext app;
    static Http http;
    static DatasetStore store;

    @BeforeAll
    static void start() throws Exception {
        Path repository = NoisyWorkers.repository(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        writeLegacyRow(storePath);
        Files.createDirectories(storePath.resolve(".state"));
        Files.writeString(storePath.resolve(".state/stopped-workers.json"), "{\"legacy\":\"legacy-worker\"}");
        Map<String, Object> properties = App.fastWorkerProperties(repository, storePath);
        properties.put("autocoder.store.owner", "local");
        properties.put("autocoder.workers.enabled", "noisy,legacy");
        properties.put("autocoder.analysis.max-findings-per-row", "10");
        properties.put("camel.main.routes-include-pattern", "classpath:routes/*.yaml,classpath:dashboard-groups-test/*.yaml");
        app = App.start(properties, NoisyWorkers.class);
        http = new Http(App.port(app));
        store = app.getBean(DatasetStore.class);
        await("2 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows(NOISY).size() >= 2);
    }

    /** A row as a worker of schema 1 stored it: no finding_groups, findings without a scope, no per-scope metrics. */
    private static void writeLegacyRow(Path storePath) throws Exception {
        Row row = TestRows.schemaOne("legacy", 1, "legacy-code", TestRows.noisyFindings().subList(0, 14), 10);
        ObjectNode json = JSON.valueToTree(row);
        json.remove("finding_groups");
        json.withArray("findings").forEach(f -> ((ObjectNode) f).remove("scope"));
        json.put("perspective_name", "Legacy Code");
        Path file = storePath.resolve("local/legacy-results/data/2026/11/24/20261124T100000000Z.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(json) + "\n");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theRowsListTenFindingsButCountAllOfThem() {
        Row row = latestNoisyRow();
        assertThat(row.issuesFound()).isEqualTo(68);
        assertThat(row.findings()).hasSize(10);
        assertThat(row.metric("findings_main")).hasValue(14);
        assertThat(row.metric("findings_test")).hasValue(54);
    }

    @Test
    void latestFindingsListGroupsMainCodeFirstAndTestCodeCollapsed() {
        for (String path : List.of("/", "/fragments/insights")) {
            String insights = article(http.get(path).body(), "noisy");
            assertGroupsListed(path, insights);
        }
        String page = http.get("/workers/noisy").body();
        String fromInsights = page.substring(page.indexOf("<div class=\"worker-insights\">"));
        assertGroupsListed("/workers/noisy", fromInsights);
        // the latest result lists the row's groups the same way
        String latest = page.substring(page.indexOf("<h2>Latest result</h2>"), page.indexOf("<h2>Recent rows</h2>"));
        assertThat(latest).contains("FieldNamingConventions <b class=\"count\">× 13</b>")
                .contains("<summary>Test code: <span class=\"scope-summary\">54 findings in 6 groups</span></summary>");
        assertThat(occurrences(latest, "FieldNamingConventions")).isEqualTo(1);
    }

    private static void assertGroupsListed(String where, String html) {
        String main = html.substring(html.indexOf("<h3>Latest findings</h3>"), html.indexOf("<details"));
        String collapsed = html.substring(html.indexOf("<details"));
        assertThat(main).as(where).contains("<h4>Main code: <span class=\"scope-summary\">14 findings in 2 groups</span></h4>");
        assertThat(occurrences(html, "FieldNamingConventions")).as(where).isEqualTo(1);
        assertThat(main).as(where).contains("FieldNamingConventions <b class=\"count\">× 13</b>");
        assertThat(main.indexOf("OsCommandInjection")).as(where + ": the critical one first")
                .isPositive().isLessThan(main.indexOf("FieldNamingConventions"));
        assertThat(main).as(where).contains("src/main/java/com/acme/noise/Service01.java:7, src/main/java/com/acme/noise/Service02.java:7")
                .contains("The constant name &#39;log&#39; doesn&#39;t match &#39;[A-Z][A-Z_0-9]*&#39;")
                .doesNotContain("ThreadSleepInTest");
        assertThat(collapsed).as(where).startsWith("<details class=\"finding-scope scope-test\" data-scope=\"test\">")
                .contains("<summary>Test code: <span class=\"scope-summary\">54 findings in 6 groups</span></summary>")
                .contains("ThreadSleepInTest <b class=\"count\">× 9</b>");
        assertThat(occurrences(collapsed, "<b class=\"count\">× 9</b>")).as(where).isEqualTo(6);
    }

    @Test
    void theCountsOnAPageAgreeWithEachOtherAndWithTheRowsMetrics() {
        Row row = latestNoisyRow();
        for (String path : List.of("/", "/workers/noisy")) {
            String html = path.equals("/") ? article(http.get(path).body(), "noisy") : http.get(path).body();
            int open = Integer.parseInt(definition(html, "Open findings (main code)"));
            List<Integer> severities = numbers(html, "<li><span class=\"sev severity-[a-z]+\">[a-z]+</span> <b>(\\d+)</b></li>");
            assertThat(severities).as(path).hasSize(5);
            assertThat(open).as(path).isEqualTo(14).isEqualTo((int) row.metric("findings_main").orElseThrow());
            assertThat(severities.stream().mapToInt(Integer::intValue).sum()).as(path + ": severities add up").isEqualTo(open);
            assertThat(html).as(path).contains("<span class=\"sev severity-critical\">critical</span> <b>1</b>")
                    .contains("<span class=\"sev severity-low\">low</span> <b>13</b>")
                    .contains("<li class=\"scope-main\"><span>Main code</span> <b>14</b></li>")
                    .contains("<li class=\"scope-test\"><span>Test code</span> <b>54</b></li>")
                    .doesNotContain("severity-note");
        }
    }

    @Test
    void theApiExposesGroupsAndCountsPerScope() throws Exception {
        JsonNode insights = json(http.get("/api/workers/noisy")).get("insights");
        assertThat(insights.get("open_findings").asInt()).isEqualTo(14);
        assertThat(insights.get("counts_complete").asBoolean()).isTrue();
        int bySeverity = 0;
        for (JsonNode count : insights.get("findings_by_severity")) {
            bySeverity += count.asInt();
        }
        assertThat(bySeverity).isEqualTo(14);
        assertThat(insights.get("findings_by_severity").get("critical").asInt()).isEqualTo(1);
        assertThat(insights.get("findings_by_scope").get("main").asInt()).isEqualTo(14);
        assertThat(insights.get("findings_by_scope").get("test").asInt()).isEqualTo(54);
        JsonNode groups = insights.get("top_finding_groups");
        assertThat(groups).hasSize(8);
        assertThat(groups.get(0).get("rule").asText()).isEqualTo("OsCommandInjection");
        assertThat(groups.get(1).get("rule").asText()).isEqualTo("FieldNamingConventions");
        assertThat(groups.get(1).get("count").asInt()).isEqualTo(13);
        assertThat(groups.get(1).get("scope").asText()).isEqualTo("main");
        assertThat(groups.get(1).get("locations")).hasSize(5);
        assertThat(groups.get(2).get("scope").asText()).isEqualTo("test");
        JsonNode test = insights.get("finding_scopes").get(1);
        assertThat(test.get("scope").asText()).isEqualTo("test");
        assertThat(test.get("findings").asInt()).isEqualTo(54);
        assertThat(test.get("groups").asInt()).isEqualTo(6);
    }

    @Test
    void theFindingsGaugeCountsEveryFindingByScopeAndSeverity() {
        String prometheus = http.get("/actuator/prometheus").body();
        String series = "autocoder_findings{perspective=\"noise\",scope=\"%s\",severity=\"%s\",worker=\"noisy\"}";
        assertThat(metric(prometheus, series.formatted("main", "low"))).isEqualTo(13);
        assertThat(metric(prometheus, series.formatted("main", "critical"))).isEqualTo(1);
        assertThat(metric(prometheus, series.formatted("test", "medium"))).isEqualTo(54);
        double all = prometheus.lines().filter(l -> l.startsWith("autocoder_findings{") && l.contains("worker=\"noisy\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(all).isEqualTo(latestNoisyRow().issuesFound()).isEqualTo(68);
    }

    @Test
    void aRowWrittenBeforeScopesStillShowsItsGroupsAndSaysItsListIsCapped() throws Exception {
        String page = http.get("/workers/legacy").body();
        assertThat(page).contains("<h4>Main code: <span class=\"scope-summary\">14 findings; the results list only 2 groups holding 10 of them</span></h4>")
                .contains("FieldNamingConventions <b class=\"count\">× 9</b>")
                .contains("Counted from the listed findings only (10 of 14)")
                .doesNotContain("<details");
        assertThat(definition(page, "Open findings (main code)")).isEqualTo("14");
        JsonNode insights = json(http.get("/api/workers/legacy")).get("insights");
        assertThat(insights.get("counts_complete").asBoolean()).isFalse();
        assertThat(insights.get("open_findings").asInt()).isEqualTo(14);
        assertThat(insights.get("top_finding_groups").get(1).get("count").asInt()).isEqualTo(9);
        assertThat(metric(http.get("/actuator/prometheus").body(),
                "autocoder_findings{perspective=\"legacy-code\",scope=\"main\",severity=\"low\",worker=\"legacy\"}")).isEqualTo(9);
    }

    private static Row latestNoisyRow() {
        List<Row> rows = store.rows(NOISY);
        return rows.get(rows.size() - 1);
    }

    /** The insights article of one worker on the dashboard. */
    private static String article(String html, String worker) {
        int start = html.indexOf("<article class=\"worker-insights\" data-worker=\"" + worker + "\">");
        assertThat(start).as("insights of " + worker).isNotNegative();
        return html.substring(start, html.indexOf("</article>", start));
    }

    private static String definition(String html, String name) {
        Matcher matcher = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd>([^<]*)</dd>").matcher(html);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }

    private static List<Integer> numbers(String html, String regex) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
