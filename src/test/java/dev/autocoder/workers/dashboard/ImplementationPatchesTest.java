package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Escapers;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.implementation.ImplementationHarness;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker's change, shown: a real cycle of the worker on a one-file repository (an unused
 * private field) writes its rows, the application starts on that store (the aggregates are rebuilt from it), and
 * over real HTTP the worker page and the API show the plan's diff and code, the dashboard lists the verified patch,
 * and the .patch endpoint answers a diff the real {@code git apply --check} accepts on a clone at the row's commit.
 * Later rows (written while the application runs) show escaping and the 404s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImplementationPatchesTest {

    private static final String DATASET = ImplementationHarness.DATASET;
    private static final String FILE = SRC + "Inventory.java";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path repo;
    static ConfigurableApplicationContext app;
    static Http http;
    static DatasetStore store;
    static Row planRow;
    static String taskId;
    static String diff;

    @BeforeAll
    static void start() throws Exception {
        repo = temp.resolve("repo");
        ImplementationFixture.write(repo, FILE, ImplementationFixture.INVENTORY);
        ImplementationFixture.commit(repo, "One class with an unused private field", "2026-11-01T10:00:00Z");
        Path storePath = temp.resolve("store");
        ImplementationHarness harness = new ImplementationHarness(repo, storePath);
        seedAnalysisRow(harness, "UnusedPrivateField");
        List<Row> cycle = harness.cycle();
        planRow = cycle.get(cycle.size() - 1);
        JsonNode changes = harness.analysisOf(planRow).get("code_changes");
        assertThat(changes.get("verified").asBoolean()).as(changes.toString()).isTrue();
        assertThat(changes.get("file").asText()).isEqualTo(FILE);
        taskId = changes.get("task_id").asText();
        diff = changes.get("diff").asText();

        // the repository moves on: the patch no longer applies at HEAD, only at the commit its row names
        ImplementationFixture.write(repo, FILE, ImplementationFixture.INVENTORY.replace("private final int capacity;",
                "private final long capacity;"));
        ImplementationFixture.commit(repo, "A later change to the field", "2026-11-02T10:00:00Z");

        Map<String, Object> properties = App.fastWorkerProperties(repo, storePath);
        properties.put("autocoder.workers.enabled", "implementation");
        // registered, but its first stage is far away: only the rows this test writes come in
        properties.put("autocoder.workers.implementation.delay", "1h");
        app = App.start(properties);
        http = new Http(App.port(app));
        store = app.getBean(DatasetStore.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void thePatchIsAGitDiffThatAppliesOnACloneAtTheRowsCommit() throws Exception {
        HttpResponse<String> answer = http.get(patchPath(taskId));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-diff"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + taskId + ".patch\"");
        String patch = answer.body();
        assertThat(patch).startsWith("--- a/" + FILE + "\n+++ b/" + FILE + "\n@@ ").endsWith("\n")
                .contains("-    private final int capacity;\n");
        assertThat(patch).isEqualTo(diff);

        Path clone = temp.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(clone.toFile()).call()) {
            ImplementationFixture.GitResult atHead = ImplementationFixture.git(clone, patch, "apply", "--check", "-");
            assertThat(atHead.exitCode()).as("the patch was made before the later commit").isNotZero();
            git.checkout().setName(planRow.commit()).call();
        }
        Path file = temp.resolve(taskId + ".patch");
        Files.writeString(file, patch, StandardCharsets.UTF_8);
        ImplementationFixture.GitResult check = ImplementationFixture.git(clone, "", "apply", "--check", file.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    @Order(2)
    void theWorkerPageShowsTheLatestPlansDiffVerificationAndCode() {
        HttpResponse<String> page = http.get("/workers/implementation");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        JsonNode plan = JSON.valueToTree(planRow.extraColumns().get("analysis")).get("code_changes");
        assertThat(html).contains("<h2>Latest plan</h2>")
                .contains("Task <span class=\"mono\">" + taskId + "</span> · <span class=\"mono\">" + FILE + "</span>")
                .contains("rule <span class=\"mono\">UnusedPrivateField</span>")
                .contains("commit <span class=\"mono\">" + planRow.commit() + "</span>")
                .contains("<p class=\"verification verified-true\"><b>verified</b> " + escape(plan.get("verification").asText()))
                .contains("<a class=\"patch-link\" href=\"" + patchPath(taskId) + "\">Download the patch</a>")
                .contains("<span class=\"diff-meta\">--- a/" + FILE + "\n</span>")
                .contains("<span class=\"diff-del\">" + escape("-    private final int capacity;") + "\n</span>")
                .contains("<pre class=\"code\">" + escape(plan.get("code").asText()) + "</pre>")
                .contains(escape(" · patch made mechanically (syntax-tree edit or the linter's safe fix) · "));
        // the recent rows name no findings counts: the stages never list findings
        assertThat(html).contains("<th>Score</th><th>Duration</th>").doesNotContain("<th>Findings</th>");
        // the plan's steps, as the Implementation Plan row lists them
        JsonNode steps = JSON.valueToTree(planRow.extraColumns().get("analysis")).get("plan_steps");
        assertThat(steps).isNotEmpty();
        StringBuilder list = new StringBuilder("<ol class=\"plan-steps\">");
        steps.forEach(step -> list.append("<li>").append(escape(step.asText())).append("</li>"));
        assertThat(html).contains(list.append("</ol>"));
        for (String line : diff.split("\n")) {
            assertThat(html).contains(escape(line) + "\n</span>");
        }

        JsonNode api = json(http.get("/api/workers/implementation"));
        JsonNode latest = api.get("latest_plan");
        assertThat(latest.get("task_id").asText()).isEqualTo(taskId);
        assertThat(latest.get("file").asText()).isEqualTo(FILE);
        assertThat(latest.get("rule").asText()).isEqualTo("UnusedPrivateField");
        assertThat(latest.get("diff").asText()).isEqualTo(diff);
        assertThat(latest.get("code").asText()).isEqualTo(plan.get("code").asText()).doesNotContain("private final int capacity");
        assertThat(latest.get("plan_steps")).isEqualTo(steps);
        assertThat(latest.get("verified").asBoolean()).isTrue();
        assertThat(latest.get("verification").asText()).isEqualTo(plan.get("verification").asText());
        assertThat(latest.get("commit").asText()).isEqualTo(planRow.commit());
        assertThat(latest.get("patch_url").asText()).isEqualTo(patchPath(taskId));
        assertThat(api.get("verified_patches")).hasSize(1);
        assertThat(api.get("verified_patches").get(0).get("task_id").asText()).isEqualTo(taskId);
    }

    @Test
    @Order(3)
    void theDashboardListsTheVerifiedPatch() {
        String html = http.get("/").body();
        assertThat(html).contains("<h3>Recent verified patches</h3>")
                .contains("<td class=\"mono\">" + taskId + "</td><td class=\"mono\">" + FILE
                        + "</td><td class=\"mono\">UnusedPrivateField</td>")
                .contains("<td class=\"mono\">" + planRow.commit().substring(0, 12) + "</td><td><a href=\""
                        + patchPath(taskId) + "\">.patch</a></td>");
        // the stages' rows never list findings: no counts, chart or list that could only be empty
        String insights = html.substring(html.indexOf("<article class=\"worker-insights\" data-worker=\"implementation\">"));
        assertThat(insights).contains("<h3>Totals</h3>").contains("Quality score per perspective")
                .doesNotContain("Findings by severity").doesNotContain("Findings by scope")
                .doesNotContain("Open findings").doesNotContain("Latest findings").doesNotContain("New findings");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void unknownTasksPlansWithoutAVerifiedPatchAndHostileNamesAre404() throws Exception {
        // a later row of the same task that lists no steps (as every stage but the plan's) keeps the plan's steps
        JsonNode steps = JSON.valueToTree(planRow.extraColumns().get("analysis")).get("plan_steps");
        Row carrying = planLike(7, taskId, "UnusedPrivateField", diff, true);
        ((Map<String, Object>) carrying.extraColumns().get("analysis")).put("plan_steps", List.of());
        write(carrying);
        await("the carrying row is folded").atMost(Duration.ofSeconds(10)).until(
                () -> json(http.get("/api/workers/implementation")).get("latest_plan").get("iteration").asLong() == 7);
        assertThat(json(http.get("/api/workers/implementation")).get("latest_plan").get("plan_steps")).isEqualTo(steps);

        // a later cycle whose plan could not be verified: no patch for it
        String unverified = "task-8-00000000deadbeef";
        write(planLike(8, unverified, "UnusedLocalVariable", diff, false));
        await("the unverified plan is shown").atMost(Duration.ofSeconds(10)).until(
                () -> json(http.get("/api/workers/implementation")).get("latest_plan").get("task_id").asText().equals(unverified));
        assertThat(json(http.get("/api/workers/implementation")).get("latest_plan").get("patch_url").isNull()).isTrue();
        assertThat(http.get("/workers/implementation").body()).contains("<b>not verified</b>").doesNotContain(patchPath(unverified));

        for (String name : List.of(unverified + ".patch", "task-99-0123456789abcdef.patch")) {
            HttpResponse<String> answer = http.get("/api/workers/implementation/patches/" + name);
            assertThat(answer.statusCode()).as(name).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(name).hasValue("application/json");
            assertThat(json(answer).get("error").asText()).as(name).startsWith("no verified patch for task '"
                    + name.substring(0, name.length() - ".patch".length()) + "'");
        }
        for (String name : List.of(taskId, taskId + ".diff", "...patch", "task-1-%3Cscript%3E.patch", "task-1-a.b.patch",
                "task-1-%20x.patch", "TASK-1-abc.patch")) {
            HttpResponse<String> answer = http.get("/api/workers/implementation/patches/" + name);
            assertThat(answer.statusCode()).as(name).isEqualTo(404);
            assertThat(json(answer).get("error").asText()).as(name).startsWith("no such patch: a patch is named <task_id>.patch");
        }
        // path tricks: refused by Tomcat or by the route, never answered with a file
        for (String name : List.of("..%2F..%2Fetc%2Fpasswd.patch", "task-1-..%5C..%5Cetc.patch", "%2E%2E", "..")) {
            HttpResponse<String> answer = http.get("/api/workers/implementation/patches/" + name);
            assertThat(answer.statusCode()).as(name).isBetween(400, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(name).doesNotStartWith("text/x-diff");
        }
        HttpResponse<String> unknownWorker = http.get("/api/workers/nobody/patches/" + taskId + ".patch");
        assertThat(unknownWorker.statusCode()).isEqualTo(404);
        assertThat(json(unknownWorker).get("error").asText()).isEqualTo("unknown worker 'nobody'");
        assertThat(http.post(patchPath(taskId)).statusCode()).isEqualTo(405);
        // the earlier verified patch is still served
        assertThat(http.get(patchPath(taskId)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aDiffWithMarkupIsShownEscapedAndListedFirst() {
        String hostile = "task-9-0000000000c0ffee";
        String markup = diff.replace("-    private final int capacity;", "-    private final int capacity; // <script>alert('x')</script>");
        write(planLike(9, hostile, "UnusedPrivateField", markup, true));
        await("the new patch is listed").atMost(Duration.ofSeconds(10)).until(
                () -> json(http.get("/api/workers/implementation")).get("verified_patches").size() == 2);

        String page = http.get("/workers/implementation").body();
        assertThat(page).doesNotContain("<script>alert").contains(escape("// <script>alert('x')</script>"))
                .contains("&lt;script&gt;");
        String dashboard = http.get("/").body();
        assertThat(dashboard).doesNotContain("<script>alert");
        assertThat(dashboard.indexOf(patchPath(hostile))).isPositive().isLessThan(dashboard.indexOf(patchPath(taskId)));

        HttpResponse<String> api = http.get("/api/workers/implementation");
        assertThat(api.body()).doesNotContain("<script>").contains("\\u003cscript\\u003e");
        HttpResponse<String> patch = http.get(patchPath(hostile));
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(patch.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-diff"));
        assertThat(patch.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
        assertThat(patch.body()).contains("<script>alert('x')</script>");
    }

    /** One ok code-quality row at HEAD listing PMD's real finding of the rule, so the cycle takes it on. */
    private static void seedAnalysisRow(ImplementationHarness harness, String rule) {
        Snapshot snapshot = harness.snapshot();
        PmdViolation violation = harness.pmd.analyze(snapshot).violations().stream()
                .filter(v -> v.path().equals(FILE) && v.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("PMD reports no " + rule + " in " + FILE));
        List<Finding> findings = List.of(PmdFindings.of(violation));
        harness.store.append(ImplementationHarness.ANALYSIS, new Row(Row.SCHEMA_VERSION, "analysis", 1,
                "2026-11-24T10:00:00Z", 1, "code-quality", "Code Quality", repo.toString(), snapshot.commit(), 1,
                Status.OK, null, null, "seeded", 0.5, findings.size(), findings, null, null, List.of(),
                List.<Metric>of(), "{}", Map.of()));
    }

    /** A copy of the real plan row as a later plan row of another task, with the diff and verification given. */
    @SuppressWarnings("unchecked")
    private static Row planLike(long iteration, String task, String rule, String diffText, boolean verified) {
        Map<String, Object> extra = JSON.convertValue(planRow.extraColumns(), Map.class);
        extra.put("task_id", task);
        Map<String, Object> analysis = (Map<String, Object>) extra.get("analysis");
        Map<String, Object> taskInfo = new LinkedHashMap<>((Map<String, Object>) analysis.get("task"));
        taskInfo.put("task_id", task);
        taskInfo.put("rule", rule);
        analysis.put("task", taskInfo);
        Map<String, Object> changes = new LinkedHashMap<>((Map<String, Object>) analysis.get("code_changes"));
        changes.put("task_id", task);
        changes.put("diff", diffText);
        changes.put("verified", verified);
        changes.put("verification", verified ? "applies at HEAD and parses" : "hunk 1 does not apply at HEAD");
        analysis.put("code_changes", changes);
        Row r = planRow;
        return new Row(r.schemaVersion(), r.worker(), iteration, r.timestamp(), r.perspectiveNumber(), r.perspectiveId(),
                r.perspectiveName(), r.repository(), r.commit(), r.durationMs(), r.status(), r.error(), r.reason(),
                r.summary(), r.qualityScore(), r.issuesFound(), r.findings(), r.findingGroups(), r.newFindings(),
                r.resolvedFindings(), r.recommendations(), r.metrics(), r.details(), extra);
    }

    /** Stores a row and hands it to its consumers, as the iteration route does after its append. */
    private static void write(Row row) {
        store.append(DATASET, row);
        try (ProducerTemplate template = app.getBean(CamelContext.class).createProducerTemplate()) {
            template.send("direct:row-stored", exchange -> {
                exchange.setProperty("dataset", DATASET);
                exchange.getMessage().setBody(row);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String patchPath(String task) {
        return "/api/workers/implementation/patches/" + task + ".patch";
    }

    /** The page's own escaping (JMustache's HTML escaper). */
    private static String escape(String text) {
        return Escapers.HTML.escape(text);
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
