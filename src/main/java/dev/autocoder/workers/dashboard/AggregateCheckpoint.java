package dev.autocoder.workers.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A worker's dashboard aggregate as kept on disk ({@code {store}/.state/dashboard-{worker}.json}), so that a restart folds only the rows
 * written since instead of the whole history. Rows are kept packed ({@link RecentRows#pack}), once each, by
 * iteration: a perspective's latest row is often its latest good one and the worker's last row too.
 *
 * @param format  {@link #FORMAT} when written; a checkpoint of another format is not read
 * @param writtenAt when it was written: the data files changed since then (and a margin before) are read again
 */
record AggregateCheckpoint(int format, String worker, String dataset, Instant writtenAt, int seriesLimit,
                           int recentLimit, int patchLimit, long rows, long okRows, long errorRows, long skippedRows,
                           long newFindings, long resolvedFindings, Long lastRow, Long lastErrorRow, Instant lastRowAt,
                           List<Perspective> perspectives, List<SeriesPoint> openFindings, List<Counter> counters,
                           List<byte[]> recent, LatestPlan latestPlan, List<VerifiedPatch> patches,
                           Map<Long, byte[]> packedRows) {

    /** Raise it whenever {@link WorkerAccumulator} folds a row differently: an old checkpoint then means a full rebuild. */
    static final int FORMAT = 1;

    /** A perspective's state; rows named by their iteration in {@code packedRows}. */
    record Perspective(String id, String name, long rows, Long latest, Long latestOk, List<SeriesPoint> scores) {
    }

    /** One cumulative counter, in the order the rows first showed it. */
    record Counter(String name, double value) {
    }
}
