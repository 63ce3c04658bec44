package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * New against overall findings of one perspective's latest ok row.
 *
 * @param overall     all findings of the row (before its cap)
 * @param newCount    findings new since the baseline
 * @param undecided   findings that could not be told new or not (unlisted ones of a capped row included)
 * @param absent      findings at the baseline that are gone (of those known)
 */
record PerspectiveNewCode(
        String perspective,
        String commit,
        int overall,
        @JsonProperty("new") int newCount,
        int unchanged,
        int undecided,
        int absent) {
}
