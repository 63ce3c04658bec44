package dev.autocoder.workers;

import dev.autocoder.workers.fleet.FleetConfiguration;
import dev.autocoder.workers.fleet.kafka.KafkaFleetConfiguration;
import dev.autocoder.workers.gate.GateConfiguration;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.analysis.AnalysisConfiguration;
import dev.autocoder.workers.dashboard.DashboardConfiguration;
import dev.autocoder.workers.dataset.DatasetConfiguration;
import dev.autocoder.workers.hub.HubConfiguration;
import dev.autocoder.workers.implementation.ImplementationConfiguration;
import dev.autocoder.workers.implementation.stages.ImplementationStagesConfiguration;
import dev.autocoder.workers.metrics.MetricsConfiguration;
import dev.autocoder.workers.target.TargetConfiguration;
import dev.autocoder.workers.repository.RepositoryConfiguration;
import dev.autocoder.workers.testplan.TestPlanConfiguration;
import dev.autocoder.workers.testplan.perspectives.TestPlanPerspectivesConfiguration;
import dev.autocoder.workers.worker.WorkerConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Everything an application needs to run workers: the beans the routes call. Our own application and any
 * Camel Spring Boot application that adds this jar get it the same way; a host then instantiates the
 * {@code autocoder-worker} route template with a templatedRoute in its own YAML.
 * <p>
 * Nothing is component-scanned: each feature's configuration lists its beans, so a host gets exactly these, and
 * because an auto-configuration is processed after the host's own beans, every {@code @ConditionalOnMissingBean}
 * bean here (the clock, the dataset store, the target repository, the Hub client, the language-model client)
 * gives way to a host's bean of the same type.
 */
@AutoConfiguration
@EnableConfigurationProperties(AutocoderProperties.class)
@Import({
        ConfigurationValidator.class,
        AutocoderJson.class,
        DatasetConfiguration.class,
        RepositoryConfiguration.class,
        WorkerConfiguration.class,
        AnalysisConfiguration.class,
        TestPlanConfiguration.class,
        TestPlanPerspectivesConfiguration.class,
        ImplementationConfiguration.class,
        ImplementationStagesConfiguration.class,
        GateConfiguration.class,
        HubConfiguration.class,
        DashboardConfiguration.class,
        MetricsConfiguration.class,
        // Kafka mode first: its ownership of (worker, target) pairs replaces TargetConfiguration's default (every pair)
        KafkaFleetConfiguration.class,
        FleetConfiguration.class,
        TargetConfiguration.class})
public class AutocoderAutoConfiguration {
}
