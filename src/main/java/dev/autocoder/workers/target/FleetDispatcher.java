package dev.autocoder.workers.target;

import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerIterations;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps of the fleet route (routes/fleet.yaml): on every tick, which (worker, target) pairs are due; each due
 * pair's iteration properties; and the end of its iteration.
 * <p>
 * Cadence is a fixed delay per (worker, target): a pair is due one full period (the target's own, else the
 * worker's) after its previous iteration ended, at the first fleet tick from then on; its first iteration comes
 * the worker's {@code delay} after start-up. A pair is never queued twice, so a slow target holds one of the
 * fleet's threads and nothing else. A worker whose route is stopped (Stop on the dashboard without a target) or
 * that runs in another process gets no scheduled iterations, nor does a pair stopped on its own
 * ({@link StoppedTargets}); Run now queues one iteration of a pair at the next tick all the same. A (worker, target)
 * pair this process does not own ({@link OwnedTargets}) gets none either, and its state is forgotten, so the rotation continues from the stored rows if it comes back. A worker with
 * {@code waitFor} waits, on each target, for that worker's first row on the same target, at most {@code maxWait}.
 */
public class FleetDispatcher {

    /** The exchange property with the ownership term an iteration began in (routes/fleet-kafka.yaml reads it). */
    private static final String OWNERSHIP_TERM = "ownershipTerm";

    private static final Logger log = LoggerFactory.getLogger(FleetDispatcher.class);

    private final TargetList targets;
    private final OwnedTargets owned;
    private final WorkerRegistry registry;
    private final TargetWorkspaces workspaces;
    private final TargetRepository singleTarget;
    private final StoppedTargets stopped;
    private final Clock clock;
    private final Instant started;
    /** worker@target → when its last iteration ended. */
    private final Map<String, Instant> lastEnded = new ConcurrentHashMap<>();
    /** worker@target pairs queued or running. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** worker@target pairs Run now asked for: due at the next tick, whatever their period, stopped or not. */
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    FleetDispatcher(TargetList targets, OwnedTargets owned, WorkerRegistry registry, TargetWorkspaces workspaces,
                    TargetRepository singleTarget, StoppedTargets stopped, Clock clock) {
        this.singleTarget = singleTarget;
        this.stopped = stopped;
        this.targets = targets;
        this.owned = owned;
        this.registry = registry;
        this.workspaces = workspaces;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** One due iteration: a worker on a target. */
    public record Due(String worker, String dataset, ListedTarget target) {
    }

    /** The route's precondition: the fleet route exists only when a list of targets is configured. */
    public boolean isFleet() {
        return targets.isFleet();
    }

    /** The pairs due now, each marked busy until {@link #ended(Exchange)}; re-reads a changed targets file first. */
    public List<Due> due(Exchange exchange) {
        targets.reloadIfChanged();
        Instant now = clock.instant();
        List<ListedTarget> list = targets.current();
        forgetPairsNotRunHere();
        List<Due> due = new ArrayList<>();
        for (WorkerState base : registry.all()) {
            WorkerDefinition worker = base.definition();
            if (base.isRemote()) {
                continue;
            }
            boolean workerStarted = isStarted(exchange, worker.routeId());
            for (ListedTarget target : list) {
                if (!owned.owns(worker.worker(), target.id())) {
                    continue;
                }
                String key = key(worker.worker(), target.id());
                boolean runNow = requested.contains(key);
                if (!runNow && (!workerStarted || stopped.isStopped(worker.worker(), target.id()))) {
                    continue;
                }
                // the pair's state exists before its first iteration begins, a Run now's too
                WorkerState state = registry.forTarget(definitionOn(worker, target), target.id(), target.repository());
                if (!runNow && !scheduledNow(worker, target, state, now)) {
                    continue;
                }
                if (!busy.add(key)) {
                    continue;
                }
                requested.remove(key);
                due.add(new Due(worker.worker(), worker.dataset(), target));
            }
        }
        return due;
    }

    /** Whether the pair's fixed delay has passed and it waits for no other worker's first row. */
    private boolean scheduledNow(WorkerDefinition worker, ListedTarget target, WorkerState state, Instant now) {
        Instant ended = lastEnded.get(key(worker.worker(), target.id()));
        Instant next = ended == null ? started.plusMillis(worker.delayMillis())
                : ended.plusMillis(state.definition().periodMillis());
        return !now.isBefore(next) && !awaits(worker, target, now);
    }

    /**
     * Run now on one target: the pair runs one iteration at the next tick, whatever its period, even while it is
     * stopped (a stop halts the schedule, not the worker's code). False when it is already asked for or not run here.
     */
    public boolean requestRun(String worker, String targetId) {
        if (!owned.owns(worker, targetId) || targets.current().stream().noneMatch(t -> t.id().equals(targetId))) {
            return false;
        }
        return requested.add(key(worker, targetId));
    }

    /** Whether this process runs the pair now (in Kafka mode another process of the fleet may). */
    public boolean runsHere(String worker, String targetId) {
        return owned.owns(worker, targetId);
    }

    /** Whether a Run now of the pair waits for its turn. */
    public boolean isRunRequested(String worker, String targetId) {
        return requested.contains(key(worker, targetId));
    }

    /** Sets the properties the worker iteration reads for one due pair (the body of a split exchange). */
    public void prepare(Exchange exchange) {
        Due due = exchange.getMessage().getBody(Due.class);
        exchange.setProperty("worker", due.worker());
        exchange.setProperty("dataset", due.dataset());
        exchange.setProperty(WorkerIterations.TARGET_ID, due.target().id());
        exchange.setProperty(WorkerIterations.TARGET_REPOSITORY, due.target().repository());
        exchange.setProperty(WorkerIterations.TARGET_SNAPSHOTS, workspaces.snapshots(due.target()));
    }

    /** Always runs after a pair's iteration: its period starts now, and it may be queued again. */
    public void ended(Exchange exchange) {
        String key = key(exchange.getProperty("worker", String.class), exchange.getProperty(WorkerIterations.TARGET_ID, String.class));
        lastEnded.put(key, clock.instant());
        busy.remove(key);
    }

    /** The worker as it runs on this target: the target's own perspectives and period where it sets them. */
    private static WorkerDefinition definitionOn(WorkerDefinition worker, ListedTarget target) {
        return new WorkerDefinition(worker.worker(), worker.routeId(), worker.dataset(),
                target.perspectives().getOrDefault(worker.worker(), worker.perspectives()),
                target.periodMillis().getOrDefault(worker.worker(), worker.periodMillis()), worker.delayMillis(),
                worker.waitFor(), worker.maxWaitMillis());
    }

    /** Whether the worker still waits on this target for its awaited worker's first row there. */
    private boolean awaits(WorkerDefinition worker, ListedTarget target, Instant now) {
        if (worker.waitFor() == null || lastEnded.containsKey(key(worker.worker(), target.id()))) {
            return false;
        }
        boolean awaitedRunsHere = registry.find(worker.waitFor()).filter(s -> !s.isRemote()).isPresent();
        if (!awaitedRunsHere || now.isAfter(started.plusMillis(worker.delayMillis() + worker.maxWaitMillis()))) {
            return false;
        }
        return registry.findForTarget(worker.waitFor(), target.id()).flatMap(WorkerState::lastRow).isEmpty();
    }

    /** A pair that left the list or is owned by another process now: its rows stay, its state here goes. */
    private void forgetPairsNotRunHere() {
        Set<String> listed = targets.ids();
        for (WorkerState state : registry.allForTargets()) {
            String worker = state.definition().worker();
            String id = state.targetId();
            String key = key(worker, id);
            if ((!listed.contains(id) || !owned.owns(worker, id)) && !busy.contains(key)) {
                log.info("Worker {} on target {} is no longer run here; its state is forgotten", worker, id);
                registry.forget(worker, id);
                lastEnded.remove(key);
            }
        }
    }

    /**
     * The first step of every iteration (routes/worker-template.yaml): stops the exchange when this process does
     * not own the (worker, target) pair now, which happens in Kafka mode when the pair moved to another process
     * while its iteration was queued or its tick was due; else the exchange carries the ownership term the row is
     * written in ({@link OwnedTargets#term}).
     */
    public void ownsIteration(Exchange exchange) {
        String worker = exchange.getProperty("worker", String.class);
        String targetId = exchange.getProperty(WorkerIterations.TARGET_ID, String.class);
        long term = owned.term(worker, targetId != null ? targetId : singleTarget.targetId());
        if (term < 0) {
            exchange.setRouteStop(true);
        } else {
            exchange.setProperty(OWNERSHIP_TERM, term);
        }
    }

    private static boolean isStarted(Exchange exchange, String routeId) {
        ServiceStatus status = exchange.getContext().getRouteController().getRouteStatus(routeId);
        return status != null && status.isStarted();
    }

    private static String key(String worker, String targetId) {
        return worker + "@" + targetId;
    }
}
