package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.analysis.pmd.SeverityWeights;

import java.util.List;

/** Quality-score helpers shared by the test-planning perspectives. */
public final class Scores {
    private Scores() {
    }

    /**
     * {@code 1 / (1 + d / 5)} with {@code d} = severity-weighted findings per 1000 lines of main Java code (at least
     * 1000 lines assumed), weighted as in the analysis worker ({@link SeverityWeights}): no findings score 1, five
     * weighted findings per 1000 lines halve the score.
     */
    public static double density(List<Finding> findings, long mainLines) {
        return round(1 / (1 + SeverityWeights.perThousandLines(findings, mainLines) / 5));
    }

    /** A share, or null when there is nothing to share out. */
    public static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
