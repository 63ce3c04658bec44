package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.repository.LogText;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of one worker iteration, called in order by the {@code autocoder-iteration} route
 * (routes/worker-template.yaml): begin → analyze (or failed) → toRow → store → the row's consumers (the row-stored
 * route) → written (or notStored) → end.
 */
@Component("workerIterations")
public class WorkerIterations {

    private static final Logger log = LoggerFactory.getLogger(WorkerIterations.class);
    /** Exchange properties the fleet route (routes/fleet.yaml) sets for an iteration on one target of a list. */
    public static final String TARGET_ID = "targetId";
    public static final String TARGET_REPOSITORY = "targetRepository";
    public static final String TARGET_SNAPSHOTS = "targetSnapshots";

    private final WorkerRegistry registry;
    private final PerspectiveCatalog catalog;
    private final SnapshotService snapshots;
    private final RowFactory rows;
    private final TargetRepository target;

    public WorkerIterations(WorkerRegistry registry, PerspectiveCatalog catalog, SnapshotService snapshots,
                            RowFactory rows, TargetRepository target) {
        this.registry = registry;
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.rows = rows;
        this.target = target;
    }

    /** Rotation step: takes the worker's turn and picks the next perspective and iteration number. */
    public void begin(Exchange exchange) {
        String worker = exchange.getProperty("worker", String.class);
        // normally registered at start-up by WorkerRouteDiscovery; the exchange carries the same parameters
        String targetId = exchange.getProperty(TARGET_ID, String.class);
        WorkerState state = targetId != null
                ? registry.recovered(registry.findForTarget(worker, targetId).orElseThrow(
                        () -> new IllegalStateException("no state of worker " + worker + " on target " + targetId)))
                : registry.recovered(registry.find(worker).orElseGet(() -> registry.register(
                        WorkerDefinition.fromTemplateParameters(exchange.getFromRouteId(), templateParameters(exchange), catalog))));
        WorkerDefinition definition = state.definition();
        if (state.isRemote()) {
            // runs in another process: this one never writes its rows
            exchange.setRouteStop(true);
            return;
        }
        state.iterationLock().lock();
        String perspectiveId = state.nextPerspective(catalog);
        Perspective perspective = catalog.find(definition.worker(), perspectiveId).orElseThrow();
        Iteration iteration = new Iteration(state, perspective, catalog.number(definition.worker(), perspectiveId), state.nextIteration());
        exchange.setProperty(Iteration.PROPERTY, iteration);
        exchange.setProperty("perspective", perspectiveId);
        log.debug("Begin {}", iteration);
    }

    /** Runs the perspective on the current snapshot; the body becomes its result. */
    public PerspectiveResult analyze(Exchange exchange) throws Exception {
        Iteration iteration = iteration(exchange);
        // the lease keeps a git-mode clone from being reset by another worker while this perspective reads it
        SnapshotService targetSnapshots = exchange.getProperty(TARGET_SNAPSHOTS, SnapshotService.class);
        try (SnapshotService.Lease lease = (targetSnapshots != null ? targetSnapshots : snapshots).lease()) {
            return analyze(iteration, lease.snapshot());
        }
    }

    private static PerspectiveResult analyze(Iteration iteration, Snapshot snapshot) throws Exception {
        iteration.snapshot(snapshot);
        WorkerState state = iteration.worker();
        PerspectiveContext context = new PerspectiveContext() {
            @Override
            public Snapshot snapshot() {
                return snapshot;
            }

            @Override
            public Optional<Row> previousRow(String perspectiveId) {
                return state.lastRowOf(perspectiveId);
            }

            @Override
            public String targetId() {
                return state.targetId();
            }
        };
        PerspectiveResult result = iteration.perspective().analyze(context);
        return result.withFindings(Finding.inScopes(result.findings(), snapshot::scopeOf));
    }

    /** The iteration threw: the result says so in one line, and the worker goes on with the next perspective. */
    public PerspectiveResult failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Iteration iteration = iteration(exchange);
        String reason = oneLine(error);
        log.warn("{} failed: {}", iteration, LogText.escape(reason)); // the reason may quote a file name
        return new PerspectiveResult(Status.ERROR, reason, "Iteration failed: " + reason, null, List.of(), List.of(),
                List.of(), java.util.Map.of());
    }

    /** Turns the result into the published row. */
    public Row toRow(Exchange exchange) {
        Iteration iteration = iteration(exchange);
        PerspectiveResult result = exchange.getMessage().getBody(PerspectiveResult.class);
        String targetId = iteration.worker().targetId();
        String repository = iteration.snapshot() != null ? iteration.snapshot().repository()
                : targetId != null ? exchange.getProperty(TARGET_REPOSITORY, String.class) : target.displayName();
        RowFactory.Built built = rows.build(iteration, result, repository, targetId != null ? targetId : target.targetId());
        iteration.row(built.row(), built.findingIds());
        return built.row();
    }

    /** The row is durably stored: the rotation moves on. */
    public void written(Exchange exchange) {
        Iteration iteration = iteration(exchange);
        iteration.worker().remember(iteration.row(), iteration.findingIds());
        log.info("{}: {} ({} ms)", iteration.label(), iteration.row().status().label(), iteration.row().durationMs());
    }

    /**
     * The store could not take the row (a full disk; in Kafka mode, a broker that did not take it): one line in the
     * log, not a stack trace per tick. The row is not remembered, so the rotation does not move past it: the next
     * tick runs this perspective again under the same iteration number, and that row lands once the space is back.
     */
    public void notStored(Exchange exchange) {
        Iteration iteration = iteration(exchange);
        log.warn("{}: the row was not stored, the next tick runs it again: {}", iteration.label(),
                oneLine(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    /** Always runs last: gives the worker's turn back. */
    public void end(Exchange exchange) {
        Iteration iteration = exchange.getProperty(Iteration.PROPERTY, Iteration.class);
        if (iteration != null && iteration.worker().iterationLock().isHeldByCurrentThread()) {
            iteration.worker().iterationLock().unlock();
        }
    }

    private static Iteration iteration(Exchange exchange) {
        return exchange.getProperty(Iteration.PROPERTY, Iteration.class);
    }

    /** The template parameters the worker route put on the exchange. */
    static Map<String, String> templateParameters(Exchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        for (String name : List.of("worker", "dataset", "perspectives", "period", "delay", "waitFor", "maxWait")) {
            String value = exchange.getProperty(name, String.class);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    static String oneLine(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof org.apache.camel.CamelExecutionException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        String line = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return line.length() > 500 ? line.substring(0, 497) + "..." : line;
    }
}
