package dev.autocoder.workers.worker;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Finds, once Camel has started, the running routes made of a route template, recognised by the template
 * parameters they must have: the worker and hub-sync routes are declared only in YAML, and this is how the
 * application learns them.
 */
public abstract class TemplateRouteDiscovery implements CamelContextConfiguration {

    private final List<String> requiredParameters;

    protected TemplateRouteDiscovery(String... requiredParameters) {
        this.requiredParameters = List.of(requiredParameters);
    }

    /** One running route made of the template, with its template parameters as written (placeholders unresolved). */
    protected abstract void discovered(CamelContext camelContext, String routeId, Map<String, Object> parameters);

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // routes are not built yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the route model is a context plugin: no cast of the context to its implementation's interface
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            Map<String, Object> parameters = route.getTemplateParameters();
            if (route.isCreatedFromTemplate() && parameters != null
                    && requiredParameters.stream().allMatch(parameters::containsKey)
                    && camelContext.getRoute(route.getRouteId()) != null) {
                discovered(camelContext, route.getRouteId(), parameters);
            }
        }
    }
}
