package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autocoder.workers.row.Finding;

/**
 * A finding of a perspective with its state against the new-code baseline.
 *
 * @param state      new, unchanged or absent; null when it cannot be told ({@code decidedBy} says why)
 * @param decidedBy  {@code finding id} (against the rows at the baseline), {@code git blame}, {@code history}
 *                   (all code is new), or why it could not be told
 */
record ClassifiedFinding(
        String perspective,
        @JsonUnwrapped Finding finding,
        @JsonProperty("baseline_state") BaselineState state,
        @JsonProperty("decided_by") String decidedBy) {

    boolean isNew() {
        return state == BaselineState.NEW;
    }

    boolean isUndecided() {
        return state == null;
    }
}
