package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.implementation.row.CumulativeProgress;
import dev.autocoder.workers.implementation.row.ImplementationAnalysis;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.WorkerColumns;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.stereotype.Component;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The implementation worker's own row columns: {@code stage_number}, {@code stage_name}, {@code task_id},
 * {@code finding_id}, {@code test_spec_ids}, {@code narrative}, {@code narrative_status}, {@code analysis} (one fixed
 * shape for every stage) and {@code cumulative_progress} (running totals that survive restarts).
 */
@Component
class ImplementationColumns implements WorkerColumns {

    private final ProgressLedger ledger;
    private final ObjectMapper mapper;

    public ImplementationColumns(ProgressLedger ledger, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
        this.ledger = ledger;
    }

    @Override
    public String worker() {
        return ImplementationStage.WORKER;
    }

    @Override
    public Map<String, Type> types() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put("stage_number", Integer.class);
        types.put("stage_name", String.class);
        types.put("task_id", String.class);
        types.put("finding_id", String.class);
        types.put("test_spec_ids", new TypeReference<List<String>>() { }.getType());
        types.put("narrative", String.class);
        types.put("narrative_status", String.class);
        types.put("analysis", ImplementationAnalysis.class);
        types.put("cumulative_progress", CumulativeProgress.class);
        return types;
    }

    @Override
    public Map<String, Object> values(WorkerState state, PerspectiveResult result) {
        Map<String, Object> values = new LinkedHashMap<>(result.columns());
        Object analysis = values.get("analysis");
        if (!(analysis instanceof ImplementationAnalysis)) {
            // an error row: the stage threw before it could fill the shape
            analysis = new ImplementationAnalysis(TaskInfo.none(result.reason()), null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, ledger.latestPlan(state.definition().dataset(), state.targetId()), null,
                    result.reason() == null ? List.of() : List.of(result.reason()));
            values.put("analysis", analysis);
        }
        if (!values.containsKey("stage_number")) {
            // an error row carries no columns; the row being built is the iteration of the perspective after the
            // last stored row (the state moves on only once this row is written)
            // (a Deep Understanding row without a task is followed by Deep Understanding again: see ImplementationStage)
            String next = state.lastRow().filter(r -> Stage.DEEP_UNDERSTANDING.id().equals(r.perspectiveId())
                    && !ImplementationStage.hasTask(r)).map(Row::perspectiveId).orElse(state.nextPerspective());
            Stage.byId(next).ifPresent(stage -> {
                values.put("stage_number", stage.number());
                values.put("stage_name", stage.displayName());
            });
        }
        values.putIfAbsent("test_spec_ids", List.of());
        values.putIfAbsent("narrative_status", "not_asked");
        Object stageId = values.remove(ImplementationStage.STAGE_KEY);
        JsonNode tree = mapper.valueToTree(analysis);
        values.put("cumulative_progress", ledger.preview(state.definition().dataset(), state.targetId(),
                ProgressLedger.contribution(stageId == null ? null : stageId.toString(), tree)));
        return values;
    }
}
