package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plan columns of an implementation row: {@code task_id}, {@code analysis.task.rule},
 * {@code analysis.plan_steps} and {@code analysis.code_changes} (see README, "Implementation worker" → Rows). A row
 * written in this process holds the worker's records, a row read from a dataset holds maps: both are read through the
 * JSON tree.
 */
final class PlanColumns {

    static final String ANALYSIS = "analysis";

    private PlanColumns() {
    }

    /**
     * The plan a row holds or carries forward.
     *
     * @param own the row made the plan itself (the plan's task is the row's task), so its commit is the plan's
     */
    record Plan(LatestPlan plan, boolean own) {
    }

    static Optional<Plan> of(Row row, ObjectMapper mapper) {
        Object analysis = row.extraColumns().get(ANALYSIS);
        if (analysis == null) {
            return Optional.empty();
        }
        // a map read from the dataset: convert only the two parts needed, not callers, risks and tests
        Map<?, ?> parts = analysis instanceof Map<?, ?> map ? map : mapper.convertValue(analysis, Map.class);
        JsonNode changes = tree(parts.get("code_changes"), mapper);
        String taskId = text(changes.path("task_id"));
        if (taskId == null) {
            return Optional.empty();
        }
        boolean own = taskId.equals(text(tree(row.extraColumns().get("task_id"), mapper)));
        String rule = own ? text(tree(parts.get("task"), mapper).path("rule")) : null;
        List<String> steps = new ArrayList<>();
        if (own) {
            tree(parts.get("plan_steps"), mapper).forEach(step -> steps.add(step.asText()));
        }
        return Optional.of(new Plan(new LatestPlan(taskId, text(changes.path("file")), rule,
                text(changes.path("description")), steps, text(changes.path("diff")), text(changes.path("code")),
                text(changes.path("code_scope")), changes.path("verified").asBoolean(false),
                text(changes.path("verification")), text(changes.path("source")), own ? row.commit() : null,
                row.iteration()), own));
    }

    /** The verified patch a row made itself; empty for a plan without one or a row carrying an older plan forward. */
    static Optional<VerifiedPatch> verifiedPatch(Plan plan, Row row) {
        LatestPlan p = plan.plan();
        if (!plan.own() || !p.verified() || p.diff() == null || p.diff().isBlank() || row.commit() == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedPatch(p.taskId(), p.file(), p.rule(), p.description(), p.verification(),
                p.source(), GitPatches.canonical(p.file(), p.diff()), row.commit(), row.iteration(), row.timestamp()));
    }

    private static JsonNode tree(Object value, ObjectMapper mapper) {
        return value == null ? mapper.missingNode() : mapper.valueToTree(value);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
