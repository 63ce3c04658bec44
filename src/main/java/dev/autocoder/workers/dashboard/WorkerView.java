package dev.autocoder.workers.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One worker's live status, as the table and the API show it.
 *
 * @param iterations         the number of the worker's latest row (0 before its first)
 * @param currentPerspective the perspective running now, or the one of the latest row when idle
 * @param nextPerspective    the perspective the next iteration runs
 * @param iterating          an iteration is in progress
 * @param lastError          the error of the newest row with status error, if any
 * @param reportsFindings    some perspective of the worker lists findings in its rows (not the implementation worker)
 */
record WorkerView(String worker, String routeId, String dataset, List<String> perspectives, long periodMs,
                         WorkerCondition state, boolean up, String health, long iterations, String currentPerspective,
                         String nextPerspective, boolean iterating, boolean runPending, Instant lastUpdated,
                         String lastError, Long lastErrorIteration, boolean remote, boolean reportsFindings) {
}
