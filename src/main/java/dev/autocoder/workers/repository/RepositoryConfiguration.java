package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The repository under analysis ({@code autocoder.target.*}), its snapshots and its churn. */
@Configuration(proxyBeanMethods = false)
@Import({GitChurn.class, SnapshotService.class})
public class RepositoryConfiguration {

    /** A host may supply the target another way (its own checkout, credentials or folder). */
    @Bean
    @ConditionalOnMissingBean
    TargetRepository targetRepository(AutocoderProperties properties) {
        return new TargetRepository(properties);
    }
}
