package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How tasks move through cycles: a task whose finding disappears at HEAD mid-cycle is dropped with a row that says so,
 * the rest of the cycle says why it has nothing to do, and the next cycle picks another finding; a restart (a new
 * engine on the same store) continues the cycle where it stood, with the same task and the same totals.
 */
class TaskLifecycleTest {

    @TempDir
    Path temp;

    @Test
    void aTaskWhoseFindingDisappearsAtHeadIsDroppedAndTheNextCyclePicksAnother() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding field = AnalysisRowsSeeder.finding(harness, SRC + "Inventory.java", "UnusedPrivateField");
        Finding local = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(local, field));

        List<Row> firstStages = List.of(harness.stage(), harness.stage(), harness.stage());
        String task = "task-1-" + field.id();
        assertThat(firstStages).extracting(r -> harness.json(r).get("task_id").asText()).containsOnly(task);
        // someone reads the field now: PMD at the new HEAD no longer reports it
        ImplementationFixture.write(repo, SRC + "Inventory.java", ImplementationFixture.INVENTORY.replace(
                "    public int size() {", "    public int capacity() {\n        return capacity;\n    }\n\n    public int size() {"));
        ImplementationFixture.commit(repo, "Expose the capacity", "2026-11-02T10:00:00Z");

        Row risk = harness.stage();
        assertThat(risk.perspectiveId()).isEqualTo("risk-analysis");
        assertThat(risk.status()).isEqualTo(Status.SKIPPED);
        String gone = "PMD at HEAD no longer reports this UnusedPrivateField in src/main/java/com/shop/Inventory.java "
                + "(0 other UnusedPrivateField there)";
        assertThat(risk.reason()).isEqualTo("The finding of task " + task + " is no longer present at HEAD: " + gone + ".");
        assertThat(risk.summary()).isEqualTo("Task " + task + " dropped: its finding is no longer present at HEAD (" + gone
                + "). The next cycle picks another.");
        JsonNode dropped = harness.analysisOf(risk).get("task");
        assertThat(dropped.get("state").asText()).isEqualTo("dropped");
        assertThat(dropped.get("state_reason").asText()).isEqualTo(gone);
        assertThat(harness.json(risk).get("task_id").asText()).isEqualTo(task);
        assertThat(harness.analysisOf(risk).get("risks")).isEmpty();

        List<Row> rest = List.of(harness.stage(), harness.stage());
        assertThat(rest).extracting(Row::perspectiveId).containsExactly("testing-strategy", "implementation-plan");
        assertThat(rest).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.SKIPPED);
            assertThat(r.reason()).isEqualTo("Task " + task + " was dropped earlier in this cycle: " + gone);
            assertThat(harness.json(r).get("task_id").asText()).isEqualTo(task);
        });
        assertThat(harness.analysisOf(rest.get(1)).get("code_changes").get("diff").isNull()).isTrue();

        Row next = harness.stage();
        assertThat(next.perspectiveId()).isEqualTo("deep-understanding");
        assertThat(next.status()).isEqualTo(Status.OK);
        assertThat(harness.json(next).get("task_id").asText()).isEqualTo("task-2-" + local.id());
        assertThat(harness.json(next).get("finding_id").asText()).isEqualTo(local.id());
        assertThat(harness.json(next).get("cumulative_progress").get("tasks_started").asLong()).isEqualTo(2);
        assertThat(harness.json(next).get("cumulative_progress").get("implementations_generated").asLong()).isZero();
    }

    @Test
    void aRestartContinuesTheCycleWithTheSameTaskAndTotals() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Path store = temp.resolve("store");
        ImplementationHarness before = new ImplementationHarness(repo, store);
        Finding rules = AnalysisRowsSeeder.finding(before, SRC + "Rules.java", "SimplifyBooleanReturns");
        Finding report = AnalysisRowsSeeder.finding(before, SRC + "Report.java", "UseStringBufferForStringAppends");
        AnalysisRowsSeeder.seed(before, "code-quality", List.of(rules));
        AnalysisRowsSeeder.seed(before, "performance", List.of(report));
        // Report.java sorts before Rules.java: the first cycle takes on the string building
        before.stage();
        before.stage();
        before.stage();
        Row lastBefore = before.stage();
        assertThat(lastBefore.perspectiveId()).isEqualTo("risk-analysis");

        ImplementationHarness after = new ImplementationHarness(repo, store);
        List<Row> rest = List.of(after.stage(), after.stage());
        assertThat(rest).extracting(Row::perspectiveId).containsExactly("testing-strategy", "implementation-plan");
        assertThat(rest).extracting(Row::iteration).containsExactly(5L, 6L);
        assertThat(rest).extracting(r -> after.json(r).get("task_id").asText()).containsOnly("task-1-" + report.id());
        JsonNode progress = after.json(rest.get(1)).get("cumulative_progress");
        assertThat(progress.get("tasks_started").asLong()).isEqualTo(1);
        assertThat(progress.get("issues_discovered").asLong()).isEqualTo(5);
        assertThat(progress.get("implementations_generated").asLong()).isEqualTo(1);
        assertThat(after.analysisOf(rest.get(1)).get("code_changes").get("verified").asBoolean()).isTrue();

        ImplementationHarness again = new ImplementationHarness(repo, store);
        Row second = again.stage();
        assertThat(again.json(second).get("task_id").asText()).isEqualTo("task-2-" + rules.id());
        JsonNode totals = again.json(second).get("cumulative_progress");
        assertThat(totals.get("tasks_started").asLong()).isEqualTo(2);
        assertThat(totals.get("implementations_generated").asLong()).isEqualTo(1);
        assertThat(totals.get("issues_discovered").asLong()).isEqualTo(5);
    }
}
