package dev.autocoder.workers.gate;

/**
 * A gate measure's value.
 *
 * @param value       null when it cannot be told
 * @param lowerBound  more may exist than counted (a capped row did not list them, or some could not be told)
 * @param applicable  false when the condition does not apply (e.g. coverage without a coverage report)
 * @param detail      how it was computed, or why it could not be
 * @param vacuous     nothing to measure, and so nothing that breaks the condition (no new coverable lines): passed
 */
record Measure(Double value, boolean lowerBound, boolean applicable, String detail, boolean vacuous) {

    static Measure exact(double value, String detail) {
        return new Measure(value, false, true, detail, false);
    }

    static Measure atLeast(double value, String detail) {
        return new Measure(value, true, true, detail, false);
    }

    static Measure unknown(String reason) {
        return new Measure(null, false, true, reason, false);
    }

    static Measure notApplicable(String reason) {
        return new Measure(null, false, false, reason, false);
    }

    static Measure vacuous(String detail) {
        return new Measure(null, false, true, detail, true);
    }
}
