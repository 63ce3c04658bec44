package dev.autocoder.workers.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The workers' meters (their health indicator reports the dashboard's worker conditions: dashboard.WorkersHealthIndicator). */
@Configuration(proxyBeanMethods = false)
@Import({
        WorkerMeters.class})
public class MetricsConfiguration {
}
