package dev.autocoder.workers.dataset;

import dev.autocoder.workers.row.Row;

import java.util.function.Predicate;

/**
 * A copy of a dataset kept elsewhere (the Hub), read when the local store has nothing: a process restarted with
 * an empty disk continues its numbering and rotation from there.
 */
public interface RemoteHistory {

    /**
     * Hands the dataset's rows to the action, newest first, for as long as it answers true.
     *
     * @return false when there is no remote copy to read (not configured for this dataset)
     * @throws IllegalStateException when the remote copy exists but cannot be read now
     */
    boolean forEachRowNewestFirst(String worker, String dataset, Predicate<Row> action);
}
