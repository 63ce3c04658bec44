package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Another finding of the task's rule in the task's file, taken on with it: by hand the same change is made at each
 * place in one go, so no later cycle plans it again.
 *
 * @param line where it is at HEAD
 */
@JsonPropertyOrder({"finding_id", "line"})
public record GroupedFinding(@JsonProperty("finding_id") String findingId, @JsonProperty("line") Integer line) {
}
