package dev.autocoder.workers.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On graceful shutdown, publishes each dataset once more through the same route as the timer, so rows written
 * since the last commit do not wait for the next start. Runs in a lifecycle phase that stops before Camel's.
 */
@Component
public class HubFinalCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HubFinalCommit.class);
    /** Camel Spring's context stops in phase {@code Integer.MAX_VALUE - 2049}; this one stops just before it. */
    static final int PHASE = Integer.MAX_VALUE - 2000;

    private final ObjectProvider<CamelContext> camelContext;
    private final HubSync sync;
    private volatile boolean running;

    /**
     * Camel is looked up only at stop: a lifecycle bean that depended on it directly would have Spring start
     * Camel before its routes are added.
     */
    public HubFinalCommit(ObjectProvider<CamelContext> camelContext, HubSync sync) {
        this.camelContext = camelContext;
        this.sync = sync;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        CamelContext camel = camelContext.getIfAvailable();
        if (camel == null || camel.getRoute("autocoder-hub-commit") == null) {
            return;
        }
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            for (HubSync.Target target : sync.targets()) {
                template.send("direct:autocoder-hub-commit", exchange -> {
                    exchange.setProperty("worker", target.worker());
                    exchange.setProperty("dataset", target.dataset());
                });
            }
        } catch (Exception e) {
            log.warn("The final Hub commit at shutdown failed: {}", e.toString());
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
