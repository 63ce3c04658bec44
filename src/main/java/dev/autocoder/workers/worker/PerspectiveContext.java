package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.repository.Snapshot;

import java.util.Optional;

/** What a perspective may look at: the snapshot of the target and the rows written before. */
public interface PerspectiveContext {

    Snapshot snapshot();

    /** The newest earlier row of the given perspective in this worker's dataset, if any. */
    Optional<Row> previousRow(String perspectiveId);

    /**
     * The {@code target_id} of the listed target this iteration runs on ({@code autocoder.targets}), or null for the
     * single target. Reads of another worker's dataset take only that target's rows when it is set.
     */
    default String targetId() {
        return null;
    }
}
