package dev.autocoder.workers.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's condition at one instant.
 *
 * @param up         it wrote a row within 3 × its period (or is still before its first expected row) and runs
 * @param reason     one line saying why, for people
 * @param staleAfter 3 × the worker's period
 * @param dueBy      the latest instant its next row is expected by before it counts as stale
 */
record WorkerHealth(WorkerCondition condition, boolean up, String reason, Duration staleAfter, Instant dueBy) {
}
