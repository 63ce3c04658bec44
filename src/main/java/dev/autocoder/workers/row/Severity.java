package dev.autocoder.workers.row;

import com.fasterxml.jackson.annotation.JsonValue;

/** Finding severity, most severe first; the order is the sort order of a row's findings. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Severity of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    /** The next severity down; info stays info. */
    public Severity oneStepLower() {
        return this == INFO ? INFO : values()[ordinal() + 1];
    }

    /** PMD priorities run from 1 (high) to 5 (low). */
    public static Severity fromPmdPriority(int priority) {
        return values()[Math.max(1, Math.min(5, priority)) - 1];
    }
}
