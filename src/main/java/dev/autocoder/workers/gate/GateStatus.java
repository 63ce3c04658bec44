package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The gate's verdict, and a condition's; {@code NOT_APPLICABLE} only for conditions. */
enum GateStatus {
    PASSED, FAILED, UNKNOWN, NOT_APPLICABLE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CI command's exit code: 0 passed, 1 failed, 2 cannot tell. */
    public int exitCode() {
        return this == PASSED ? 0 : this == FAILED ? 1 : 2;
    }
}
