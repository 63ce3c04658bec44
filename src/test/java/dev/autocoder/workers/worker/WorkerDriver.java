package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.Snapshot;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Runs a worker's iterations the way the {@code autocoder-iteration} route does (begin → analyze or failed → toRow →
 * append → the row's consumers → written), without Camel or timers, so tests can step a rotation one row at a time. Lives in the worker
 * package because iterations and worker states are package-private.
 */
public final class WorkerDriver {

    private final WorkerRegistry registry;
    private final PerspectiveCatalog catalog;
    private final RowFactory rows;
    private final DatasetStore store;
    private final WorkerDefinition definition;
    private final List<BiConsumer<String, Row>> rowConsumers;

    public WorkerDriver(WorkerRegistry registry, PerspectiveCatalog catalog, RowFactory rows, DatasetStore store,
                        WorkerDefinition definition) {
        this(registry, catalog, rows, store, definition, List.of());
    }

    /** @param rowConsumers what the {@code row-stored} route hands each stored row to, in that order */
    public WorkerDriver(WorkerRegistry registry, PerspectiveCatalog catalog, RowFactory rows, DatasetStore store,
                        WorkerDefinition definition, List<BiConsumer<String, Row>> rowConsumers) {
        this.registry = registry;
        this.catalog = catalog;
        this.rows = rows;
        this.store = store;
        this.definition = definition;
        this.rowConsumers = rowConsumers;
    }

    public static WorkerDefinition definition(String worker, String dataset, List<String> perspectives) {
        return new WorkerDefinition(worker, worker + "-worker", dataset, perspectives, 1000, 0);
    }

    /** The perspective the next tick runs. */
    public String next() {
        return state().nextPerspective(catalog);
    }

    /** One iteration on the snapshot: the row it wrote. */
    public Row tick(Snapshot snapshot) {
        return tick(snapshot, null);
    }

    /** One iteration whose perspective throws the given exception (as the route turns it into an error row). */
    public Row tickFailing(Snapshot snapshot, Exception failure) {
        return tick(snapshot, failure);
    }

    private Row tick(Snapshot snapshot, Exception failure) {
        WorkerState state = state();
        Perspective perspective = catalog.find(definition.worker(), state.nextPerspective(catalog)).orElseThrow();
        Iteration iteration = new Iteration(state, perspective, catalog.number(definition.worker(), perspective.id()),
                state.nextIteration());
        iteration.snapshot(snapshot);
        PerspectiveResult result;
        try {
            if (failure != null) {
                throw failure;
            }
            result = perspective.analyze(new PerspectiveContext() {
                @Override
                public Snapshot snapshot() {
                    return snapshot;
                }

                @Override
                public Optional<Row> previousRow(String perspectiveId) {
                    return state.lastRowOf(perspectiveId);
                }
            });
        } catch (Exception e) {
            String reason = WorkerIterations.oneLine(e);
            result = new PerspectiveResult(Status.ERROR, reason, "Iteration failed: " + reason, null, List.of(), List.of(),
                    List.of(), java.util.Map.of());
        }
        RowFactory.Built built = rows.build(iteration, result, snapshot.repository());
        store.append(definition.dataset(), built.row());
        rowConsumers.forEach(consumer -> consumer.accept(definition.dataset(), built.row()));
        state.remember(built.row(), built.findingIds());
        return built.row();
    }

    private WorkerState state() {
        return registry.recovered(registry.register(definition));
    }
}
