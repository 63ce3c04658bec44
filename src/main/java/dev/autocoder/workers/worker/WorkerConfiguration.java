package dev.autocoder.workers.worker;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The worker template's beans: which workers run, their perspectives, iterations and rows. */
@Configuration(proxyBeanMethods = false)
@Import({
        PerspectiveCatalog.class,
        RowFactory.class,
        WorkerIterations.class,
        WorkerReadiness.class,
        WorkerRegistry.class,
        WorkerRouteDiscovery.class,
        WorkerSelection.class})
public class WorkerConfiguration {
}
