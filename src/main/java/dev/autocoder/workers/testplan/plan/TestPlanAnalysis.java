package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The {@code analysis} column of a test-planning row: one fixed shape for every perspective, lists empty where a
 * perspective fills nothing.
 */
@JsonPropertyOrder({"baseline_commit", "head_commit", "first_run", "scope", "failure_modes", "integration_points",
        "edge_cases", "api_changes", "test_specifications", "skeletons", "notes"})
public record TestPlanAnalysis(
        @JsonProperty("baseline_commit") String baselineCommit,
        @JsonProperty("head_commit") String headCommit,
        @JsonProperty("first_run") boolean firstRun,
        @JsonProperty("scope") PlanScope scope,
        @JsonProperty("failure_modes") List<FailureMode> failureModes,
        @JsonProperty("integration_points") List<IntegrationPoint> integrationPoints,
        @JsonProperty("edge_cases") List<EdgeCase> edgeCases,
        @JsonProperty("api_changes") List<ApiChange> apiChanges,
        @JsonProperty("test_specifications") List<TestSpecification> testSpecifications,
        @JsonProperty("skeletons") List<TestSkeleton> skeletons,
        @JsonProperty("notes") List<String> notes) {

    public TestPlanAnalysis {
        scope = scope == null ? PlanScope.empty() : scope;
        failureModes = failureModes == null ? List.of() : List.copyOf(failureModes);
        integrationPoints = integrationPoints == null ? List.of() : List.copyOf(integrationPoints);
        edgeCases = edgeCases == null ? List.of() : List.copyOf(edgeCases);
        apiChanges = apiChanges == null ? List.of() : List.copyOf(apiChanges);
        testSpecifications = testSpecifications == null ? List.of() : List.copyOf(testSpecifications);
        skeletons = skeletons == null ? List.of() : List.copyOf(skeletons);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The shape with nothing in it (error rows). */
    public static TestPlanAnalysis empty(List<String> notes) {
        return new TestPlanAnalysis(null, null, false, PlanScope.empty(), null, null, null, null, null, null, notes);
    }
}
