package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The resolved start of new code.
 *
 * @param setting        the setting it came from, e.g. {@code previous-tag}
 * @param commit         the baseline commit; null when code before it cannot be named (see the other fields)
 * @param description    what was chosen, e.g. {@code tag v1.2 (3f2a…)} or {@code no previous tag: days:30}
 * @param beforeHistory  the history is younger than the baseline: every line is new code
 * @param reason         why no baseline could be found; null when it was found
 */
record NewCodeBaseline(
        String setting,
        String commit,
        String description,
        @JsonProperty("before_history") boolean beforeHistory,
        String reason) {

    static NewCodeBaseline at(NewCodeSetting setting, String commit, String description) {
        return new NewCodeBaseline(setting.label(), commit, description, false, null);
    }

    static NewCodeBaseline wholeHistory(NewCodeSetting setting, String description) {
        return new NewCodeBaseline(setting.label(), null, description, true, null);
    }

    static NewCodeBaseline unresolved(NewCodeSetting setting, String reason) {
        return new NewCodeBaseline(setting.label(), null, null, false, reason);
    }

    /** How to name a baseline, for the message of a default that found none yet. */
    static final String HOW_TO_SET = "to set one: autocoder.gate.new-code=commit:<sha or tag>, branch:<name> or"
            + " days:<n> (gate --new-code …), or tag a release";

    /** The default found nothing to compare with yet (no tag, a history younger than its window). */
    static NewCodeBaseline notYet(NewCodeSetting setting, String why) {
        return new NewCodeBaseline(setting.label(), null, null, false, "no new-code baseline yet (" + why + "; "
                + HOW_TO_SET + ")");
    }

    /** Why conditions on new code cannot be told, for their detail; null when the baseline was found. */
    @JsonIgnore
    public String unresolvedDetail() {
        if (isResolved()) {
            return null;
        }
        return reason.startsWith("no new-code baseline") ? reason : "no new-code baseline: " + reason;
    }

    /** Whether findings can be told new or not against this baseline. */
    @JsonIgnore
    public boolean isResolved() {
        return commit != null || beforeHistory;
    }
}
