package dev.autocoder.workers.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The workers' meters and their health indicator. */
@Configuration(proxyBeanMethods = false)
@Import({
        WorkerMeters.class,
        WorkersHealthIndicator.class})
public class MetricsConfiguration {
}
