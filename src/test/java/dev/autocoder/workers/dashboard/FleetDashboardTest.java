package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.App;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fleet overview, the repository picker and ?target= over real HTTP, on two real repositories. */
class FleetDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANALYSIS = "autocoder-analysis-results";
    private static final String PLANS = "autocoder-test-planning-results";

    @TempDir
    Path temp;

    @Test
    void theOverviewHasOneLinePerTargetAndThePickerShowsOneTargetsWorkers() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path beta = FleetRepositories.create(temp, "beta");
        Map<String, Object> properties = App.fastWorkerProperties(temp, temp.resolve("store"));
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "code-quality,security");
        properties.put("autocoder.fleet.tick", "100ms");
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", beta.toString());
        properties.put("autocoder.targets[1].perspectives.analysis", "security");
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            int port = App.port(context);
            await("both perspectives of alpha have an ok row").atMost(Duration.ofMinutes(2)).until(() -> {
                JsonNode line = JSON.readTree(get(port, "/api/fleet?target=" + alphaId).body());
                return line.path("workers").path(0).path("perspectives").size() == 2
                        && line.path("workers").path(0).path("rows").asLong() >= 2;
            });

            JsonNode fleet = JSON.readTree(get(port, "/api/fleet").body());
            assertThat(fleet.path("targets")).hasSize(2);
            JsonNode first = fleet.path("targets").get(0);
            assertThat(first.path("target_id").asText()).isEqualTo(alphaId);
            assertThat(first.path("repository").asText()).isEqualTo(alpha.toString());
            assertThat(first.path("status").asText()).isEqualTo("ok");
            assertThat(first.path("score").isNumber()).isTrue();
            // the planted empty catch block: code-quality finds it in main code
            assertThat(first.path("findings").fieldNames()).toIterable().containsExactly("critical", "high", "medium", "low", "info");
            int found = 0;
            for (JsonNode count : first.path("findings")) {
                found += count.asInt();
            }
            assertThat(found).isPositive();
            assertThat(first.path("last_row").path("worker").asText()).isEqualTo("analysis");
            assertThat(fleet.path("targets").get(1).path("target_id").asText()).isEqualTo(betaId);

            JsonNode betaLine = JSON.readTree(get(port, "/api/fleet?target=" + betaId).body());
            assertThat(betaLine.path("workers").path(0).path("perspectives")).extracting(p -> p.path("id").asText())
                    .containsOnly("security");
            assertThat(get(port, "/api/fleet?target=nobody-00000000").status()).isEqualTo(404);
            assertThat(get(port, "/api/fleet?target=%3Cscript%3E").status()).isEqualTo(400);

            RawHttp.Answer page = get(port, "/fleet?target=" + alphaId);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"fleet-table\"", "data-target=\"" + alphaId + "\"",
                    "data-target=\"" + betaId + "\"", "<h2 id=\"selected-target\">" + alphaId + "</h2>",
                    // JMustache escapes '=' too: the browser reads it as /fragments/fleet?target=<id>
                    "data-refresh-url=\"/fragments/fleet?target&#x3D;" + alphaId + "\"");
            RawHttp.Answer hostile = get(port, "/fragments/fleet?target=%3Cscript%3Ealert(1)%3C/script%3E");
            assertThat(hostile.status()).isEqualTo(200);
            assertThat(hostile.body()).doesNotContain("<script>").contains("id=\"unknown-target\"");
        }
    }

    /** ?target= on the dashboard and the APIs: one gate per target, one target's rows, its own running totals. */
    @Test
    void eachTargetHasItsOwnGatePagesAndRunningTotals() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path beta = FleetRepositories.create(temp, "beta");
        // beta without the empty catch block: its gate passes where alpha's fails
        cleanGreeter(beta);
        Map<String, Object> properties = App.fastWorkerProperties(temp, temp.resolve("store"));
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis,test-planning");
        properties.put("autocoder.workers.analysis.perspectives", "code-quality,security");
        properties.put("autocoder.workers.test-planning.perspectives", "failure-modes,edge-cases");
        properties.put("autocoder.testplan.output-dir", temp.resolve("plans").toString());
        properties.put("autocoder.workers.test-planning.period", "100ms");
        properties.put("autocoder.workers.test-planning.delay", "0");
        properties.put("autocoder.fleet.tick", "100ms");
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", beta.toString());
        properties.put("autocoder.targets[1].perspectives.analysis", "security");
        // one commit, younger than 30 days: all code is new, so a finding in main code fails the gate
        properties.put("autocoder.gate.new-code", "days:30");
        properties.put("autocoder.gate.conditions", "new_main_findings <= 0");
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            perTargetGatePagesAndTotals(context, App.port(context), alphaId, betaId);
        }
    }

    private static void perTargetGatePagesAndTotals(ConfigurableApplicationContext context, int port, String alphaId,
                                                    String betaId) throws Exception {
        DatasetStore store = context.getBean(DatasetStore.class);
        await("a test plan of each target").atMost(Duration.ofMinutes(2)).until(() -> {
            List<Row> plans = store.rows(PLANS);
            return plans.stream().anyMatch(r -> alphaId.equals(r.targetId())) && plans.stream().anyMatch(r -> betaId.equals(r.targetId()));
        });
        await("beta's security row is in its gate").atMost(Duration.ofMinutes(2)).until(() ->
                JSON.readTree(get(port, "/api/gate?target=" + betaId).body()).path("perspectives").size() >= 1);

        // one gate per target: alpha's empty catch block is new code in main, beta has none
        JsonNode alphaGate = JSON.readTree(get(port, "/api/gate?target=" + alphaId).body());
        JsonNode betaGate = JSON.readTree(get(port, "/api/gate?target=" + betaId).body());
        assertThat(alphaGate.path("status").asText()).isEqualTo("failed");
        assertThat(alphaGate.path("repository").asText()).contains("alpha");
        assertThat(betaGate.path("status").asText()).isEqualTo("passed");
        assertThat(betaGate.path("repository").asText()).contains("beta");
        assertThat(get(port, "/api/sarif?target=" + alphaId).body()).contains("EmptyCatchBlock");
        assertThat(get(port, "/api/sarif?target=" + betaId).body()).doesNotContain("EmptyCatchBlock");

        // the gauge: one series per target and status, tagged target
        String metrics = get(port, "/actuator/prometheus").body();
        assertThat(metrics).contains("autocoder_quality_gate{status=\"failed\",target=\"" + alphaId + "\"} 1.0",
                "autocoder_quality_gate{status=\"passed\",target=\"" + betaId + "\"} 1.0",
                "# HELP autocoder_quality_gate 1 for the quality gate's current status (passed, failed, unknown), 0 for the others");

        // the dashboard of one target: its gate, the picker with it selected, fragments and links that carry it
        RawHttp.Answer home = get(port, "/?target=" + betaId);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Quality gate: PASSED", "id=\"target-picker\"",
                "data-target=\"" + betaId + "\" class=\"selected\" aria-current=\"page\"",
                "data-refresh-url=\"/fragments/gate?target&#x3D;" + betaId + "\"",
                "href=\"/workers/analysis?target&#x3D;" + betaId + "\"");
        assertThat(get(port, "/fragments/gate?target=" + alphaId).body()).contains("Quality gate: FAILED");
        assertThat(get(port, "/").body()).contains("id=\"target-picker\"", "All targets");
        RawHttp.Answer workerPage = get(port, "/workers/analysis?target=" + betaId);
        assertThat(workerPage.status()).isEqualTo(200);
        assertThat(workerPage.body()).contains("/fragments/workers/analysis/details?target&#x3D;" + betaId);
        assertThat(get(port, "/fragments/workers/analysis/details?target=" + betaId).body()).doesNotContain("EmptyCatchBlock");

        // unknown and malformed targets are refused, escaped, before any page or answer is built
        for (String path : List.of("/", "/fragments/status", "/fragments/gate", "/fragments/insights", "/workers/analysis",
                "/api/workers/analysis", "/api/workers/analysis/rows", "/api/gate", "/api/sarif")) {
            assertThat(get(port, path + "?target=nobody-00000000").status()).as(path).isEqualTo(404);
            RawHttp.Answer bad = get(port, path + "?target=%3Cscript%3Ealert(1)%3C/script%3E");
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.body()).as(path).doesNotContain("<script>");
        }

        // each target's running totals count its own rows only
        for (String target : List.of(alphaId, betaId)) {
            long before = store.rows(ANALYSIS).stream().filter(r -> target.equals(r.targetId())).count();
            JsonNode worker = JSON.readTree(get(port, "/api/workers/analysis?target=" + target).body());
            List<Row> after = store.rows(ANALYSIS);
            long ownAfter = after.stream().filter(r -> target.equals(r.targetId())).count();
            assertThat(worker.path("target_id").asText()).isEqualTo(target);
            assertThat(worker.path("insights").path("rows").asLong()).as(target).isBetween(before, ownAfter);
            assertThat(ownAfter).as("the other target has rows too").isLessThan(after.size());
            assertThat(worker.path("latest_row").path("target_id").asText()).isEqualTo(target);
            JsonNode rows = JSON.readTree(get(port, "/api/workers/analysis/rows?limit=50&target=" + target).body());
            assertThat(rows.path("target_id").asText()).isEqualTo(target);
            assertThat(rows.path("rows")).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.path("target_id").asText()).as(target).isEqualTo(target));
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Row> plans = store.rows(PLANS);
        for (String target : List.of(alphaId, betaId)) {
            List<Row> own = plans.stream().filter(r -> target.equals(r.targetId())).toList();
            Set<String> failureModes = new HashSet<>();
            Set<String> edgeCases = new HashSet<>();
            for (Row row : own) {
                JsonNode analysis = mapper.valueToTree(row.extraColumns().get("analysis"));
                analysis.path("failure_modes").forEach(f -> failureModes.add(f.path("id").asText()));
                analysis.path("edge_cases").forEach(e -> edgeCases.add(e.path("id").asText()));
            }
            JsonNode totals = mapper.valueToTree(own.get(own.size() - 1).extraColumns().get("cumulative_insights"));
            assertThat(totals.path("failure_modes_identified").asLong()).as(target).isEqualTo(failureModes.size());
            assertThat(totals.path("edge_cases_discovered").asLong()).as(target).isEqualTo(edgeCases.size());
        }
    }

    private static void cleanGreeter(Path repository) throws Exception {
        Path greeter = repository.resolve("src/main/java/org/example/beta/Greeter.java");
        Files.writeString(greeter, """
                package org.example.beta;

                public class Greeter {
                    public String greet(String who) {
                        return who == null ? "Hello" : "Hello, " + who.trim();
                    }
                }
                """);
        try (Git git = Git.open(repository.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setAmend(true).setMessage("Initial import of beta").setAuthor("Fleet", "fleet@example.org")
                    .setCommitter("Fleet", "fleet@example.org").call();
        }
    }

    private static RawHttp.Answer get(int port, String path) {
        return RawHttp.send(port, "GET", path, "localhost:" + port);
    }
}
