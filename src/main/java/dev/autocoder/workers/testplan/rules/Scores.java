package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;

import java.util.List;

/** Quality-score helpers shared by the test-planning perspectives. */
public final class Scores {
    private Scores() {
    }

    /** Severity weights: critical 5, high 3, medium 1, low 0.5, info 0.1 (as in the analysis worker). */
    public static double weight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 5;
            case HIGH -> 3;
            case MEDIUM -> 1;
            case LOW -> 0.5;
            case INFO -> 0.1;
        };
    }

    /**
     * {@code 1 / (1 + d / 5)} with {@code d} = severity-weighted findings per 1000 lines of main Java code (at least
     * 1000 lines assumed): no findings score 1, five weighted findings per 1000 lines halve the score.
     */
    public static double density(List<Finding> findings, long mainLines) {
        double weighted = findings.stream().mapToDouble(f -> weight(f.severity())).sum();
        double d = weighted * 1000.0 / Math.max(1000, mainLines);
        return round(1 / (1 + d / 5));
    }

    /** A share, or null when there is nothing to share out. */
    public static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
