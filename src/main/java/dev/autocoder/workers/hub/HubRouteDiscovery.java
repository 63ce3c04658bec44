package dev.autocoder.workers.hub;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Learns which datasets are published from the routes made of the {@code autocoder-hub-sync} template, once
 * Camel has started, so the dashboard lists them before their first commit and shutdown publishes them once more.
 */
@Component
public class HubRouteDiscovery implements CamelContextConfiguration {

    private final HubSync sync;

    public HubRouteDiscovery(HubSync sync) {
        this.sync = sync;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // routes are not built yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (RouteDefinition route : ((ModelCamelContext) camelContext).getRouteDefinitions()) {
            Map<String, Object> parameters = route.getTemplateParameters();
            if (route.isCreatedFromTemplate() && parameters != null && parameters.containsKey("worker")
                    && parameters.containsKey("dataset") && parameters.containsKey("interval")
                    && camelContext.getRoute(route.getRouteId()) != null) {
                sync.register(camelContext.resolvePropertyPlaceholders(String.valueOf(parameters.get("worker"))),
                        camelContext.resolvePropertyPlaceholders(String.valueOf(parameters.get("dataset"))), route.getRouteId());
            }
        }
    }
}
