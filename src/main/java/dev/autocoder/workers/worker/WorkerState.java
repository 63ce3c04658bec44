package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live state of one worker: where the rotation stands and what the last rows said. All of it is rebuilt
 * from the dataset store when the worker first runs, so it never needs saving.
 */
public final class WorkerState {

    private final WorkerDefinition definition;
    /** The target of a worker that runs a list of targets (one state per worker and target); null for the single target. */
    private final String targetId;
    /** That target's repository as rows name it (to recognise its rows written before rows had a target id). */
    private final String repository;
    private final ReentrantLock iterationLock = new ReentrantLock();
    private final Map<String, Row> lastRowByPerspective = new HashMap<>();
    private final Map<String, Row> lastOkRowByPerspective = new HashMap<>();
    private final Map<String, Set<String>> findingIdsByPerspective = new HashMap<>();
    private volatile Row lastRow;
    /** The last row written by this process (not read back from the dataset); null before the first. */
    private volatile Row lastRowWrittenHere;
    private volatile boolean recovered;
    private volatile boolean remote;

    WorkerState(WorkerDefinition definition) {
        this(definition, null, null);
    }

    WorkerState(WorkerDefinition definition, String targetId, String repository) {
        this.definition = definition;
        this.targetId = targetId;
        this.repository = repository;
    }

    String repository() {
        return repository;
    }

    /** The target this state belongs to when the process runs a list of targets; null for the single target. */
    public String targetId() {
        return targetId;
    }

    public WorkerDefinition definition() {
        return definition;
    }

    public Optional<Row> lastRow() {
        return Optional.ofNullable(lastRow);
    }

    /** The number the next row gets: one more than the last, 1 for the first. */
    public long nextIteration() {
        return lastRow == null ? 1 : lastRow.iteration() + 1;
    }

    /** True while an iteration holds the worker's turn (the dashboard shows its perspective as current). */
    public boolean isIterating() {
        return iterationLock.isLocked();
    }

    public String nextPerspective() {
        return definition.perspectiveAfter(lastRow == null ? null : lastRow.perspectiveId());
    }

    /**
     * The next perspective of the rotation that takes its turn ({@link Perspective#takesTurn}); the ones passed over
     * write no row. After a full round of refusals, the plain next one.
     */
    String nextPerspective(PerspectiveCatalog catalog) {
        String next = nextPerspective();
        for (int i = 0; i < definition.perspectives().size(); i++) {
            Optional<Perspective> perspective = catalog.find(definition.worker(), next);
            if (perspective.isEmpty() || perspective.get().takesTurn(this::lastRowOf)) {
                return next;
            }
            next = definition.perspectiveAfter(next);
        }
        return nextPerspective();
    }

    synchronized Optional<Row> lastRowOf(String perspective) {
        return Optional.ofNullable(lastRowByPerspective.get(perspective));
    }

    synchronized Optional<Row> lastOkRowOf(String perspective) {
        return Optional.ofNullable(lastOkRowByPerspective.get(perspective));
    }

    /** The complete finding ids of the perspective's last ok result in this process, if known. */
    synchronized Optional<Set<String>> findingIdsOf(String perspective) {
        return Optional.ofNullable(findingIdsByPerspective.get(perspective));
    }

    /** The last row this process wrote, not one an earlier run left in the dataset. */
    Optional<Row> lastRowWrittenHere() {
        return Optional.ofNullable(lastRowWrittenHere);
    }

    synchronized void remember(Row row, Set<String> allFindingIds) {
        lastRow = row;
        lastRowWrittenHere = row;
        lastRowByPerspective.put(row.perspectiveId(), row);
        if (row.status() == Status.OK) {
            lastOkRowByPerspective.put(row.perspectiveId(), row);
            findingIdsByPerspective.put(row.perspectiveId(), Set.copyOf(allFindingIds));
        }
    }

    synchronized void recovered(Row last, Map<String, Row> lastByPerspective, Map<String, Row> lastOkByPerspective) {
        this.lastRow = last;
        lastRowByPerspective.putAll(lastByPerspective);
        lastOkRowByPerspective.putAll(lastOkByPerspective);
        recovered = true;
    }

    /** Forgets what was read, so the next iteration reads the rows again (another process may have written since). */
    synchronized void forgetRecovery() {
        lastRow = null;
        lastRowByPerspective.clear();
        lastOkRowByPerspective.clear();
        findingIdsByPerspective.clear();
        recovered = false;
    }

    boolean isRecovered() {
        return recovered;
    }

    /**
     * True for a worker declared in the routes but running in another process, whose rows this process only reads
     * (a dashboard reading the Hub).
     */
    public boolean isRemote() {
        return remote;
    }

    void markRemote() {
        remote = true;
    }

    ReentrantLock iterationLock() {
        return iterationLock;
    }
}
