package dev.autocoder.workers.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On graceful shutdown, lets the workers finish their iteration in progress and the hub-sync timers their commit
 * in progress (their routes are stopped first, gracefully), then publishes each dataset once more through the
 * same route as the timers, so no row written before shutdown waits for the next start. That attempt is made
 * whatever the backoff after a failure; only a Retry-After from the Hub stops it, and then the rows left only on
 * the local disk are counted in the log, the dataset's status and its pending-rows gauge. Runs in a lifecycle
 * phase that stops before Camel's.
 */
@Component
class HubFinalCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HubFinalCommit.class);
    /** Camel Spring's context stops in phase {@code Integer.MAX_VALUE - 2049}; this one stops just before it. */
    static final int PHASE = Integer.MAX_VALUE - 2000;

    private final ObjectProvider<CamelContext> camelContext;
    private final HubSync sync;
    private final WorkerRegistry registry;
    private volatile boolean running;

    /**
     * Camel is looked up only at stop: a lifecycle bean that depended on it directly would have Spring start
     * Camel before its routes are added.
     */
    public HubFinalCommit(ObjectProvider<CamelContext> camelContext, HubSync sync, WorkerRegistry registry) {
        this.camelContext = camelContext;
        this.sync = sync;
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        CamelContext camel = camelContext.getIfAvailable();
        if (camel == null || camel.getRoute("autocoder-hub-commit") == null || sync.publishedDatasets().isEmpty()) {
            return;
        }
        for (WorkerState worker : registry.all()) {
            if (!worker.isRemote()) {
                stopRoute(camel, worker.definition().routeId());
            }
        }
        sync.publishedDatasets().forEach(published -> stopRoute(camel, published.routeId()));
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            for (HubSync.PublishedDataset published : sync.publishedDatasets()) {
                template.send("direct:autocoder-hub-commit", exchange -> {
                    exchange.setProperty("worker", published.worker());
                    exchange.setProperty("dataset", published.dataset());
                    exchange.setProperty(HubSync.FINAL_COMMIT, true);
                });
            }
        } catch (Exception e) {
            log.warn("The final Hub commit at shutdown failed: {}", e.toString());
        }
        sync.reportUnpublished();
    }

    private static void stopRoute(CamelContext camel, String routeId) {
        if (routeId == null || camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId);
        } catch (Exception e) {
            log.warn("Route {} did not stop cleanly before the final Hub commit: {}", routeId, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
