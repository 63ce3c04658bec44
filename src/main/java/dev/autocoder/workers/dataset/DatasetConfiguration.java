package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The dataset store every worker appends its rows to, under {@code autocoder.store.*}. */
@Configuration(proxyBeanMethods = false)
@Import({RowConsumerFailures.class, StoreRetention.class})
public class DatasetConfiguration {

    /**
     * This application's claim on its store folder, held until it stops; taken by the configuration check before any
     * cache or state file there is opened.
     */
    @Bean(destroyMethod = "close")
    StoreLock storeLock(AutocoderProperties properties) {
        return StoreLock.acquire(properties.getStore().getPath().toAbsolutePath().normalize());
    }

    /** A host may keep the rows elsewhere: its own store replaces this one for every route and the dashboard. */
    @Bean
    @ConditionalOnMissingBean
    DatasetStore datasetStore(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        return new DatasetStore(properties, mapper);
    }
}
