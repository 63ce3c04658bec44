package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.target.FleetRepositories;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.SarifMultitool;
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

            // beta runs beside alpha, not after it: its first row may still be on its way
            await("beta has a row").atMost(Duration.ofMinutes(2)).until(() -> JSON.readTree(
                    get(port, "/api/fleet?target=" + betaId).body()).path("workers").path(0).path("rows").asLong() >= 1);
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

        // without a target, the fleet's gate: the worst of the two, each repository's verdict beside it
        JsonNode fleetGate = JSON.readTree(get(port, "/api/gate").body());
        assertThat(fleetGate.path("status").asText()).isEqualTo("failed");
        assertThat(fleetGate.path("reason").asText()).startsWith("1 of 2 repositories fail the gate: ").contains("alpha");
        assertThat(fleetGate.path("targets")).extracting(t -> t.path("target_id").asText()).containsExactly(alphaId, betaId);
        assertThat(fleetGate.path("targets").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(fleetGate.path("targets").get(0).path("failed_conditions")).extracting(JsonNode::asText)
                .containsExactly("new_main_findings <= 0");
        assertThat(fleetGate.path("targets").get(1).path("status").asText()).isEqualTo("passed");
        assertThat(get(port, "/fragments/gate").body()).contains("Quality gate: FAILED", "id=\"gate-targets\"",
                "fails new_main_findings &lt;&#x3D; 0").doesNotContain("gate-conditions");
        // and the SARIF of every target, each run naming its target; alpha's empty catch block only in alpha's runs
        JsonNode sarif = JSON.readTree(get(port, "/api/sarif").body());
        assertThat(sarif.path("runs")).extracting(r -> r.path("automationDetails").path("id").asText())
                .contains(alphaId + "/", betaId + "/").allMatch(id -> id.equals(alphaId + "/") || id.equals(betaId + "/"));
        for (JsonNode run : sarif.path("runs")) {
            if (run.path("automationDetails").path("id").asText().equals(betaId + "/")) {
                assertThat(run.toString()).doesNotContain("EmptyCatchBlock");
            }
        }
        assertThat(sarif.toString()).contains("EmptyCatchBlock");
        Path sarifFile = Files.createTempFile("fleet", ".sarif");
        Files.writeString(sarifFile, sarif.toString());
        assertThat(SarifMultitool.errors(sarifFile)).isEmpty();

        // the gauge: one series per target and status, tagged target
        String metrics = get(port, "/actuator/prometheus").body();
        assertThat(metrics).contains("autocoder_quality_gate{status=\"failed\",target=\"" + alphaId + "\"} 1.0",
                "autocoder_quality_gate{status=\"passed\",target=\"" + betaId + "\"} 1.0",
                "# HELP autocoder_quality_gate 1 for the quality gate's current status (passed, failed, unknown), 0 for the others");
        // and each target's findings in main code, one series per severity, as its line of the fleet overview counts them
        for (String target : List.of(alphaId, betaId)) {
            await("the findings series of " + target).atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(targetFindings(get(port, "/actuator/prometheus").body(), target))
                            .isEqualTo(fleetFindings(port, target)));
        }
        assertThat(fleetFindings(port, alphaId)).as("alpha's empty catch block").isPositive();

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
        // over every target, each place names its target: alpha's empty catch block is in alpha's folder
        assertThat(get(port, "/fragments/workers/analysis/details").body()).contains("EmptyCatchBlock", alphaId + "/src/main/java/");

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
            // the dashboard takes a row in after the store has written it: wait until it has the rows stored so far
            await("the totals of " + target + " count the rows stored so far").atMost(Duration.ofMinutes(1)).until(() ->
                    JSON.readTree(get(port, "/api/workers/analysis?target=" + target).body()).path("insights").path("rows")
                            .asLong() >= before);
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

    /**
     * The states of a pair whose schedule fires: "stale" too, since with a 200 ms period a busy machine can leave
     * more than three periods between two rows (the CI once saw it right after two refused requests).
     */
    private static final String[] SCHEDULED = {"running", "stale"};

    private static String workerState(Http http, String targetId) throws Exception {
        return JSON.readTree(http.get("/api/workers/analysis?target=" + targetId).body()).path("worker").path("state").asText();
    }

    /** The sum of the target's {@code autocoder_target_findings} series of the analysis worker. */
    private static int targetFindings(String metrics, String target) {
        return metrics.lines().filter(l -> l.startsWith("autocoder_target_findings{") && l.contains("target=\"" + target + "\"")
                        && l.contains("worker=\"analysis\""))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The findings of the target's line of the fleet overview, every severity. */
    private static int fleetFindings(int port, String target) throws Exception {
        JsonNode line = JSON.readTree(get(port, "/api/fleet?target=" + target).body());
        int sum = 0;
        for (JsonNode count : line.path("findings")) {
            sum += count.asInt();
        }
        return sum;
    }

    /**
     * With a list of targets, Stop, Start and Run now on a worker's page with a repository picked act on that
     * (worker, target) pair only; a stopped pair stays stopped after a restart; Run now without a target runs
     * once on every target of the list (never on the single target of autocoder.target.*).
     */
    @Test
    void stopStartAndRunNowActOnThePickedTargetOnly() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path beta = FleetRepositories.create(temp, "beta");
        Path store = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(temp, store);
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,security");
        properties.put("autocoder.workers.analysis.period", "200ms");
        properties.put("autocoder.fleet.tick", "100ms");
        properties.put("autocoder.dashboard.admin-token", DashboardRoutesTest.TOKEN);
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", beta.toString());
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore rows = context.getBean(DatasetStore.class);
            Http http = new Http(App.port(context));
            await("rows on both targets").atMost(Duration.ofMinutes(2))
                    .until(() -> rowsOn(rows, alphaId) >= 2 && rowsOn(rows, betaId) >= 2);

            // the page with alpha picked: its buttons carry the target, and say what they act on
            String page = http.get("/workers/analysis?target=" + alphaId).body();
            assertThat(page).contains("formaction=\"/workers/analysis/stop?target&#x3D;" + alphaId + "\"",
                    "formaction=\"/workers/analysis/start?target&#x3D;" + alphaId + "\"",
                    "They act on " + alpha + " only", "<span id=\"worker-target\" class=\"mono\">" + alpha + "</span>");
            assertThat(http.get("/workers/analysis").body()).contains("They act on every repository of the list")
                    .doesNotContain("worker-target");
            assertThat(http.get("/fragments/status").body()).contains("2 repositories (pick one above)");

            JsonNode stopped = JSON.readTree(act(http, "stop?target=" + alphaId).body());
            assertThat(stopped.path("target").asText()).isEqualTo(alphaId);
            assertThat(stopped.path("state").asText()).isEqualTo("stopped");
            long alphaAtStop = rowsOn(rows, alphaId) + 1; // an iteration in progress finishes
            long betaAtStop = rowsOn(rows, betaId);
            await("beta goes on").atMost(Duration.ofMinutes(1)).until(() -> rowsOn(rows, betaId) >= betaAtStop + 4);
            assertThat(rowsOn(rows, alphaId)).isLessThanOrEqualTo(alphaAtStop);
            assertThat(workerState(http, alphaId)).isEqualTo("stopped");
            assertThat(workerState(http, betaId)).isIn(SCHEDULED);
            JsonNode fleet = JSON.readTree(http.get("/api/fleet").body()).path("targets");
            assertThat(fleet.get(0).path("status").asText()).isEqualTo("stopped");
            assertThat(fleet.get(1).path("status").asText()).isEqualTo("ok");
            assertThat(Files.readString(store.resolve(".state/stopped-targets.json"))).contains(alphaId).doesNotContain(betaId);

            // Run now on the stopped pair: one iteration, and it stays stopped
            long alphaBeforeRun = rowsOn(rows, alphaId);
            assertThat(act(http, "run?target=" + alphaId).statusCode()).isEqualTo(202);
            await("one row of Run now on alpha").atMost(Duration.ofMinutes(1)).until(() -> rowsOn(rows, alphaId) == alphaBeforeRun + 1);
            long betaAfterRun = rowsOn(rows, betaId);
            await("beta goes on").atMost(Duration.ofMinutes(1)).until(() -> rowsOn(rows, betaId) >= betaAfterRun + 4);
            assertThat(rowsOn(rows, alphaId)).isEqualTo(alphaBeforeRun + 1);

            // an unknown or malformed target is refused before anything changes
            assertThat(act(http, "stop?target=nobody-00000000").statusCode()).isEqualTo(404);
            assertThat(act(http, "stop?target=%3Cx%3E").statusCode()).isEqualTo(400);
            assertThat(workerState(http, betaId)).isIn(SCHEDULED);
        }

        // after a restart alpha is still stopped, beta runs
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore rows = context.getBean(DatasetStore.class);
            Http http = new Http(App.port(context));
            long alphaAtStart = rowsOn(rows, alphaId);
            long betaAtStart = rowsOn(rows, betaId);
            await("beta runs after the restart").atMost(Duration.ofMinutes(1)).until(() -> rowsOn(rows, betaId) >= betaAtStart + 4);
            assertThat(rowsOn(rows, alphaId)).isEqualTo(alphaAtStart);

            // Stop without a target stops the worker on every target; Run now without one runs once on each
            assertThat(act(http, "stop").statusCode()).isEqualTo(200);
            await("the worker is stopped").atMost(Duration.ofSeconds(30)).until(() ->
                    JSON.readTree(http.get("/api/workers/analysis").body()).path("worker").path("state").asText().equals("stopped"));
            long alphaBefore = rowsOn(rows, alphaId);
            long betaBefore = rowsOn(rows, betaId);
            int allBefore = rows.rows(ANALYSIS).size();
            assertThat(act(http, "run").statusCode()).isEqualTo(202);
            await("one row on each target").atMost(Duration.ofMinutes(1))
                    .until(() -> rowsOn(rows, alphaId) == alphaBefore + 1 && rowsOn(rows, betaId) >= betaBefore + 1);
            Thread.sleep(1_000); // a second row, were the schedule running, would come within five periods
            assertThat(rows.rows(ANALYSIS)).hasSize(allBefore + 2)
                    .allSatisfy(row -> assertThat(row.targetId()).isIn(alphaId, betaId));

            // Start without a target: the worker runs again on every target, alpha included
            assertThat(act(http, "start").statusCode()).isEqualTo(200);
            long alphaRestarted = rowsOn(rows, alphaId);
            await("alpha runs again").atMost(Duration.ofMinutes(1)).until(() -> rowsOn(rows, alphaId) >= alphaRestarted + 2);
            assertThat(Files.readString(store.resolve(".state/stopped-targets.json"))).doesNotContain(alphaId);

            // control records as Kafka mode's control topic replays them, in order: a later Start on every target
            // ends an earlier stop on one; what is not a start or stop of a known worker changes nothing
            WorkerControl control = context.getBean(WorkerControl.class);
            control.apply("analysis@" + alphaId, "stopped");
            assertThat(control.isRunning("analysis", alphaId)).isFalse();
            control.apply("analysis@*", "started");
            assertThat(control.isRunning("analysis", alphaId)).isTrue();
            control.apply("nobody@*", "stopped");
            control.apply("no key", "stopped");
            control.apply("analysis@" + alphaId, "paused");
            assertThat(control.isRunning("analysis", alphaId)).isTrue();
            assertThat(control.isRunning("analysis", betaId)).isTrue();
        }
    }

    /** POST /workers/analysis/{action} as a script with the admin token. */
    private static java.net.http.HttpResponse<String> act(Http http, String action) {
        return http.post("/workers/analysis/" + action, "Authorization", "Bearer " + DashboardRoutesTest.TOKEN);
    }

    private static long rowsOn(DatasetStore store, String targetId) {
        return store.rows(ANALYSIS).stream().filter(r -> targetId.equals(r.targetId())).count();
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
