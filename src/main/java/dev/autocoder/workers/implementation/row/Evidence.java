package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The code the finding points at, as it is at HEAD.
 *
 * @param excerpt        the lines from {@code startLine} to {@code endLine} (published through the secret redactor)
 * @param presentAtHead  true when the re-check at HEAD found the finding; false when it is gone
 * @param presenceCheck  how presence was checked and what it found
 */
@JsonPropertyOrder({"file", "start_line", "end_line", "excerpt", "head_commit", "present_at_head", "presence_check"})
public record Evidence(
        @JsonProperty("file") String file,
        @JsonProperty("start_line") Integer startLine,
        @JsonProperty("end_line") Integer endLine,
        @JsonProperty("excerpt") String excerpt,
        @JsonProperty("head_commit") String headCommit,
        @JsonProperty("present_at_head") Boolean presentAtHead,
        @JsonProperty("presence_check") String presenceCheck) {

    public static Evidence none() {
        return new Evidence(null, null, null, null, null, null, null);
    }
}
