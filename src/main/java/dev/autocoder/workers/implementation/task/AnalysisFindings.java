package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.Row;
import dev.autocoder.workers.worker.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the analysis worker's newest ok row of each perspective from its dataset (the store is the only channel
 * between workers), newest first, stopping once every analysis perspective has one or after
 * {@value #MAX_ROWS_READ} rows (a perspective without an ok row among those is too stale to plan from).
 */
@Component
public class AnalysisFindings {

    static final int MAX_ROWS_READ = 1000;

    private final DatasetStore store;
    private final String dataset;

    public AnalysisFindings(DatasetStore store, AutocoderProperties properties) {
        this.store = store;
        this.dataset = properties.getImplementation().getAnalysisDataset();
    }

    public String dataset() {
        return dataset;
    }

    public LatestAnalysis latest() {
        Map<String, Row> newest = new LinkedHashMap<>();
        int[] read = {0};
        store.forEachRowNewestFirst(dataset, row -> {
            read[0]++;
            if (row.status() == Status.OK && row.perspectiveId() != null) {
                newest.putIfAbsent(row.perspectiveId(), row);
            }
            return read[0] < MAX_ROWS_READ && !newest.keySet().containsAll(PerspectiveCatalog.CANONICAL_ORDER);
        });
        return new LatestAnalysis(newest);
    }
}
