package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A test to write: what it exercises, how, and which analysis findings or plan items it answers.
 *
 * @param kind       unit, parameterized, integration, performance or end-to-end
 * @param inputs     Java expressions, one per case of a parameterized test (empty for other kinds)
 * @param findingIds ids of the analysis findings and of this worker's plan items (failure modes, edge cases,
 *                   integration points, API changes) the test answers
 */
public record TestSpecification(
        @JsonProperty("id") String id,
        @JsonProperty("class_under_test") String classUnderTest,
        @JsonProperty("method_under_test") String methodUnderTest,
        @JsonProperty("test_class") String testClass,
        @JsonProperty("test_name") String testName,
        @JsonProperty("kind") String kind,
        @JsonProperty("given") String given,
        @JsonProperty("when") String when,
        @JsonProperty("then") String then,
        @JsonProperty("inputs") List<String> inputs,
        @JsonProperty("expected_outcome") String expectedOutcome,
        @JsonProperty("finding_ids") List<String> findingIds,
        @JsonProperty("file") String file) {
}
