package dev.autocoder.workers.worker;

import dev.autocoder.workers.config.InvalidConfigurationException;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Learns the workers from the routes made of the {@code autocoder-worker} template, once Camel has started,
 * so the dashboard knows every worker before its first row. The YAML stays the one place that declares a
 * worker; a parameter that cannot work (unknown perspective, bad period) stops start-up naming the route.
 */
@Component
class WorkerRouteDiscovery extends TemplateRouteDiscovery {

    private final WorkerRegistry registry;
    private final PerspectiveCatalog catalog;
    private volatile InvalidConfigurationException invalid;

    private final WorkerSelection selection;

    public WorkerRouteDiscovery(WorkerRegistry registry, PerspectiveCatalog catalog, WorkerSelection selection) {
        super("worker", "dataset", "perspectives");
        this.registry = registry;
        this.catalog = catalog;
        this.selection = selection;
    }

    @Override
    protected void discovered(CamelContext camelContext, String routeId, Map<String, Object> parameters) {
        Map<String, String> resolved = new HashMap<>();
        parameters.forEach((name, value) -> resolved.put(name, camelContext.resolvePropertyPlaceholders(String.valueOf(value))));
        try {
            WorkerDefinition definition = WorkerDefinition.fromTemplateParameters(routeId, resolved, catalog);
            if (selection.isEnabled(definition.worker())) {
                registry.register(definition);
            } else {
                // declared, running elsewhere: this process only shows its rows
                registry.registerRemote(definition);
                stop(camelContext, routeId);
            }
        } catch (InvalidConfigurationException e) {
            // Camel only logs what this method throws; fail start-up once the application is ready instead
            invalid = e;
        }
    }

    private static void stop(CamelContext camelContext, String routeId) {
        try {
            camelContext.getRouteController().stopRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the route of a worker that runs elsewhere: " + routeId, e);
        }
    }

    /** A worker route whose parameters cannot work stops the application, naming the route and parameter. */
    @EventListener(ApplicationReadyEvent.class)
    public void failOnInvalidWorkerRoute() {
        if (invalid != null) {
            throw invalid;
        }
    }
}
