package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.worker.Row;
import dev.autocoder.workers.worker.Severity;

import java.util.List;
import java.util.Map;

/**
 * What one perspective of a worker has said so far.
 *
 * @param latest           its newest row, whatever the status
 * @param latestOk         its newest ok row, the one whose findings and score are current
 * @param listedBySeverity findings listed in {@code latestOk} by severity (a row lists at most
 *                         {@code autocoder.analysis.max-findings-per-row}, the most severe first)
 * @param scores           quality score after each ok row, oldest first, bounded
 */
public record PerspectiveAggregate(String id, String name, long rows, Row latest, Row latestOk,
                                   Map<Severity, Integer> listedBySeverity, List<SeriesPoint> scores) {

    public Double qualityScore() {
        return latestOk == null ? null : latestOk.qualityScore();
    }

    /** Findings of the latest ok result, all of them (not only the listed ones). */
    public int openFindings() {
        return latestOk == null ? 0 : latestOk.issuesFound();
    }

    /** True when the latest ok row lists fewer findings than it found. */
    public boolean truncated() {
        return latestOk != null && latestOk.findings().size() < latestOk.issuesFound();
    }
}
