package dev.autocoder.workers.row;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of one iteration: ok, error (it threw), or skipped (the perspective had nothing it could say). */
public enum Status {
    OK, ERROR, SKIPPED;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
