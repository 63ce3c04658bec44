package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;

/**
 * One way of looking at the repository. A perspective is a pure function of (snapshot, previous rows) to a
 * result; it must not keep state between calls other than content-keyed caches, and it talks to the network
 * only through a client bean a test can point at a local fake.
 */
public interface Perspective {

    /** Stable id used in configuration and rows, e.g. {@code code-quality}. */
    String id();

    /** Human name, e.g. "Code Quality Analysis". */
    String name();

    /** Which worker's rotation this perspective belongs to, e.g. {@code analysis}. */
    String worker();

    PerspectiveResult analyze(PerspectiveContext context) throws Exception;

    /**
     * Whether the perspective's rows list findings. The implementation worker's stages carry their task and plan in
     * their own columns and never list a finding, so the dashboard does not show them empty findings counts.
     */
    default boolean reportsFindings() {
        return true;
    }

    /**
     * Whether the perspective takes its turn after the rows written so far. One that can only continue what an
     * earlier perspective of the round began (a later stage of an implementation cycle that has no task) returns
     * false, and the rotation passes over it without a row. Every perspective takes its turn by default.
     *
     * @param previousRow the newest earlier row of a perspective in this worker's dataset, by perspective id
     */
    default boolean takesTurn(java.util.function.Function<String, java.util.Optional<Row>> previousRow) {
        return true;
    }
}
