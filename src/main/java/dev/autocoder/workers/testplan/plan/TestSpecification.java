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
 * @param expectedException for a test that expects an exception: the type the method under test really throws
 *                   (simple name, resolved through the project's own code), or "" when it could not be resolved (the
 *                   skeleton then expects any {@code Exception}); null for other tests
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
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
        @JsonProperty("file") String file,
        @JsonProperty("expected_exception") String expectedException) {

    /** The same test answering more plan items (a duplicate specification merged into this one). */
    public TestSpecification answering(List<String> more) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(findingIds);
        ids.addAll(more);
        return new TestSpecification(id, classUnderTest, methodUnderTest, testClass, testName, kind, given, when, then,
                inputs, expectedOutcome, List.copyOf(ids), file, expectedException);
    }

    /** The same test under another name (two tests of one test class named alike). */
    public TestSpecification named(String name) {
        return new TestSpecification(id, classUnderTest, methodUnderTest, testClass, name, kind, given, when, then,
                inputs, expectedOutcome, findingIds, file, expectedException);
    }
}
