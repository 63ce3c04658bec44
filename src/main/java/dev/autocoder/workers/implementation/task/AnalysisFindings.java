package dev.autocoder.workers.implementation.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The analysis worker's newest ok row of each perspective, read from its dataset (the store is the only channel
 * between workers; see {@link NewestRows} for where it is read from).
 */
@Component
public class AnalysisFindings {

    private final NewestRows rows;
    private final String dataset;
    private final TaskPriority priority;
    private final ObjectMapper json;

    public AnalysisFindings(NewestRows rows, AutocoderProperties properties, TaskPriority priority,
                            @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        this.rows = rows;
        this.json = json;
        this.priority = priority;
        this.dataset = properties.getImplementation().getAnalysisDataset();
    }

    public String dataset() {
        return dataset;
    }

    public LatestAnalysis latest() {
        return latest(null);
    }

    /** The analysis of one listed target ({@code target_id}); null for the single target (every row). */
    public LatestAnalysis latest(String targetId) {
        NewestRows.Found found = rows.read(dataset, PerspectiveCatalog.CANONICAL_ORDER, targetId);
        return new LatestAnalysis(found.rows(), found.problem(), priority, json);
    }
}
