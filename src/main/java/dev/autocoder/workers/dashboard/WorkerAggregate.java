package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.Row;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the dashboard shows about one worker's history, kept current as rows are written so that no
 * request reads a dataset. An immutable snapshot: a new one replaces it after every row.
 *
 * @param rows          rows written, by status
 * @param lastErrorRow  the newest row with status error, if any
 * @param newFindings   sum of {@code new_findings} over all rows
 * @param openFindings  findings in main code open after each ok row (sum of every perspective's latest count), bounded
 * @param counters      the latest value of every numeric field of the rows' cumulative extra columns
 * @param recentRows    the newest rows, newest first, bounded by {@code autocoder.dashboard.max-rows-limit}, packed
 * @param latestPlan    the newest plan the rows carry (implementation worker), null for none
 * @param verifiedPatches the newest verified patches, one per task, newest first, bounded by
 *                      {@code autocoder.dashboard.patches-kept}
 */
public record WorkerAggregate(String worker, String dataset, long rows, long okRows, long errorRows, long skippedRows,
                              long newFindings, long resolvedFindings, Row lastRow, Row lastErrorRow, Instant lastRowAt,
                              List<PerspectiveAggregate> perspectives, List<SeriesPoint> openFindings,
                              Map<String, Double> counters, RecentRows recentRows, LatestPlan latestPlan,
                              List<VerifiedPatch> verifiedPatches) {

    /** An aggregate of a worker that makes no plans. */
    public WorkerAggregate(String worker, String dataset, long rows, long okRows, long errorRows, long skippedRows,
                           long newFindings, long resolvedFindings, Row lastRow, Row lastErrorRow, Instant lastRowAt,
                           List<PerspectiveAggregate> perspectives, List<SeriesPoint> openFindings,
                           Map<String, Double> counters, RecentRows recentRows) {
        this(worker, dataset, rows, okRows, errorRows, skippedRows, newFindings, resolvedFindings, lastRow, lastErrorRow,
                lastRowAt, perspectives, openFindings, counters, recentRows, null, List.of());
    }

    public static WorkerAggregate empty(String worker, String dataset) {
        return new WorkerAggregate(worker, dataset, 0, 0, 0, 0, 0, 0, null, null, null, List.of(), List.of(), Map.of(),
                RecentRows.none());
    }

    /** The verified patch of the task, if it is among those kept. */
    public Optional<VerifiedPatch> verifiedPatch(String taskId) {
        return verifiedPatches.stream().filter(p -> p.taskId().equals(taskId)).findFirst();
    }

    public long iterations() {
        return lastRow == null ? 0 : lastRow.iteration();
    }

    public Optional<PerspectiveAggregate> perspective(String id) {
        return perspectives.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
