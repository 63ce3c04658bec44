package dev.autocoder.workers.metrics;

import dev.autocoder.workers.row.Row;

import java.util.List;
import java.util.Optional;

/**
 * The newest ok row of each perspective of a worker, kept current as rows are stored and rebuilt from the store at
 * start-up. The dashboard's aggregates answer it: the meters read it through this interface so that metrics does not
 * depend on the dashboard.
 */
public interface LatestResults {

    /** The perspectives the worker has rows of. */
    List<String> perspectives(String worker);

    /** The perspective's newest ok row, the one whose findings and score are current; empty before the first. */
    Optional<Row> latestOk(String worker, String perspective);
}
