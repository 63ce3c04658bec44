package dev.autocoder.workers.fleet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The fleet mode (embedded or Kafka). The ownership of (worker, target) pairs is {@code target.OwnedTargets}:
 * every pair by default, Kafka mode's in fleet.kafka.
 */
@Configuration(proxyBeanMethods = false)
public class FleetConfiguration {

    @Bean("fleetMode")
    FleetMode fleetMode(Environment environment) {
        return new FleetMode(environment);
    }
}
