package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.hub.HubIdentity;
import dev.autocoder.workers.hub.HubSync;
import dev.autocoder.workers.hub.PublishStatus;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerReadiness;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the live facts (aggregates, route state, the clock) into the worker views and the system status.
 * Everything here is a few map look-ups per worker; nothing reads a dataset.
 */
@Component
class DashboardView {

    private final WorkerRegistry registry;
    private final Aggregates aggregates;
    private final WorkerControl control;
    private final TargetRepository target;
    private final Clock clock;
    private final DashboardProperties properties;
    private final HubSync hubSync;
    private final HubRowSource hubRows;
    private final HubIdentity hubIdentity;
    private final DatasetStore store;
    private final WorkerReadiness readiness;
    private final PerspectiveCatalog catalog;

    public DashboardView(WorkerRegistry registry, Aggregates aggregates, WorkerControl control,
                         TargetRepository target, Clock clock, DashboardProperties properties, HubSync hubSync,
                         HubRowSource hubRows, HubIdentity hubIdentity, DatasetStore store, WorkerReadiness readiness,
                         PerspectiveCatalog catalog) {
        this.registry = registry;
        this.aggregates = aggregates;
        this.control = control;
        this.target = target;
        this.clock = clock;
        this.properties = properties;
        this.hubSync = hubSync;
        this.hubRows = hubRows;
        this.hubIdentity = hubIdentity;
        this.store = store;
        this.readiness = readiness;
        this.catalog = catalog;
    }

    /** Broken lines the local store repaired since start-up (each kept under its {@code .quarantine/} folder). */
    public long repairedLines() {
        return store.repairedLines();
    }

    /** Where the rows shown come from, in words. */
    public String source() {
        return properties.readsHub() ? "the Hugging Face Hub" : "the local store";
    }

    /**
     * Each dataset's state on the Hub: how publishing stands for the datasets this process writes, or, for a
     * dashboard reading the Hub, which revision it read last.
     */
    public List<PublishStatus> publishing() {
        if (!properties.readsHub()) {
            return hubSync.statuses();
        }
        List<PublishStatus> reading = new ArrayList<>();
        for (WorkerState state : registry.all()) {
            String dataset = state.definition().dataset();
            String problem = hubRows.problems().get(dataset);
            String revision = hubRows.revisions().get(dataset);
            String passedOver = hubRows.passedOver().get(dataset);
            String owner = hubIdentity.knownOwner();
            reading.add(new PublishStatus(dataset, owner == null ? null : owner + "/" + dataset, hubIdentity.datasetUrl(dataset),
                    problem != null ? "unreadable" : revision == null ? "waiting" : "read",
                    problem != null ? problem : revision == null ? null : "revision " + revision
                            + (passedOver == null ? "" : "; " + passedOver), 0, null, null));
        }
        return reading;
    }

    public Instant now() {
        return clock.instant();
    }

    public Instant startedAt() {
        return control.startedAt();
    }

    public List<WorkerView> workers() {
        return workers(null);
    }

    /** The workers as one target's rows show them ({@code targetId} null: every row, as without a list of targets). */
    public List<WorkerView> workers(String targetId) {
        Instant now = now();
        List<WorkerView> views = new ArrayList<>();
        for (WorkerState state : registry.all()) {
            views.add(view(state, targetId, now));
        }
        return views;
    }

    public Optional<WorkerView> worker(String id) {
        return worker(id, null);
    }

    public Optional<WorkerView> worker(String id, String targetId) {
        return registry.find(id).map(state -> view(state, targetId, now()));
    }

    public Optional<WorkerAggregate> aggregate(String id) {
        return aggregates.of(id);
    }

    /** The worker's aggregate over one target's rows; a null target is every row. */
    public Optional<WorkerAggregate> aggregate(String id, String targetId) {
        return targetId == null ? aggregates.of(id) : aggregates.of(id, targetId);
    }

    public SystemStatus system(List<WorkerView> workers) {
        return StatusRules.system(workers.stream().map(w -> new WorkerHealth(w.state(), w.up(), w.health(), null, null)).toList());
    }

    /** The repository and commit of the newest row of any worker; the configured target before the first. */
    public AnalyzedRepository target(List<WorkerView> workers) {
        return target(workers, null);
    }

    /** The same over one target's rows (a null target is every row). */
    public AnalyzedRepository target(List<WorkerView> workers, String targetId) {
        Row newest = null;
        for (WorkerView worker : workers) {
            Row last = aggregate(worker.worker(), targetId).map(WorkerAggregate::lastRow).orElse(null);
            if (last != null && last.repository() != null && (newest == null || last.timestamp().compareTo(newest.timestamp()) > 0)) {
                newest = last;
            }
        }
        if (newest != null) {
            return new AnalyzedRepository(newest.repository(), newest.commit());
        }
        return new AnalyzedRepository(target.displayName(), null);
    }

    private WorkerView view(WorkerState state, String targetId, Instant now) {
        String worker = state.definition().worker();
        // on one target, the worker's definition as that target overrides it (its perspectives and period)
        WorkerDefinition definition = targetId == null ? state.definition()
                : registry.findForTarget(worker, targetId).map(WorkerState::definition).orElse(state.definition());
        WorkerAggregate aggregate = aggregate(worker, targetId).orElse(WorkerAggregate.empty(worker, definition.dataset()));
        // a worker running in another process is judged by its rows alone: stale when they stop coming
        boolean running = state.isRemote() || control.isRunning(worker, targetId);
        Instant since = state.isRemote() ? control.startedAt() : control.runningSince(worker, targetId);
        // a worker that waited for another's first row is due its first row from the end of that wait
        Instant waitEnded = readiness.waitEnded(worker).orElse(null);
        if (waitEnded != null && waitEnded.isAfter(since)) {
            since = waitEnded;
        }
        Optional<WorkerReadiness.Waiting> waiting = running && !state.isRemote() ? readiness.waiting(worker) : Optional.empty();
        WorkerHealth health = waiting.isPresent()
                ? StatusRules.waiting(definition, waiting.get().worker(), waiting.get().since(), now)
                : StatusRules.health(definition, running, since, aggregate.lastRow(), aggregate.lastRowAt(), now);
        String lastPerspective = aggregate.lastRow() == null ? null : aggregate.lastRow().perspectiveId();
        boolean iterating = targetId == null ? state.isIterating()
                : registry.findForTarget(worker, targetId).map(WorkerState::isIterating).orElse(false);
        String current;
        String next;
        if (iterating) {
            current = definition.perspectiveAfter(lastPerspective);
            next = definition.perspectiveAfter(current);
        } else {
            current = lastPerspective;
            next = definition.perspectiveAfter(lastPerspective);
        }
        Row error = aggregate.lastErrorRow();
        return new WorkerView(worker, definition.routeId(), definition.dataset(), definition.perspectives(),
                definition.periodMillis(), health.condition(), health.up(), health.reason(), aggregate.iterations(),
                current, next, iterating, control.isRunPending(worker, targetId), aggregate.lastRowAt(),
                error == null ? null : error.error(), error == null ? null : error.iteration(), state.isRemote(),
                definition.perspectives().stream().anyMatch(id -> catalog.find(worker, id).map(Perspective::reportsFindings)
                        .orElse(true)));
    }

    /** The repository under analysis and the commit of the newest row (null when not known). */
    public record AnalyzedRepository(String repository, String commit) {
    }
}
