package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The one-line system overview: how many workers are up out of how many. */
record SystemStatus(Health level, String label, long workersUp, int workersTotal) {

    public enum Health {
        OPERATIONAL, PARTIAL, OFFLINE;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
