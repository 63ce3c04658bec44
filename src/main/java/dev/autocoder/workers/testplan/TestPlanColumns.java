package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.CumulativeInsights;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.WorkerColumns;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.stereotype.Component;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test-planning worker's own row columns: {@code analysis} (one fixed shape for every perspective) and
 * {@code cumulative_insights} (distinct items so far, surviving restarts).
 */
@Component
class TestPlanColumns implements WorkerColumns {

    private final InsightLedger ledger;

    public TestPlanColumns(InsightLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String worker() {
        return TestPlanningPerspective.WORKER;
    }

    @Override
    public Map<String, Type> types() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put("analysis", TestPlanAnalysis.class);
        types.put("cumulative_insights", CumulativeInsights.class);
        return types;
    }

    @Override
    public Map<String, Object> values(WorkerState state, PerspectiveResult result) {
        Object analysis = result.columns().get("analysis");
        if (!(analysis instanceof TestPlanAnalysis)) {
            analysis = TestPlanAnalysis.empty(result.reason() == null ? List.of() : List.of(result.reason()));
        }
        Object ids = result.columns().get(ItemIds.COLUMN_KEY);
        CumulativeInsights insights = ledger.record(state.definition().dataset(), state.targetId(),
                ids instanceof ItemIds itemIds ? itemIds : ItemIds.none());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("analysis", analysis);
        values.put("cumulative_insights", insights);
        return values;
    }
}
