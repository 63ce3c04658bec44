package dev.autocoder.workers.testplan;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The analysis worker's latest rows, read from its dataset (the store is the only channel between workers). */
@Component
public class AnalysisRows {

    private final DatasetStore store;
    private final String dataset;

    public AnalysisRows(DatasetStore store, AutocoderProperties properties) {
        this.store = store;
        this.dataset = properties.getTestplan().getAnalysisDataset();
    }

    public String dataset() {
        return dataset;
    }

    /** The newest ok row of an analysis perspective, e.g. {@code security}. */
    public Optional<Row> latestOk(String perspective) {
        return latestOk(perspective, null);
    }

    /**
     * The newest ok row of an analysis perspective on one listed target ({@link
     * dev.autocoder.workers.worker.PerspectiveContext#targetId()}); a null target reads every row (the single target).
     */
    public Optional<Row> latestOk(String perspective, String targetId) {
        return store.lastRowOf(dataset, targetId, r -> perspective.equals(r.perspectiveId()) && r.status() == Status.OK);
    }
}
