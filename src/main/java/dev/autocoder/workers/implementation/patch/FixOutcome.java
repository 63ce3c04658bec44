package dev.autocoder.workers.implementation.patch;

import java.util.Optional;

/**
 * The answer of {@link MechanicalFixes#propose}: a patch, or the reason there is none.
 *
 * @param patch  the proposed patch; null when not fixable
 * @param reason why the finding is not fixed mechanically; null when there is a patch
 */
public record FixOutcome(ProposedPatch patch, String reason) {

    public static FixOutcome fixed(ProposedPatch patch) {
        return new FixOutcome(patch, null);
    }

    public static FixOutcome notFixable(String reason) {
        return new FixOutcome(null, reason);
    }

    public boolean fixable() {
        return patch != null;
    }

    public Optional<ProposedPatch> proposedPatch() {
        return Optional.ofNullable(patch);
    }
}
