package dev.autocoder.workers.dashboard;

import java.time.Instant;

/** One point of a trend: the row's iteration number, its time, and the value it had then. */
record SeriesPoint(long iteration, Instant at, double value) {
}
