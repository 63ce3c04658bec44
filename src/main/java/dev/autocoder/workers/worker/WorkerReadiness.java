package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.repository.LogText;
import dev.autocoder.workers.repository.TargetRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.StatefulService;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Holds a worker's first iteration until the worker it waits for ({@code waitFor} in its route, the analysis worker
 * for test planning and implementation) has written its first row on the current target in this process, so the
 * worker neither competes with that worker's first pass for the cores nor starts from no rows at all. A row an
 * earlier run left in the dataset does not count: after a restart the analysis worker's first (warm) pass also has
 * the cores to itself, for the few seconds it takes.
 * <p>
 * The first tick holds in the {@code filter} of the worker template (routes/worker-template.yaml) and goes on the
 * moment the row is there: no row is written and the rotation does not move while it waits. There is no wait when
 * the awaited worker does not run in this process (disabled, or a dashboard reading the Hub) or its route is stopped,
 * and none longer than {@code maxWait}: then the iteration runs anyway. A Stop from the dashboard ends the waiting
 * tick without a row; the next tick after Start waits again. Once a worker has gone past the wait it never waits
 * again in this process.
 */
@Component("workerReadiness")
public class WorkerReadiness {

    private static final Logger log = LoggerFactory.getLogger(WorkerReadiness.class);
    /** How often a waiting tick looks again: the awaited row is a field of the awaited worker's live state. */
    static final Duration LOOK_EVERY = Duration.ofMillis(200);

    private final WorkerRegistry registry;
    private final PerspectiveCatalog catalog;
    private final TargetRepository target;
    private final WorkerSelection selection;
    private final Clock clock;
    /** Worker id → when its wait began (counts towards its maxWait across Stop and Start). */
    private final Map<String, Instant> waitBegan = new ConcurrentHashMap<>();
    /** Worker id → the awaited worker, while a tick of the worker waits. */
    private final Map<String, String> waitingFor = new ConcurrentHashMap<>();
    /** Worker id → when its wait ended (only for workers that did wait). */
    private final Map<String, Instant> waitEnded = new ConcurrentHashMap<>();
    private final Set<String> cleared = ConcurrentHashMap.newKeySet();
    /** Workers whose wait was logged: one line per worker, however many ticks it spans. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public WorkerReadiness(WorkerRegistry registry, PerspectiveCatalog catalog, TargetRepository target,
                           WorkerSelection selection, ObjectProvider<Clock> clock) {
        this.registry = registry;
        this.catalog = catalog;
        this.target = target;
        this.selection = selection;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The worker template's filter: true when the tick may run its iteration, false when the tick ends without one
     * (the worker was stopped while its first tick waited). Blocks while the worker waits.
     */
    public boolean ready(Exchange exchange) {
        String worker = exchange.getProperty("worker", String.class);
        WorkerState state = registry.find(worker).orElseGet(() -> registry.register(WorkerDefinition.fromTemplateParameters(
                exchange.getFromRouteId(), WorkerIterations.templateParameters(exchange), catalog)));
        if (state.isRemote()) {
            return true; // begin ends the exchange: this process never writes its rows
        }
        CamelContext camel = exchange.getContext();
        Route route = camel.getRoute(exchange.getFromRouteId());
        BooleanSupplier scheduled = () -> route == null || !(route.getConsumer() instanceof StatefulService consumer)
                || consumer.isStarted();
        return awaitFirstRow(state.definition(), scheduled, awaited -> routeHere(camel, awaited));
    }

