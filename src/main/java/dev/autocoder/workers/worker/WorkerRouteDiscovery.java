package dev.autocoder.workers.worker;

import dev.autocoder.workers.config.InvalidConfigurationException;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Learns the workers from the routes made of the {@code autocoder-worker} template, once Camel has started,
 * so the dashboard knows every worker before its first row. The YAML stays the one place that declares a
 * worker; a parameter that cannot work (unknown perspective, bad period) stops start-up naming the route.
 */
@Component
public class WorkerRouteDiscovery implements CamelContextConfiguration {

    private final WorkerRegistry registry;
    private final PerspectiveCatalog catalog;
    private volatile InvalidConfigurationException invalid;

    private final boolean showsRemoteWorkers;

    public WorkerRouteDiscovery(WorkerRegistry registry, PerspectiveCatalog catalog, Environment environment) {
        this.registry = registry;
        this.catalog = catalog;
        // a dashboard reading the Hub shows the declared workers that run elsewhere, too
        this.showsRemoteWorkers = "hub".equalsIgnoreCase(environment.getProperty("autocoder.dashboard.source", "local").strip());
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // routes are not built yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (RouteDefinition route : ((ModelCamelContext) camelContext).getRouteDefinitions()) {
            Map<String, Object> parameters = route.getTemplateParameters();
            boolean runsHere = camelContext.getRoute(route.getRouteId()) != null;
            if (route.isCreatedFromTemplate() && parameters != null && parameters.containsKey("worker")
                    && parameters.containsKey("dataset") && parameters.containsKey("perspectives")
                    && (runsHere || showsRemoteWorkers)) {
                Map<String, String> resolved = new HashMap<>();
                parameters.forEach((name, value) -> resolved.put(name, camelContext.resolvePropertyPlaceholders(String.valueOf(value))));
                try {
                    WorkerDefinition definition = WorkerDefinition.fromTemplateParameters(route.getRouteId(), resolved, catalog);
                    if (runsHere) {
                        registry.register(definition);
                    } else {
                        registry.registerRemote(definition);
                    }
                } catch (InvalidConfigurationException e) {
                    // Camel only logs what this method throws; fail start-up once the application is ready instead
                    invalid = e;
                }
            }
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
