package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A test that covers the touched code today, or one to write.
 *
 * @param id               the test-planning specification id, a stable id of a new specification, or for an
 *                         existing test its class and method
 * @param source           {@code existing} (in the repository), {@code test-planning} (the test-planning worker's
 *                         specification) or {@code new} (proposed here because no specification covers the method)
 * @param methodUnderTest  {@code com.acme.Parser#parse(String)}
 * @param kind             unit, parameterized, integration, ...; null for an existing test
 * @param description      what the test checks
 */
@JsonPropertyOrder({"id", "source", "test_class", "test_name", "file", "method_under_test", "kind", "description"})
public record TestItem(
        @JsonProperty("id") String id,
        @JsonProperty("source") String source,
        @JsonProperty("test_class") String testClass,
        @JsonProperty("test_name") String testName,
        @JsonProperty("file") String file,
        @JsonProperty("method_under_test") String methodUnderTest,
        @JsonProperty("kind") String kind,
        @JsonProperty("description") String description) {

    public static final String EXISTING = "existing";
    public static final String TEST_PLANNING = "test-planning";
    public static final String NEW = "new";
}
