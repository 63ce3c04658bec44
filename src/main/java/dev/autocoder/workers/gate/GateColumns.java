package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autocoder.workers.worker.Iteration;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.WorkerColumns;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.stereotype.Component;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two columns of every analysis row: {@code new_code} (this perspective's findings new since the baseline against
 * all of them) and {@code quality_gate} (the gate once this row is written, each condition with its value).
 */
@Component
class GateColumns implements WorkerColumns {

    private final QualityGate gate;

    GateColumns(QualityGate gate) {
        this.gate = gate;
    }

    /** New against overall findings of the row's perspective; counts are null on rows that are not ok. */
    record NewCodeColumn(String setting, String baseline, @JsonProperty("baseline_commit") String baselineCommit,
                         @JsonProperty("new_findings") Integer newFindings,
                         @JsonProperty("overall_findings") Integer overallFindings,
                         @JsonProperty("undecided_findings") Integer undecidedFindings) {
    }

    record ConditionColumn(String metric, String operator, Double threshold, Double value,
                           @JsonProperty("at_least") Boolean atLeast, String status, String detail) {
    }

    record GateColumn(String status, String reason, List<ConditionColumn> conditions) {
    }

    @Override
    public String worker() {
        return AnalysisHistory.WORKER;
    }

    @Override
    public Map<String, Type> types() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put("new_code", NewCodeColumn.class);
        types.put("quality_gate", GateColumn.class);
        return types;
    }

    @Override
    public Map<String, Object> values(WorkerState state, PerspectiveResult result) {
        return Map.of(); // the gate needs the iteration: see below
    }

    @Override
    public Map<String, Object> values(Iteration iteration, PerspectiveResult result) {
        GateReport report = gate.withResult(iteration, result, result.findings());
        String perspective = iteration.perspective().id();
        PerspectiveNewCode mine = report.perspectives().stream().filter(p -> p.perspective().equals(perspective))
                .filter(p -> result.status() == dev.autocoder.workers.row.Status.OK).findFirst().orElse(null);
        NewCodeBaseline baseline = report.newCode();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("new_code", new NewCodeColumn(baseline == null ? null : baseline.setting(),
                baseline == null ? null : baseline.isResolved() ? baseline.description() : baseline.reason(),
                baseline == null ? null : baseline.commit(),
                mine == null ? null : mine.newCount(), mine == null ? null : mine.overall(),
                mine == null ? null : mine.undecided()));
        values.put("quality_gate", new GateColumn(report.status().label(), report.reason(), report.conditions().stream()
                .map(c -> new ConditionColumn(c.metric(), c.operator(), c.threshold(), c.value(), c.atLeast(),
                        c.status().label(), c.detail())).toList()));
        return values;
    }
}
