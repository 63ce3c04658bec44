package dev.autocoder.workers.implementation.risk;

import java.util.Locale;

/** A probability or impact rating; {@link #UNKNOWN} where the evidence is missing. */
public enum Level {
    LOW(1), MEDIUM(2), HIGH(3), UNKNOWN(0);

    private final int value;

    Level(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level of(String label) {
        try {
            return label == null ? UNKNOWN : valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    static Level max(Level a, Level b) {
        return a.value >= b.value ? a : b;
    }
}
