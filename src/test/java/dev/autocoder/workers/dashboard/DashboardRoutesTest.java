package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard and API endpoint over real HTTP against the running application (architecture perspective on
 * the fixture repository, a 300 ms timer, an admin token): answers, headers, 404s, methods, the token and CSRF
 * rules, Stop / Start / Run now, escaping of a planted file name, no echoed request headers, meters and health.
 */
class DashboardRoutesTest {

    static final String TOKEN = "dashboard-admin-token-7f3a91";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String DATASET = "autocoder-analysis-results";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static ConfigurableApplicationContext app;
    static Http http;
    static DatasetStore store;
    static Path storePath;

    @BeforeAll
    static void start() throws Exception {
        FixtureRepository fixture = XssFixture.create(temp.resolve("repo"));
        storePath = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), storePath);
        // pinned: the status figures below count exactly these workers
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture");
        properties.put("autocoder.workers.analysis.period", "300ms");
        properties.put("autocoder.dashboard.admin-token", TOKEN);
        properties.put("autocoder.dashboard.max-rows-limit", "5");
        app = App.start(properties);
        http = new Http(App.port(app));
        store = app.getBean(DatasetStore.class);
        await("3 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows(DATASET).size() >= 3);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void pagesAnswerEscapedHtmlWithStrictHeaders() {
        for (String path : List.of("/", "/fragments/status", "/fragments/insights", "/workers/analysis",
                "/fragments/workers/analysis/status", "/fragments/workers/analysis/details")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValue(CSP);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.body()).as(path).doesNotContain("<script>").doesNotContain(" style=");
        }
        // the health lines read the clock: a row older than three periods (a stall of the machine) says "stale", so
        // they are read again until the next row, as a user's refresh would
        await("the dashboard says operational").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/").body())
                .contains("<p class=\"status-line\" id=\"status-line\">All Systems Operational</p>"));
        String dashboard = http.get("/").body();
        assertThat(dashboard)
                .contains("<tr data-worker=\"analysis\">")
                .contains("<script src=\"/autocoder/dashboard.js\" defer></script>")
                .contains("data-refresh-url=\"/fragments/status\" data-refresh-ms=\"10000\"")
                .contains("data-refresh-url=\"/fragments/insights\" data-refresh-ms=\"30000\"")
                .contains("Quality score per perspective").contains("Open findings over time")
                .contains("<polyline class=\"line series-0\"")
                .contains("<td class=\"mono rule\">package-cycle")
                .contains("Status updated at <time");
        // findings without a line (package cycles) cannot be told new or not against the baseline: "—", not "0 new"
        assertThat(http.get("/fragments/gate").body()).contains("<td>architecture</td><td class=\"num\">—</td>")
                .contains("none could be told new or not");
        await("the worker page says running").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/workers/analysis").body())
                .contains("<span class=\"state state-running\" id=\"worker-state\">running</span>"));
        String worker = http.get("/workers/analysis").body();
        assertThat(worker).contains("<input type=\"password\" name=\"token\" id=\"admin-token\"")
                .contains("formaction=\"/workers/analysis/stop\"").contains("formaction=\"/workers/analysis/start\"")
                .contains("formaction=\"/workers/analysis/run\"").contains("name=\"_csrf\" value=\"")
                .contains("<h2>Latest result</h2>").contains("<h2>Recent rows</h2>")
                .contains("<th>Score</th><th>Findings</th><th>New</th><th>Duration</th>")
                // one target: nothing says which of a list the buttons act on
                .doesNotContain("controls-scope").doesNotContain("worker-target");
        assertThat(http.get("/autocoder/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/autocoder/dashboard.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiAnswersNeverCachedJson() throws Exception {
        for (String path : List.of("/api/status", "/api/workers", "/api/workers/analysis", "/api/workers/analysis/rows", "/api/csrf")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        await("operational").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("status").asText().equals("operational"));
        JsonNode status = json(http.get("/api/status"));
        assertThat(status.get("label").asText()).isEqualTo("All Systems Operational");
        assertThat(status.get("workers_up").asInt()).isEqualTo(1);
        assertThat(status.get("workers_total").asInt()).isEqualTo(1);
        assertThat(status.get("repository").asText()).isEqualTo(temp.resolve("repo").toString());
        assertThat(status.get("commit").asText()).hasSize(40);
        assertThat(status.get("workers").get(0).get("worker").asText()).isEqualTo("analysis");

        JsonNode worker = json(http.get("/api/workers")).get("workers").get(0);
        assertThat(worker.get("route_id").asText()).isEqualTo("analysis-worker");
        assertThat(worker.get("dataset").asText()).isEqualTo(DATASET);
        assertThat(worker.get("period_ms").asLong()).isEqualTo(300);
        assertThat(worker.get("next_perspective").asText()).isEqualTo("architecture");

        JsonNode details = json(http.get("/api/workers/analysis"));
        JsonNode perspective = details.get("insights").get("perspectives").get(0);
        assertThat(perspective.get("id").asText()).isEqualTo("architecture");
        assertThat(perspective.get("name").asText()).isEqualTo("Architecture Review");
        assertThat(details.get("insights").get("top_findings").findValuesAsText("rule")).contains("package-cycle");
        assertThat(details.get("latest_row").get("perspective_id").asText()).isEqualTo("architecture");
    }

    @Test
    void rowsComeNewestFirstWithABoundedLimit() throws Exception {
        await("5 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows(DATASET).size() >= 5);
        JsonNode two = json(http.get("/api/workers/analysis/rows?limit=2"));
        assertThat(two.get("limit").asInt()).isEqualTo(2);
        List<Long> iterations = new ArrayList<>();
        two.get("rows").forEach(r -> iterations.add(r.get("iteration").asLong()));
        assertThat(iterations).hasSize(2);
        assertThat(iterations.get(0)).isEqualTo(iterations.get(1) + 1);

        for (String large : List.of("100000", "2147483648", "99999999999999999999999")) {
            HttpResponse<String> capped = http.get("/api/workers/analysis/rows?limit=" + large);
            assertThat(capped.statusCode()).as(large).isEqualTo(200);
            assertThat(json(capped).get("limit").asInt()).as(large).isEqualTo(5);
            assertThat(json(capped).get("rows")).as(large).hasSize(5);
        }
        assertThat(json(http.get("/api/workers/analysis/rows")).get("limit").asInt()).isEqualTo(5);

        for (String bad : List.of("0", "-3", "abc", "1e3")) {
            HttpResponse<String> answer = http.get("/api/workers/analysis/rows?limit=" + bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(answer).get("error").asText()).isEqualTo("limit must be a whole number from 1 to 5");
        }
    }

    @Test
    void healthDetailsOnlyForCallersOnThisMachineOrTheAdmin() throws Exception {
        int port = App.port(app);
        // with an admin token the dashboard answers under any name (a proxy's, a Space's): as before
        RawHttp.Answer anonymous = RawHttp.send(port, "GET", "/actuator/health", "dashboard.example.org");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).startsWith("{\"status\":").doesNotContain("components").doesNotContain("details")
                .doesNotContain(storePath.toString());

        RawHttp.Answer admin = RawHttp.send(port, "GET", "/actuator/health", "dashboard.example.org", "Authorization", "Bearer " + TOKEN);
        assertThat(JSON.readTree(admin.body()).get("components").get("workers").get("details").get("store").get("writable").asBoolean()).isTrue();
        RawHttp.Answer wrongToken = RawHttp.send(port, "GET", "/actuator/health", "dashboard.example.org", "Authorization", "Bearer nope");
        assertThat(wrongToken.body()).doesNotContain("components");

        // a loopback caller that addressed a loopback name is on this machine
        JsonNode local = json(http.get("/actuator/health"));
        assertThat(local.get("components").get("diskSpace").get("details").get("total").asLong()).isPositive();
        assertThat(JSON.readTree(RawHttp.send(port, "GET", "/actuator/health", "localhost:" + port).body()).has("components")).isTrue();
        assertThat(RawHttp.send(port, "GET", "/api/status", "dashboard.example.org").status()).isEqualTo(200);
    }

    @Test
    void unknownWorkersAre404() throws Exception {
        for (String path : List.of("/api/workers/nope", "/api/workers/nope/rows")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(json(answer).get("error").asText()).isEqualTo("unknown worker 'nope'");
        }
        for (String path : List.of("/workers/nope", "/fragments/workers/nope/status", "/fragments/workers/nope/details")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).contains("There is no worker &#39;nope&#39; in this application.");
        }
        HttpResponse<String> stop = http.post("/workers/nope/stop", "Authorization", "Bearer " + TOKEN);
        assertThat(stop.statusCode()).isEqualTo(404);
        assertThat(json(stop).get("error").asText()).isEqualTo("unknown worker 'nope'");
        // a name that could carry markup is not repeated
        assertThat(json(http.get("/api/workers/%3Cb%3E")).get("error").asText()).isEqualTo("unknown worker");
    }

    @Test
    void stateChangesArePostOnlyAndPagesGetOnly() {
        for (String action : List.of("start", "stop", "run")) {
            assertThat(http.get("/workers/analysis/" + action, "Authorization", "Bearer " + TOKEN).statusCode())
                    .as(action).isEqualTo(405);
        }
        assertThat(http.post("/api/status").statusCode()).isEqualTo(405);
        assertThat(http.post("/").statusCode()).isEqualTo(405);
        assertThat(http.post("/api/workers/analysis").statusCode()).isEqualTo(405);
    }

    @Test
    void theAdminTokenIsRequiredAndComparedExactly() throws Exception {
        HttpResponse<String> wrong = http.post("/workers/analysis/run", "Authorization", "Bearer " + TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json(wrong).get("error").asText()).isEqualTo("wrong admin token");
        assertThat(http.post("/workers/analysis/run", "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        // no credentials at all: treated as a form without a CSRF token
        assertThat(http.post("/workers/analysis/run").statusCode()).isEqualTo(403);

        String csrf = http.csrfFrom("/workers/analysis");
        HttpResponse<String> noToken = http.postForm("/workers/analysis/run", Http.fields("_csrf", csrf));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(noToken.body()).contains("the admin token is required");
        HttpResponse<String> wrongForm = http.postForm("/workers/analysis/run", Http.fields("_csrf", csrf, "token", "nope"));
        assertThat(wrongForm.statusCode()).isEqualTo(403);
        assertThat(wrongForm.body()).contains("wrong admin token");

        HttpResponse<String> accepted = http.postForm("/workers/analysis/run", Http.fields("_csrf", csrf, "token", TOKEN),
                "Origin", http.base());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/workers/analysis");

        HttpResponse<String> script = http.post("/workers/analysis/run", "Authorization", "Bearer " + TOKEN);
        assertThat(script.statusCode()).isEqualTo(202);
        assertThat(json(script).get("action").asText()).isEqualTo("run");
    }

    @Test
    void formsWithoutAValidCsrfTokenOrFromAnotherOriginAreRefused() {
        HttpResponse<String> missing = http.postForm("/workers/analysis/stop", Http.fields("token", TOKEN));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("missing or expired CSRF token");
        HttpResponse<String> forged = http.postForm("/workers/analysis/stop", Http.fields("token", TOKEN,
                "_csrf", System.currentTimeMillis() + "." + "ab".repeat(32)));
        assertThat(forged.statusCode()).isEqualTo(403);

        String csrf = http.csrfFrom("/workers/analysis");
        HttpResponse<String> crossOrigin = http.postForm("/workers/analysis/stop", Http.fields("token", TOKEN, "_csrf", csrf),
                "Origin", "http://evil.example");
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        assertThat(crossOrigin.body()).contains("cross-origin request refused");
        HttpResponse<String> inUrl = http.postForm("/workers/analysis/stop?token=" + TOKEN, Http.fields("_csrf", csrf));
        assertThat(inUrl.statusCode()).isEqualTo(400);
        assertThat(inUrl.body()).doesNotContain(TOKEN);
        // none of these stopped the worker
        assertThat(app.getBean(WorkerControl.class).isRunning("analysis")).isTrue();
    }

    @Test
    void stopSuspendsTheRouteStartResumesItAndRunNowRunsOneIteration() throws Exception {
        CamelContext camel = app.getBean(CamelContext.class);
        HttpResponse<String> stop = http.post("/workers/analysis/stop", "Authorization", "Bearer " + TOKEN);
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(json(stop).get("state").asText()).isEqualTo("stopped");
        await("route suspended").atMost(Duration.ofSeconds(30)).until(
                () -> camel.getRouteController().getRouteStatus("analysis-worker") == ServiceStatus.Suspended);
        WorkerRegistry registry = app.getBean(WorkerRegistry.class);
        await("no iteration in progress").atMost(Duration.ofSeconds(30)).until(() -> !registry.find("analysis").orElseThrow().isIterating());

        assertThat(json(http.get("/api/workers/analysis")).get("worker").get("state").asText()).isEqualTo("stopped");
        assertThat(http.get("/").body()).contains("<span class=\"state state-stopped\">stopped</span>")
                .contains("System Offline");
        assertThat(Files.readString(storePath.resolve(".state/stopped-workers.json"))).isEqualTo("{\"analysis\":\"analysis-worker\"}");
        // a deliberately stopped worker does not fail the health check
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode workersHealth = json(health).get("components").get("workers");
        assertThat(workersHealth.get("status").asText()).isEqualTo("UP");
        assertThat(workersHealth.get("details").get("workers").get("analysis").get("state").asText()).isEqualTo("stopped");
        assertThat(workersHealth.get("details").get("store").get("writable").asBoolean()).isTrue();

        // while stopped: every row written in this process is counted, the gauges show the latest row
        List<Row> rows = store.rows(DATASET);
        Row last = rows.get(rows.size() - 1);
        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(metric(prometheus, "autocoder_rows_written_total{dataset=\"" + DATASET + "\"}")).isEqualTo(rows.size());
        assertThat(metric(prometheus, "autocoder_iterations_total{perspective=\"architecture\",status=\"ok\",worker=\"analysis\"}"))
                .isEqualTo(rows.stream().filter(r -> r.status() == Status.OK).count());
        assertThat(metric(prometheus, "autocoder_iteration_duration_seconds_count{perspective=\"architecture\",worker=\"analysis\"}"))
                .isEqualTo(rows.size());
        assertThat(metric(prometheus, "autocoder_quality_score{perspective=\"architecture\",worker=\"analysis\"}"))
                .isEqualTo(last.qualityScore());
        // all findings, from the row's per-scope counts, not only the listed ones
        assertThat(metric(prometheus, "autocoder_findings{perspective=\"architecture\",scope=\"main\",severity=\"high\",worker=\"analysis\"}"))
                .isEqualTo(last.metric("findings.main.high").orElse(0));
        assertThat(prometheus).contains("camel_exchanges_total{camelContext=\"autocoder\",eventType=\"route\",kind=\"CamelRoute\",routeId=\"api-status\"}");

        // Run now: exactly one more row, though the timer stays stopped
        int before = rows.size();
        HttpResponse<String> run = http.post("/workers/analysis/run", "Authorization", "Bearer " + TOKEN);
        assertThat(run.statusCode()).isEqualTo(202);
        await("the requested row").atMost(Duration.ofMinutes(1)).until(() -> store.rows(DATASET).size() == before + 1);
        await("run finished").atMost(Duration.ofSeconds(30)).until(() -> !app.getBean(WorkerControl.class).isRunPending("analysis"));
        assertThat(ServiceHelper.isSuspended(camel.getRoute("analysis-worker").getConsumer())).isTrue();
        // five timer periods: a timer still firing would have written another row within them
        await("no timer row while stopped").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> store.rows(DATASET).size() == before + 1);
        assertThat(camel.getRouteController().getRouteStatus("analysis-worker")).isEqualTo(ServiceStatus.Suspended);

        HttpResponse<String> start = http.post("/workers/analysis/start", "Authorization", "Bearer " + TOKEN);
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(json(start).get("state").asText()).isEqualTo("running");
        await("route started").atMost(Duration.ofSeconds(30)).until(
                () -> camel.getRouteController().getRouteStatus("analysis-worker") == ServiceStatus.Started);
        await("the timer writes again").atMost(Duration.ofMinutes(1)).until(() -> store.rows(DATASET).size() >= before + 3);
        assertThat(Files.readString(storePath.resolve(".state/stopped-workers.json"))).isEqualTo("{}");
        await("operational").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("status").asText().equals("operational"));
    }

    @Test
    void aFileNameMadeOfMarkupIsEscapedOnEveryPageAndInTheApi() throws Exception {
        await("the planted finding").atMost(Duration.ofMinutes(1)).until(() -> store.rows(DATASET).stream()
                .flatMap(r -> r.findings().stream()).anyMatch(f -> XssFixture.FILE.equals(f.file())));
        for (String path : List.of("/", "/fragments/insights", "/workers/analysis", "/fragments/workers/analysis/details")) {
            String html = http.get(path).body();
            assertThat(html).as(path).contains(XssFixture.ESCAPED_IN_HTML).doesNotContain("<img").doesNotContain("onerror=alert");
        }
        for (String path : List.of("/api/workers/analysis", "/api/workers/analysis/rows?limit=5")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.body()).as(path).contains(XssFixture.ESCAPED_IN_JSON).doesNotContain("<img").doesNotContain(">");
            assertThat(json(answer).findValuesAsText("file")).as(path).contains(XssFixture.FILE);
        }
    }

    @Test
    void noRequestHeaderAndNoSecretComesBackInAnyAnswer() {
        String[] probes = {"Authorization", "Bearer " + TOKEN, "X-Echo-Probe", "probe-6b1d", "Cookie", "session=cookie-93c2"};
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/", "/fragments/status", "/fragments/insights", "/workers/analysis",
                "/fragments/workers/analysis/status", "/fragments/workers/analysis/details", "/api/status", "/api/workers",
                "/api/workers/analysis", "/api/workers/analysis/rows?limit=2", "/api/csrf", "/api/workers/nope",
                "/workers/nope", "/workers/analysis/run")) {
            answers.add(http.get(path, probes));
        }
        answers.add(http.post("/workers/analysis/run", probes));
        answers.add(http.post("/workers/nope/run", probes));
        answers.add(http.post("/workers/analysis/run", "Authorization", "Bearer wrong-" + TOKEN, "X-Echo-Probe", "probe-6b1d"));
        String csrf = http.csrfFrom("/workers/analysis");
        answers.add(http.postForm("/workers/analysis/run", Http.fields("_csrf", csrf, "token", TOKEN), "X-Echo-Probe", "probe-6b1d"));
        answers.add(http.postForm("/workers/analysis/run", Http.fields("_csrf", csrf, "token", TOKEN + "-wrong")));

        for (HttpResponse<String> answer : answers) {
            String where = answer.request().method() + " " + answer.uri().getPath() + " → " + answer.statusCode();
            answer.headers().map().forEach((name, values) -> {
                assertThat(name.toLowerCase(Locale.ROOT)).as(where).isNotIn("authorization", "x-echo-probe", "cookie", "token", "_csrf", "id");
                for (String value : values) {
                    assertThat(value).as(where + " header " + name).doesNotContain(TOKEN).doesNotContain("probe-6b1d")
                            .doesNotContain("cookie-93c2");
                }
            });
            assertThat(answer.body()).as(where).doesNotContain(TOKEN).doesNotContain("probe-6b1d").doesNotContain("cookie-93c2");
        }
    }

    static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    static double metric(String prometheus, String series) {
        return prometheus.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }
}
