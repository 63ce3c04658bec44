package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a worker is doing, as the dashboard shows it.
 * <ul>
 *   <li>running: its route runs and it writes rows on time;</li>
 *   <li>stopped: stopped from the dashboard (route suspended) or its route does not run;</li>
 *   <li>stale: running, but no row within 3 × its period (counted from its first expected row);</li>
 *   <li>failing: running, and its latest row has status error.</li>
 * </ul>
 */
enum WorkerCondition {
    RUNNING, STOPPED, STALE, FAILING;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
