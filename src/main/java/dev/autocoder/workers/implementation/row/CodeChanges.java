package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The code of the latest implementation plan. An Implementation Plan row holds its own plan; the other stages carry
 * the latest plan forward (its {@code task_id} says which task it belongs to), so the newest row always shows the
 * newest code.
 *
 * @param diff         git-style unified diff against HEAD; null without a patch
 * @param code         the patched file (or, for a file over 64 KiB, the changed region with 10 lines around it, see
 *                     {@code code_scope}); null without a patch
 * @param codeScope    {@code file} or {@code excerpt lines a-b}; null without a patch
 * @param verified     the diff applies to the file at HEAD and the patched file parses
 * @param verification what the check found, in one line
 * @param source       {@code mechanical} (syntax-tree edit), {@code model} (the language model's diff, verified) or
 *                     {@code none} (plan only)
 */
@JsonPropertyOrder({"task_id", "file", "description", "diff", "code", "code_scope", "verified", "verification", "source"})
public record CodeChanges(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("file") String file,
        @JsonProperty("description") String description,
        @JsonProperty("diff") String diff,
        @JsonProperty("code") String code,
        @JsonProperty("code_scope") String codeScope,
        @JsonProperty("verified") boolean verified,
        @JsonProperty("verification") String verification,
        @JsonProperty("source") String source) {

    public static final String MECHANICAL = "mechanical";
    public static final String MODEL = "model";
    public static final String NONE = "none";

    /** No plan has been made yet. */
    public static CodeChanges empty() {
        return new CodeChanges(null, null, null, null, null, null, false, null, NONE);
    }

    public static CodeChanges planOnly(String taskId, String file, String description) {
        return new CodeChanges(taskId, file, description, null, null, null, false, null, NONE);
    }
}
