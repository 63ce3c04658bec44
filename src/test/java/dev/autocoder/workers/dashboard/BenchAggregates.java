package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.worker.WorkerRegistry;

import java.util.Set;

/** The dashboard's aggregates of a process with a list of targets, for benchmarks outside this package. */
public final class BenchAggregates {

    private BenchAggregates() {
    }

    public static Aggregates listing(DatasetStore store, WorkerRegistry registry, ObjectMapper mapper, Set<String> targetIds) {
        Aggregates aggregates = new Aggregates(store, registry, new DashboardProperties(), mapper, () -> targetIds);
        aggregates.rebuildAll();
        return aggregates;
    }
}
