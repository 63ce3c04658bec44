package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.dataset.StateFile;
import dev.autocoder.workers.fleet.FleetMode;
import dev.autocoder.workers.repository.LogText;
import dev.autocoder.workers.worker.WorkerState;
import dev.autocoder.workers.target.FleetDispatcher;
import dev.autocoder.workers.target.ListedTarget;
import dev.autocoder.workers.target.StoppedTargets;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, stops and runs workers on demand, through their Camel routes.
 * <ul>
 *   <li>Stop suspends the worker's route: its scheduler stops firing at once; an iteration in progress finishes
 *       (the suspension completes when it has); a first tick waiting for another worker's first row ends without
 *       a row.</li>
 *   <li>Start resumes the route (or starts it, when it was kept stopped at start-up).</li>
 *   <li>Run now sends one exchange to the shared iteration route, asynchronously; the worker's iteration lock
 *       serialises it with the scheduler, so the schedule is not disturbed.</li>
 * </ul>
 * With a list of targets each of these acts on one target when one is named (the page's repository picker): Stop and
 * Start then keep or let the fleet route schedule that (worker, target) pair only ({@link StoppedTargets}), and Run
 * now queues one iteration of it. Without a target they act on the worker on every target: Stop suspends its route,
 * Start resumes it and starts it again on any target it was stopped on, Run now queues one iteration on each target
 * this process runs.
 * <p>
 * Stopped workers are remembered in {@code {store}/.state/stopped-workers.json} (and stopped pairs in
 * {@code stopped-targets.json}); with {@code autocoder.dashboard.remember-stopped} (default) they stay stopped
 * after a restart.
 * Worker routes are left out of Camel's route health checks: a deliberately stopped worker must not make
 * {@code /actuator/health} fail (staleness is reported by the workers health indicator instead).
 */
@Component("workerControl")
public class WorkerControl implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerControl.class);
    static final String ITERATION_ENDPOINT = "direct:autocoder-iteration";
    static final String CONTROL_ENDPOINT = "direct:fleet-control-to-topic";
    private static final String STOPPED = "stopped";
    private static final String STARTED = "started";
    /** The target part of a control record's key for a Start or Stop on every target. */
    private static final String EVERY_TARGET = "*";
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final WorkerRegistry registry;
    private final DashboardProperties properties;
    private final Clock clock;
    /** The workers stopped from the dashboard: worker id → route id. */
    private final StateFile<Map<String, String>> file;
    private final TargetList targets;
    private final StoppedTargets stoppedTargets;
    private final FleetDispatcher fleet;
    private final FleetMode mode;
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Map<String, Instant> runningSince = new ConcurrentHashMap<>();
    private final Set<String> runsPending = ConcurrentHashMap.newKeySet();
    private final ExecutorService routeChanges = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "autocoder-worker-control");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CamelContext camel;
    private volatile ProducerTemplate producer;
    private volatile Instant startedAt;

    public WorkerControl(WorkerRegistry registry, DatasetStore store, DashboardProperties properties, Clock clock,
                         @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper, TargetList targets,
                         StoppedTargets stoppedTargets, FleetDispatcher fleet, FleetMode mode) {
        this.registry = registry;
        this.mode = mode;
        this.targets = targets;
        this.stoppedTargets = stoppedTargets;
        this.fleet = fleet;
        this.properties = properties;
        this.clock = clock;
        this.file = new StateFile<>(store.root(), "stopped-workers.json", mapper, new TypeReference<>() {
        }, TreeMap::new);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        this.startedAt = clock.instant();
        if (!properties.isRememberStopped()) {
            if (!file.read().isEmpty()) {
                file.write(Map.of());
            }
            stoppedTargets.forgetAll();
            return;
        }
        stopped.putAll(file.read());
        if (!stopped.isEmpty()) {
            // the routes are not built yet: keep the stopped ones from starting at all
            String pattern = String.join(",", stopped.values());
            String existing = camelContext.getAutoStartupExcludePattern();
            camelContext.setAutoStartupExcludePattern(existing == null || existing.isBlank() ? pattern : existing + "," + pattern);
            log.info("Workers {} stay stopped, as they were stopped from the dashboard before the restart", stopped.keySet());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        Map<String, String> routes = workerRoutes(camelContext);
        excludeFromHealthChecks(camelContext, routes.values());
        routes.forEach((worker, routeId) -> {
            if (stopped.containsKey(worker) && !routeId.equals(stopped.get(worker))) {
                // the worker's route was renamed since it was stopped: keep the worker stopped under its new id
                stopped.put(worker, routeId);
                file.write(stopped);
                suspend(routeId);
            }
        });
    }

    /** The worker's first expected row is due one delay after this instant (start-up, or the last Start). */
    public Instant runningSince(String worker) {
        Instant since = runningSince.get(worker);
        return since != null ? since : startedAt == null ? clock.instant() : startedAt;
    }

    /** The same on one target of the list: from the pair's own Start when it came later (null target: the worker). */
    public Instant runningSince(String worker, String targetId) {
        Instant since = runningSince(worker);
        if (onListedTarget(targetId)) {
            Instant pairStart = stoppedTargets.startedAt(worker, targetId).orElse(null);
            if (pairStart != null && pairStart.isAfter(since)) {
                return pairStart;
            }
        }
        return since;
    }

    public Instant startedAt() {
        return startedAt == null ? clock.instant() : startedAt;
    }

    /** False when the worker was stopped from the dashboard or its route does not run. */
    public boolean isRunning(String worker) {
        if (stopped.containsKey(worker)) {
            return false;
        }
        return routeOf(worker).map(routeId -> camel != null
                && camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started).orElse(false);
    }

    /** The same on one target of the list: false as well while the worker is stopped there. */
    public boolean isRunning(String worker, String targetId) {
        return isRunning(worker) && !(onListedTarget(targetId) && stoppedTargets.isStopped(worker, targetId));
    }

    /** True while a Run now request waits for or runs its iteration. */
    public boolean isRunPending(String worker) {
        return runsPending.contains(worker);
    }

    /** The same with a list of targets: while a Run now on the target (with none, on any target) waits for its turn. */
    public boolean isRunPending(String worker, String targetId) {
        if (!targets.isFleet()) {
            return isRunPending(worker);
        }
        return targetId != null ? fleet.isRunRequested(worker, targetId)
                : targets.current().stream().anyMatch(t -> fleet.isRunRequested(worker, t.id()));
    }

    /**
     * Stop on one target of the list; with no target (or the single target), on every target. In Kafka mode the stop
     * goes to the control topic first, so every process of the fleet applies it (routes/fleet-kafka.yaml).
     */
    public void stop(String worker, String targetId) {
        routeOf(worker).orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        tellTheFleet(worker, targetId, STOPPED);
        if (onListedTarget(targetId)) {
            stoppedTargets.stop(worker, targetId);
        } else {
            stop(worker);
        }
    }

    /** Start on one target of the list; with no target (or the single target), on every target. */
    public void start(String worker, String targetId) {
        routeOf(worker).orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        tellTheFleet(worker, targetId, STARTED);
        if (onListedTarget(targetId)) {
            stoppedTargets.start(worker, targetId);
        } else {
            start(worker);
        }
    }

    /**
     * A Start or Stop read from the control topic (Kafka mode; key {@code worker@target} or {@code worker@*}), given
     * on this or another process's dashboard: applied here as given. A worker this process does not run is left
     * alone; a record that is not ours is logged and skipped, never stops the route.
     */
    public void apply(String key, String state) {
        int at = key == null ? -1 : key.lastIndexOf('@');
        if (at <= 0 || !(STOPPED.equals(state) || STARTED.equals(state))) {
            log.warn("Skipping a control record that is not a start or stop of a worker: key {}",
                    LogText.escape(String.valueOf(key)));
            return;
        }
        String worker = key.substring(0, at);
        String target = key.substring(at + 1);
        if (routeOf(worker).isEmpty() || registry.find(worker).map(WorkerState::isRemote).orElse(true)) {
            return;
        }
        boolean stop = STOPPED.equals(state);
        if (EVERY_TARGET.equals(target)) {
            applyOnEveryTarget(worker, stop);
        } else if (stop != stoppedTargets.isStopped(worker, target)) {
            if (stop) {
                stoppedTargets.stop(worker, target);
            } else {
                stoppedTargets.start(worker, target);
            }
        }
    }

    /** As {@link #stop(String)} and {@link #start(String)} (a Start on every target also ends the stops on one target). */
    private void applyOnEveryTarget(String worker, boolean stop) {
        boolean workerStopped = stopped.containsKey(worker);
        if (stop && !workerStopped) {
            stop(worker);
        } else if (!stop && workerStopped) {
            start(worker);
        } else if (!stop) {
            stoppedTargets.startEverywhere(worker);
        }
    }

    /** Kafka mode: the control topic takes the change before this process applies it (a broker that does not: an error). */
    private void tellTheFleet(String worker, String targetId, String state) {
        if (!mode.isKafka()) {
            return;
        }
        String key = worker + "@" + (onListedTarget(targetId) ? targetId : EVERY_TARGET);
        try {
            producer().sendBodyAndHeader(CONTROL_ENDPOINT, state, "kafka.KEY", key);
        } catch (RuntimeException e) {
            String action = STOPPED.equals(state) ? "stop" : "start";
            throw new FleetControlUnavailableException("the Kafka control topic did not take the " + action + " ("
                    + e.getClass().getSimpleName() + "); nothing changed, try again when the broker is back", e);
        }
    }

    /**
     * Run now on one target of the list, or, with a list and no target, on every target this process runs; with the
     * single target, {@link #runNow(String)}. False when nothing new was queued.
     */
    public boolean runNow(String worker, String targetId) {
        if (!targets.isFleet()) {
            return runNow(worker);
        }
        routeOf(worker).orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        if (targetId != null) {
            return fleet.requestRun(worker, targetId);
        }
        boolean queued = false;
        for (ListedTarget target : targets.current()) {
            queued |= fleet.requestRun(worker, target.id());
        }
        log.info("Worker {}: one iteration on each of its targets requested from the dashboard", worker);
        return queued;
    }

    /** False for a target of the list that another process of the fleet runs now (Kafka mode): Run now belongs there. */
    public boolean runsHere(String worker, String targetId) {
        return !onListedTarget(targetId) || fleet.runsHere(worker, targetId);
    }

    private boolean onListedTarget(String targetId) {
        return targetId != null && targets.isFleet();
    }

    public void stop(String worker) {
        String routeId = routeOf(worker).orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        stopped.put(worker, routeId);
        file.write(stopped);
        routeChanges.submit(() -> suspend(routeId));
        log.info("Worker {} stopped from the dashboard", worker);
    }

    /**
     * Resumes the route and returns when it runs (after a stop still waiting for its iteration, if any); the worker
     * runs again on every target it was stopped on.
     */
    public void start(String worker) {
        String routeId = routeOf(worker).orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        stoppedTargets.startEverywhere(worker);
        stopped.remove(worker);
        file.write(stopped);
        runningSince.put(worker, clock.instant());
        try {
            routeChanges.submit(() -> resume(routeId)).get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Worker {}: its route did not start within {}: {}", worker, START_WAIT, e.toString());
        }
        log.info("Worker {} started from the dashboard", worker);
    }

    /**
     * Queues one iteration of the worker now. Returns false when one is already queued (a second click adds
     * nothing). It runs even while the worker is stopped: a stop halts the schedule, not the worker's code.
     */
    public boolean runNow(String worker) {
        WorkerDefinition definition = registry.find(worker).map(s -> s.definition())
                .orElseThrow(() -> new IllegalArgumentException("unknown worker " + worker));
        if (!runsPending.add(worker)) {
            return false;
        }
        // the same exchange properties the worker template's scheduler route sets
        producer().asyncSend(ITERATION_ENDPOINT, exchange -> {
            exchange.setProperty("worker", definition.worker());
            exchange.setProperty("dataset", definition.dataset());
            exchange.setProperty("perspectives", String.join(",", definition.perspectives()));
            exchange.setProperty("period", String.valueOf(definition.periodMillis()));
            exchange.setProperty("delay", String.valueOf(definition.delayMillis()));
        }).whenComplete((exchange, error) -> runsPending.remove(worker));
        log.info("Worker {}: one iteration requested from the dashboard", worker);
        return true;
    }

    public Optional<String> routeOf(String worker) {
        return registry.find(worker).map(s -> s.definition().routeId());
    }

    @PreDestroy
    void close() {
        routeChanges.shutdownNow();
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.createProducerTemplate();
                }
            }
        }
        return producer;
    }

    private void suspend(String routeId) {
        try {
            if (camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started) {
                camel.getRouteController().suspendRoute(routeId);
            }
        } catch (Exception e) {
            log.warn("Cannot suspend route {}: {}", routeId, e.toString());
        }
    }

    private void resume(String routeId) {
        try {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (status == ServiceStatus.Suspended) {
                camel.getRouteController().resumeRoute(routeId);
            } else if (status != ServiceStatus.Started) {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            log.warn("Cannot start route {}: {}", routeId, e.toString());
        }
    }

    /** Worker id → route id of every route made from the worker template (the first route of a worker wins). */
    static Map<String, String> workerRoutes(CamelContext camelContext) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (RouteDefinition route : ((ModelCamelContext) camelContext).getRouteDefinitions()) {
            Map<String, Object> parameters = route.getTemplateParameters();
            if (route.isCreatedFromTemplate() && parameters != null && parameters.containsKey("worker")
                    && camelContext.getRoute(route.getRouteId()) != null) {
                routes.putIfAbsent(String.valueOf(parameters.get("worker")), route.getRouteId());
            }
        }
        return routes;
    }

    private static void excludeFromHealthChecks(CamelContext camelContext, java.util.Collection<String> routeIds) {
        HealthCheckRegistry health = HealthCheckHelper.getHealthCheckRegistry(camelContext);
        if (health == null || routeIds.isEmpty()) {
            return;
        }
        String existing = health.getExcludePattern();
        String ids = String.join(",", routeIds);
        health.setExcludePattern(existing == null || existing.isBlank() ? ids : existing + "," + ids);
    }
}
