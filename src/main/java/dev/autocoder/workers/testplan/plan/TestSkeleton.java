package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JUnit 5 test class rendered from test specifications.
 *
 * @param path   where it is written, relative to the output folder
 * @param source the Java source
 */
public record TestSkeleton(
        @JsonProperty("path") String path,
        @JsonProperty("test_class") String testClass,
        @JsonProperty("specification_ids") java.util.List<String> specificationIds,
        @JsonProperty("source") String source) {
}
