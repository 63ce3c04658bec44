package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.dataset.RemoteHistory;
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
    private final List<RemoteHistory> remotes;
    private final Map<String, WorkerState> states = new ConcurrentHashMap<>();
    /** (worker, target) → state, when the process runs a list of targets ({@code autocoder.targets}). */
    private final Map<String, WorkerState> targetStates = new ConcurrentHashMap<>();

    public WorkerRegistry(DatasetStore store, List<RemoteHistory> remotes) {
        this.store = store;
        this.remotes = remotes;
    }

    /** Registers a worker, or returns the one registered under the same id (the first declaration wins). */
    public WorkerState register(WorkerDefinition definition) {
        return states.computeIfAbsent(definition.worker(), id -> new WorkerState(definition));
    }

    /** Registers a worker that runs in another process; this one only shows its rows. */
    public WorkerState registerRemote(WorkerDefinition definition) {
        WorkerState state = register(definition);
        state.markRemote();
        return state;
    }

    public Optional<WorkerState> find(String worker) {
        return Optional.ofNullable(states.get(worker));
    }

    /**
     * The state of a worker on one target of a list of targets: its own rotation and numbering, with the worker's
     * definition as {@code definition} says for that target (its perspectives and period). The first call wins.
     */
    public WorkerState forTarget(WorkerDefinition definition, String targetId, String repository) {
        return targetStates.computeIfAbsent(definition.worker() + "@" + targetId,
                key -> new WorkerState(definition, targetId, repository));
    }

    public Optional<WorkerState> findForTarget(String worker, String targetId) {
        return Optional.ofNullable(targetStates.get(worker + "@" + targetId));
    }

    /** Every (worker, target) state, sorted by target then worker. */
    public List<WorkerState> allForTargets() {
        List<WorkerState> all = new ArrayList<>(targetStates.values());
        all.sort(java.util.Comparator.comparing(WorkerState::targetId).thenComparing(s -> s.definition().worker()));
        return all;
    }

    /**
     * Forgets a worker's state on a listed target (the target left the list, or another process runs the pair now):
     * its rows stay in the store, and a return recovers from them.
     */
    public void forget(String worker, String targetId) {
        targetStates.remove(worker + "@" + targetId);
    }

    /** The workers, one state each (the single target's; see {@link #allForTargets()} for a list of targets). */
    public List<WorkerState> all() {
        List<WorkerState> all = new ArrayList<>(states.values());
        all.sort((a, b) -> a.definition().worker().compareTo(b.definition().worker()));
        return all;
    }

    /**
     * Makes the worker read its last rows on the target again before its next iteration: it runs here again after
     * another process ran it (Kafka mode), and the store has those rows now. A null target is the single target.
     */
    public void reload(String worker, String targetId) {
        WorkerState state = targetId == null ? states.get(worker) : targetStates.get(worker + "@" + targetId);
        if (state != null) {
            synchronized (state) {
                state.forgetRecovery();
            }
        }
    }

    /**
     * Reads the worker's last rows from its dataset once, so numbering and rotation continue after a restart
     * with no gap and no repeat. An empty local store is filled in from a remote copy (the Hub) when there is one;
     * if that copy cannot be read now, this throws and the worker tries again on its next tick rather than
     * starting its numbering over.
     */
    public WorkerState recovered(WorkerState state) {
        if (state.isRecovered()) {
            return state;
        }
        synchronized (state) {
            if (!state.isRecovered()) {
                // one newest-first pass: the last row, and the last row and last ok row of every perspective
                List<String> perspectives = state.definition().perspectives();
                Row[] last = new Row[1];
                Map<String, Row> lastBy = new HashMap<>();
                Map<String, Row> lastOkBy = new HashMap<>();
                java.util.function.Predicate<Row> collect = row -> {
                    if (!state.definition().worker().equals(row.worker()) || !ofTarget(state, row)) {
                        return true;
                    }
                    if (last[0] == null) {
                        last[0] = row;
                    }
                    if (perspectives.contains(row.perspectiveId())) {
                        lastBy.putIfAbsent(row.perspectiveId(), row);
                        if (row.status() == Status.OK) {
                            lastOkBy.putIfAbsent(row.perspectiveId(), row);
                        }
                    }
                    return lastOkBy.size() < perspectives.size();
                };
                String dataset = state.definition().dataset();
                if (state.targetId() == null) {
                    store.forEachRowNewestFirst(dataset, collect);
                } else {
                    store.forEachRowNewestFirst(dataset, state.targetId(), collect);
                }
                if (last[0] == null && state.targetId() == null) {
                    for (RemoteHistory remote : remotes) {
                        if (remote.forEachRowNewestFirst(state.definition().worker(), dataset, collect)) {
                            if (last[0] != null) {
                                log.info("Worker {} recovered its history from {}", state.definition().worker(),
                                        remote.getClass().getSimpleName());
                            }
                            break;
                        }
                    }
                }
                if (last[0] != null) {
                    log.info("Worker {}{} continues after iteration {} ({})", state.definition().worker(),
                            state.targetId() == null ? "" : " on " + state.targetId(), last[0].iteration(), last[0].perspectiveId());
                }
                state.recovered(last[0], lastBy, lastOkBy);
            }
        }
        return state;
    }

    /**
     * Whether a row read for a target's state is that target's: its target id, or, for a row written before rows
     * had one (the single target's rows of an older version), the same repository.
     */
    private static boolean ofTarget(WorkerState state, Row row) {
        if (state.targetId() == null) {
            return true;
        }
        return row.targetId() == null ? state.repository() != null && state.repository().equals(row.repository())
                : state.targetId().equals(row.targetId());
    }
}
