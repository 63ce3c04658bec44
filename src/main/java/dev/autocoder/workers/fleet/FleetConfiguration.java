package dev.autocoder.workers.fleet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The fleet mode and the default ownership (every pair); Kafka mode's beans are in fleet.kafka. */
@Configuration(proxyBeanMethods = false)
public class FleetConfiguration {

    @Bean("fleetMode")
    FleetMode fleetMode(Environment environment) {
        return new FleetMode(environment);
    }

    /** Replaced by the Kafka ownership when autocoder.fleet.kafka.bootstrap-servers is set. */
    @Bean
    @ConditionalOnMissingBean(OwnedTargets.class)
    OwnedTargets allTargetsOwned() {
        return new AllTargetsOwned();
    }
}
