package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A call that crosses a process boundary.
 *
 * @param kind         http, database, messaging, file-system, environment, clock, process, randomness or concurrency
 * @param call         the call as written, e.g. {@code Files.readAllBytes}
 * @param risk         high, medium or low
 * @param testStrategy how to test code that makes this call
 * @param inScope      the call is in code changed since the baseline (every call on a first run)
 */
public record IntegrationPoint(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("file") String file,
        @JsonProperty("line") int line,
        @JsonProperty("class_name") String className,
        @JsonProperty("method") String method,
        @JsonProperty("call") String call,
        @JsonProperty("risk") String risk,
        @JsonProperty("test_strategy") String testStrategy,
        @JsonProperty("in_scope") boolean inScope) {
}
