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
 * @param lastIterations the newest iteration folded per target id ({@code ""}: rows without one): iterations are
 *                       numbered per target, so a row read again is told by its own target's
 * @param resultsByTarget true when written with a list of targets (each perspective's current result per target); a
 *                        checkpoint of the other kind is not read
 */
record AggregateCheckpoint(int format, String worker, String dataset, Instant writtenAt, int seriesLimit,
                           int recentLimit, int patchLimit, long rows, long okRows, long errorRows, long skippedRows,
                           long newFindings, long resolvedFindings, String lastRow, String lastErrorRow,
                           Instant lastRowAt, Map<String, Long> lastIterations, boolean resultsByTarget,
                           List<Perspective> perspectives,
                           List<SeriesPoint> openFindings, List<Counter> counters, List<byte[]> recent,
                           LatestPlan latestPlan, List<VerifiedPatch> patches, Map<String, byte[]> packedRows) {

    /** Raise it whenever {@link WorkerAccumulator} folds a row differently: an old checkpoint then means a full rebuild. */
    static final int FORMAT = 4;

    /**
     * A perspective's state; rows named by {@link WorkerAccumulator#rowKey} in {@code packedRows}, {@code results} the
     * newest ok row of each target by target id.
     */
    record Perspective(String id, String name, long rows, String latest, String latestOk, Map<String, String> results,
                       List<SeriesPoint> scores) {
    }

    /** One cumulative counter, in the order the rows first showed it. */
    record Counter(String name, double value) {
    }
}
