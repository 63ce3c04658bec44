package dev.autocoder.workers.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** Many repositories in one process ({@code autocoder.targets}, {@code autocoder.targets-file}): the fleet route's beans. */
@Configuration(proxyBeanMethods = false)
public class TargetConfiguration {

    @Bean
    TargetList targetList(AutocoderProperties properties, Environment environment, PerspectiveCatalog catalog) {
        return new TargetList(properties, environment, catalog);
    }

    /** Every (worker, target) pair is run here, unless a fleet of processes shares them out (fleet.kafka.KafkaOwnership). */
    @Bean
    @ConditionalOnMissingBean
    OwnedTargets ownedTargets() {
        return new AllTargetsOwned();
    }

    @Bean
    TargetWorkspaces targetWorkspaces(AutocoderProperties properties) {
        return new TargetWorkspaces(properties);
    }

    @Bean
    RemoteCallsAtShutdown remoteCallsAtShutdown(TargetList targets, TargetRepository singleTarget) {
        return new RemoteCallsAtShutdown(targets, singleTarget);
    }

    @Bean
    StoppedTargets stoppedTargets(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper,
                                  ObjectProvider<Clock> clock) {
        return new StoppedTargets(properties.getStore().getPath(), mapper, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean("fleetDispatcher")
    FleetDispatcher fleetDispatcher(TargetList targets, OwnedTargets owned, WorkerRegistry registry,
                                    TargetWorkspaces workspaces, TargetRepository singleTarget, StoppedTargets stopped,
                                    ObjectProvider<Clock> clock) {
        return new FleetDispatcher(targets, owned, registry, workspaces, singleTarget, stopped,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
