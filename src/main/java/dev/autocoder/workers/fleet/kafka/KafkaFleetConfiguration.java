package dev.autocoder.workers.fleet.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.HubIdentity;
import dev.autocoder.workers.hub.HubProperties;
import dev.autocoder.workers.hub.HubSync;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerSelection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kafka mode, when autocoder.fleet.kafka.bootstrap-servers is set: the start-up check of the broker and topics,
 * the rows topic's helpers for routes/fleet-kafka.yaml, the ownership of (worker, target) pairs, and its health.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${autocoder.fleet.kafka.bootstrap-servers:}'.trim() != ''")
public class KafkaFleetConfiguration {

    @Bean
    KafkaFleetSettings kafkaFleetSettings(Environment environment) {
        return new KafkaFleetSettings(environment);
    }

    @Bean
    KafkaTopics kafkaTopics(KafkaFleetSettings settings) {
        KafkaTopics topics = new KafkaTopics(settings);
        topics.check();
        return topics;
    }

    @Bean
    RowTransactions rowTransactions(KafkaFleetSettings settings) {
        return new RowTransactions(settings);
    }

    @Bean("fleetRows")
    FleetRows fleetRows(@Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper, KafkaTopics topics, TargetList targets,
                        RowTransactions transactions, KafkaFleetSettings settings) {
        return new FleetRows(mapper, topics, targets, transactions, settings.rowsTopic());
    }

    @Bean
    KafkaOwnership kafkaOwnership(KafkaFleetSettings settings, KafkaTopics topics, FleetRows rows, WorkerRegistry registry,
                                  WorkerSelection selection, PerspectiveCatalog catalog, TargetList targets,
                                  TargetRepository singleTarget, RowTransactions transactions, FleetControl control) {
        return new KafkaOwnership(settings, topics, rows, registry, selection, catalog, targets, singleTarget, transactions,
                control);
    }

    @Bean("fleetControl")
    FleetControl fleetControl(KafkaTopics topics) {
        return new FleetControl(topics);
    }

    @Bean("fleetHubPublisher")
    FleetHubPublisher fleetHubPublisher(KafkaFleetSettings settings, KafkaTopics topics, HubProperties hub, HubClient client,
                                        HubIdentity identity, WorkerRegistry registry, HubSync cards,
                                        @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        return new FleetHubPublisher(settings, topics, hub, client, identity, registry, cards, mapper);
    }

    @Bean("kafkaFleet")
    KafkaFleetHealth kafkaFleetHealth(KafkaFleetSettings settings, KafkaOwnership ownership) {
        return new KafkaFleetHealth(settings, ownership);
    }
}
