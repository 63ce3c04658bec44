package dev.autocoder.workers.hub;

import dev.autocoder.workers.worker.TemplateRouteDiscovery;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Learns which datasets are published from the routes made of the {@code autocoder-hub-sync} template, once
 * Camel has started, so the dashboard lists them before their first commit and shutdown publishes them once more.
 */
@Component
class HubRouteDiscovery extends TemplateRouteDiscovery {

    private final HubSync sync;

    public HubRouteDiscovery(HubSync sync) {
        super("worker", "dataset", "interval");
        this.sync = sync;
    }

    @Override
    protected void discovered(CamelContext camelContext, String routeId, Map<String, Object> parameters) {
        sync.register(camelContext.resolvePropertyPlaceholders(String.valueOf(parameters.get("worker"))),
                camelContext.resolvePropertyPlaceholders(String.valueOf(parameters.get("dataset"))), routeId);
    }
}