    /**
     * The route of a worker that runs in this process and is not stopped; empty when its rows will not come from here.
     * Read from Camel's routes, which all exist before the first tick, so the answer does not depend on which
     * worker's tick comes first.
     */
    private Optional<String> routeHere(CamelContext camel, String worker) {
        if (!selection.isEnabled(worker)) {
            return Optional.empty();
        }
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            Map<String, Object> parameters = route.getTemplateParameters();
            if (route.isCreatedFromTemplate() && parameters != null && worker.equals(String.valueOf(parameters.get("worker")))
                    && camel.getRoute(route.getRouteId()) != null) {
                return stopped(camel, route.getRouteId()) ? Optional.empty() : Optional.of(route.getRouteId());
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until {@code definition}'s worker may run its first iteration.
     *
     * @param scheduled false once the worker's own tick should end (its route is being suspended or stopped)
     * @param routeHere the running route of a worker in this process; empty when that worker's rows will not come
     * @return true to run the iteration now, false to end the tick without a row
     */
    boolean awaitFirstRow(WorkerDefinition definition, BooleanSupplier scheduled, Function<String, Optional<String>> routeHere) {
        String worker = definition.worker();
        if (definition.waitFor() == null || definition.maxWaitMillis() <= 0 || cleared.contains(worker)) {
            return true;
        }
        Instant began = waitBegan.computeIfAbsent(worker, w -> clock.instant());
        try {
            while (true) {
                Optional<String> blocker = blocker(definition, routeHere);
                if (blocker.isEmpty()) {
                    return clear(worker, began, "the " + definition.waitFor() + " worker's first row is there");
                }
                Duration waited = Duration.between(began, clock.instant());
                if (waited.toMillis() >= definition.maxWaitMillis()) {
                    announced.add(worker);
                    return clear(worker, began, "still no row of the " + definition.waitFor() + " worker, "
                            + seconds(Duration.ofMillis(definition.maxWaitMillis())) + " is the longest wait");
                }
                if (!scheduled.getAsBoolean()) {
                    return false;
                }
                waitingFor.put(worker, definition.waitFor());
                if (announced.add(worker)) {
                    log.info("Worker {} waits for {} before its first iteration (at most {})", worker, blocker.get(),
                            seconds(Duration.ofMillis(definition.maxWaitMillis()).minus(waited)));
                }
                Thread.sleep(LOOK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waitingFor.remove(worker);
        }
    }

    /** What the worker still waits for, in words; empty when nothing. */
    private Optional<String> blocker(WorkerDefinition definition, Function<String, Optional<String>> routeHere) {
        if (routeHere.apply(definition.waitFor()).isEmpty()) {
            return Optional.empty(); // it does not run here now: its rows will not come from this process
        }
        Row last = registry.find(definition.waitFor()).flatMap(WorkerState::lastRowWrittenHere).orElse(null);
        if (last != null && target.displayName().equals(last.repository())) {
            return Optional.empty();
        }
        return Optional.of("the " + definition.waitFor() + " worker's first row on " + LogText.escape(target.displayName()));
    }

    private boolean clear(String worker, Instant began, String why) {
        cleared.add(worker);
        if (announced.contains(worker)) {
            Instant now = clock.instant();
            waitEnded.put(worker, now);
            log.info("Worker {} starts after waiting {}: {}", worker, seconds(Duration.between(began, now)), why);
        }
        return true;
    }

    private static String seconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return (millis + 999) / 1000 + " s";
    }

    /** A route that is suspended or stopped (once Camel runs): the worker it drives writes no row now. */
    private static boolean stopped(CamelContext camel, String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        if (status == null) {
            return true;
        }
        return status.isSuspended() || status == ServiceStatus.Suspending || status == ServiceStatus.Stopping
                || (status == ServiceStatus.Stopped && camel.isStarted());
    }

    /** Since when a tick of the worker waits, and for which worker; empty when it does not wait now. */
    public Optional<Waiting> waiting(String worker) {
        String awaited = waitingFor.get(worker);
        Instant since = waitBegan.get(worker);
        return awaited == null || since == null ? Optional.empty() : Optional.of(new Waiting(awaited, since));
    }

    /** When the worker's wait ended, if it waited at all in this process. */
    public Optional<Instant> waitEnded(String worker) {
        return Optional.ofNullable(waitEnded.get(worker));
    }

    /**
     * A worker waiting for another's first row.
     *
     * @param worker the awaited worker
     * @param since  when the wait began
     */
    public record Waiting(String worker, Instant since) {
    }
}
