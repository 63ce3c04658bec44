package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.ApiChange;
import dev.autocoder.workers.testplan.plan.EdgeCase;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one test-planning perspective computed, before it becomes a row (filled by the perspective). */
public final class PlanResult {

    public final List<FailureMode> failureModes = new ArrayList<>();
    public final List<IntegrationPoint> integrationPoints = new ArrayList<>();
    public final List<EdgeCase> edgeCases = new ArrayList<>();
    public final List<ApiChange> apiChanges = new ArrayList<>();
    public final List<TestSpecification> specifications = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();
    public final List<Metric> metrics = new ArrayList<>();
    public final List<String> recommendations = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final Map<String, Object> details = new LinkedHashMap<>();
    public String summary;
    public Double qualityScore;
    /** Set when the perspective has nothing to look at: the row is skipped with this reason. */
    public String skippedReason;

    public PlanResult metric(String name, double value) {
        metrics.add(Metric.of(name, value));
        return this;
    }

    public static PlanResult skipped(String reason) {
        PlanResult result = new PlanResult();
        result.skippedReason = reason;
        return result;
    }
}
