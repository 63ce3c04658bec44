package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.repository.Snapshot;

import java.time.Instant;
import java.util.Set;

/** One pass of a worker through the route, carried as an exchange property from step to step. */
public final class Iteration {

    public static final String PROPERTY = "autocoderIteration";

    private final WorkerState worker;
    private final Perspective perspective;
    private final int perspectiveNumber;
    private final long number;
    private final long startNanos = System.nanoTime();
    private Snapshot snapshot;
    private Row row;
    private Set<String> findingIds = Set.of();

    Iteration(WorkerState worker, Perspective perspective, int perspectiveNumber, long number) {
        this.worker = worker;
        this.perspective = perspective;
        this.perspectiveNumber = perspectiveNumber;
        this.number = number;
    }

    public WorkerState worker() {
        return worker;
    }

    public Perspective perspective() {
        return perspective;
    }

    public int perspectiveNumber() {
        return perspectiveNumber;
    }

    public long number() {
        return number;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    void snapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public Row row() {
        return row;
    }

    void row(Row row, Set<String> findingIds) {
        this.row = row;
        this.findingIds = findingIds;
    }

    Set<String> findingIds() {
        return findingIds;
    }

    @Override
    public String toString() {
        return label() + " at " + Instant.now();
    }

    /** What the log calls the iteration: {@code analysis on beta-883bf46b #6 architecture} (no target: the single one). */
    String label() {
        return worker.definition().worker() + (worker.targetId() == null ? "" : " on " + worker.targetId()) + " #" + number
                + " " + perspective.id();
    }
}
