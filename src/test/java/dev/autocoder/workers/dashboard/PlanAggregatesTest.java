package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latest plan and the verified patches a worker's aggregate keeps as rows come in: one patch per task made by
 * its own plan row (not by rows carrying the plan forward), newest first, bounded.
 */
class PlanAggregatesTest {

    private static final String DIFF = "--- a/A.java\n+++ b/A.java\n@@ -1,2 +1,1 @@\n a\n-b\n";

    private final WorkerAccumulator accumulator = new WorkerAccumulator("implementation", "d", 10, 10, 2, new ObjectMapper());
    private long iteration;

    @Test
    void aVerifiedPlanRowMakesAPatchAndLaterRowsCarryingItForwardKeepItsCommit() {
        add("task-1-aa", "task-1-aa", "c1", true, DIFF);
        add("task-2-bb", "task-1-aa", "c2", true, DIFF);

        WorkerAggregate aggregate = accumulator.snapshot();

        assertThat(aggregate.verifiedPatches()).extracting(VerifiedPatch::taskId, VerifiedPatch::commit, VerifiedPatch::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("task-1-aa", "c1", "UnusedPrivateField"));
        assertThat(aggregate.latestPlan().taskId()).isEqualTo("task-1-aa");
        assertThat(aggregate.latestPlan().commit()).isEqualTo("c1");
        assertThat(aggregate.latestPlan().rule()).isEqualTo("UnusedPrivateField");
        assertThat(aggregate.verifiedPatch("task-1-aa")).get().extracting(VerifiedPatch::patch).isEqualTo(DIFF);
        assertThat(aggregate.verifiedPatch("task-2-bb")).isEmpty();
    }

    @Test
    void anUnverifiedPlanIsTheLatestButNoPatch() {
        add("task-1-aa", "task-1-aa", "c1", true, DIFF);
        add("task-2-bb", "task-2-bb", "c2", false, DIFF);

        WorkerAggregate aggregate = accumulator.snapshot();

        assertThat(aggregate.latestPlan().taskId()).isEqualTo("task-2-bb");
        assertThat(aggregate.latestPlan().verified()).isFalse();
        assertThat(aggregate.verifiedPatches()).extracting(VerifiedPatch::taskId).containsExactly("task-1-aa");
    }

    @Test
    void theNewestPatchesAreKeptNewestFirstAndAReplannedTaskMovesToTheFront() {
        add("task-1-aa", "task-1-aa", "c1", true, DIFF);
        add("task-2-bb", "task-2-bb", "c2", true, DIFF);
        add("task-1-aa", "task-1-aa", "c3", true, DIFF);
        assertThat(accumulator.snapshot().verifiedPatches()).extracting(VerifiedPatch::taskId, VerifiedPatch::commit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("task-1-aa", "c3"),
                        org.assertj.core.groups.Tuple.tuple("task-2-bb", "c2"));

        add("task-3-cc", "task-3-cc", "c4", true, DIFF);

        assertThat(accumulator.snapshot().verifiedPatches()).extracting(VerifiedPatch::taskId)
                .containsExactly("task-3-cc", "task-1-aa");
    }

    @Test
    void rowsWithoutPlansLeaveNoPlan() {
        accumulator.add(TestRows.ok("implementation", ++iteration, "deep-understanding", 0.5));

        assertThat(accumulator.snapshot().latestPlan()).isNull();
        assertThat(accumulator.snapshot().verifiedPatches()).isEmpty();
    }

    /** A row of task {@code rowTask} carrying the plan of {@code planTask}, shaped as read back from a dataset. */
    private void add(String rowTask, String planTask, String commit, boolean verified, String diff) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("task_id", planTask);
        changes.put("file", "A.java");
        changes.put("description", "Remove b");
        changes.put("diff", diff);
        changes.put("code", "a\n");
        changes.put("code_scope", "file");
        changes.put("verified", verified);
        changes.put("verification", verified ? "applies and parses" : "does not apply");
        changes.put("source", "mechanical");
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("task", Map.of("task_id", rowTask, "rule", rowTask.equals(planTask) ? "UnusedPrivateField" : "Other"));
        analysis.put("code_changes", changes);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("task_id", rowTask);
        extra.put("analysis", analysis);
        long n = ++iteration;
        accumulator.add(new Row(Row.SCHEMA_VERSION, "implementation", n, TestRows.T0.plusSeconds(n).toString(), 6,
                "implementation-plan", "Implementation Plan", "/repo", commit, 1, Status.OK, null, null, "plan", null, 0,
                List.of(), null, null, List.of(), List.of(), "{}", extra));
    }
}
