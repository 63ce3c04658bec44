package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Running totals of the worker, counted by distinct id over its whole dataset (so they survive restarts).
 *
 * @param tasksStarted             distinct tasks picked by Deep Understanding
 * @param implementationsGenerated distinct tasks whose Implementation Plan holds a verified patch
 * @param testsWritten             distinct test specifications (the test-planning worker's and new ones) named by
 *                                 Testing Strategy rows
 * @param issuesDiscovered         distinct risks identified by Risk Analysis rows
 */
@JsonPropertyOrder({"tasks_started", "implementations_generated", "tests_written", "issues_discovered"})
public record CumulativeProgress(
        @JsonProperty("tasks_started") long tasksStarted,
        @JsonProperty("implementations_generated") long implementationsGenerated,
        @JsonProperty("tests_written") long testsWritten,
        @JsonProperty("issues_discovered") long issuesDiscovered) {
}
