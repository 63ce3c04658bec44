package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A finding against the new-code baseline, named as SARIF's {@code baselineState} names it. */
enum BaselineState {
    /** Not there at the baseline: new code brought it. */
    NEW,
    /** Already there at the baseline. */
    UNCHANGED,
    /** There at the baseline, gone now. */
    ABSENT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
