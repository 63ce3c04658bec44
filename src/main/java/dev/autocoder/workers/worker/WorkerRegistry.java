package dev.autocoder.workers.worker;

import dev.autocoder.workers.dataset.DatasetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The workers this process runs, as their routes declare them, with their live state. */
@Component
public class WorkerRegistry {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistry.class);

    private final DatasetStore store;
    private final Map<String, WorkerState> states = new ConcurrentHashMap<>();

    public WorkerRegistry(DatasetStore store) {
        this.store = store;
    }

    /** Registers a worker, or returns the one registered under the same id (the first declaration wins). */
    public WorkerState register(WorkerDefinition definition) {
        return states.computeIfAbsent(definition.worker(), id -> new WorkerState(definition));
    }

    public Optional<WorkerState> find(String worker) {
        return Optional.ofNullable(states.get(worker));
    }

    public List<WorkerState> all() {
        List<WorkerState> all = new ArrayList<>(states.values());
        all.sort((a, b) -> a.definition().worker().compareTo(b.definition().worker()));
        return all;
    }

    /**
     * Reads the worker's last rows from its dataset once, so numbering and rotation continue after a restart
     * with no gap and no repeat.
     */
    public WorkerState recovered(WorkerState state) {
        if (state.isRecovered()) {
            return state;
        }
        synchronized (state) {
            if (!state.isRecovered()) {
                String dataset = state.definition().dataset();
                Optional<Row> last = store.lastRow(dataset);
                Map<String, Row> lastBy = new HashMap<>();
                Map<String, Row> lastOkBy = new HashMap<>();
                if (last.isPresent()) {
                    for (String perspective : state.definition().perspectives()) {
                        store.lastRow(dataset, r -> perspective.equals(r.perspectiveId())).ifPresent(r -> lastBy.put(perspective, r));
                        store.lastRow(dataset, r -> perspective.equals(r.perspectiveId()) && r.status() == Status.OK)
                                .ifPresent(r -> lastOkBy.put(perspective, r));
                    }
                    log.info("Worker {} continues after iteration {} ({})", state.definition().worker(),
                            last.get().iteration(), last.get().perspectiveId());
                }
                state.recovered(last.orElse(null), lastBy, lastOkBy);
            }
        }
        return state;
    }
}
