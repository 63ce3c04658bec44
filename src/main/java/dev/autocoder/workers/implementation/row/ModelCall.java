package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What asking the language model gave in this stage (stages 1, 3 and 6, when {@code autocoder.llm.model} is set).
 *
 * @param asked          a request was attempted
 * @param status         {@code ok}, {@code timeout}, {@code http_error}, {@code malformed}, {@code unreachable},
 *                       {@code disabled} or {@code not_asked} (a stage that never asks)
 * @param reason         why there is no answer; null when ok
 * @param proposedDiff   the answer held a unified diff (implementation plan only)
 * @param diffVerified   that diff applies to HEAD and the result parses; null without a diff
 * @param diffCheck      what the check of the diff found; null without a diff
 */
@JsonPropertyOrder({"asked", "status", "model", "http_status", "reason", "attempts", "total_tokens", "proposed_diff",
        "diff_verified", "diff_check"})
public record ModelCall(
        @JsonProperty("asked") boolean asked,
        @JsonProperty("status") String status,
        @JsonProperty("model") String model,
        @JsonProperty("http_status") Integer httpStatus,
        @JsonProperty("reason") String reason,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("total_tokens") Integer totalTokens,
        @JsonProperty("proposed_diff") boolean proposedDiff,
        @JsonProperty("diff_verified") Boolean diffVerified,
        @JsonProperty("diff_check") String diffCheck) {

    public static final String NOT_ASKED = "not_asked";

    public static ModelCall notAsked() {
        return new ModelCall(false, NOT_ASKED, null, null, null, 0, null, false, null, null);
    }

    public ModelCall withDiff(boolean verified, String check) {
        return new ModelCall(asked, status, model, httpStatus, reason, attempts, totalTokens, true, verified, check);
    }
}
