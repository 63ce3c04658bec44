package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.config.InvalidConfigurationException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Hub client, configured from {@code autocoder.hub.*}: every Hub request of the application goes through it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
@Import({HubFinalCommit.class, HubHistory.class, HubIdentity.class, HubRouteDiscovery.class, HubSync.class})
public class HubConfiguration {

    /** A host may bring its own client (a proxy, another endpoint policy). */
    @Bean
    @ConditionalOnMissingBean
    HubClient hubClient(HubProperties properties, ObjectProvider<MeterRegistry> meters,
                        @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        validate(properties);
        return new HubClient(properties, meters.getIfAvailable(), json);
    }

    /** A bad Hub setting stops start-up naming the key, like every other setting. */
    static void validate(HubProperties properties) {
        String scheme = properties.getEndpoint().getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || properties.getEndpoint().getHost() == null) {
            throw new InvalidConfigurationException("autocoder.hub.endpoint", "must be an http(s) URL, e.g. https://huggingface.co");
        }
        if (DurationSetting.toMillis("autocoder.hub.commit-interval", properties.getCommitInterval()) <= 0) {
            throw new InvalidConfigurationException("autocoder.hub.commit-interval", "must be longer than 0");
        }
        if (properties.getMaxFilesPerCommit() < 1 || properties.getMaxFilesPerCommit() > 100) {
            throw new InvalidConfigurationException("autocoder.hub.max-files-per-commit", "must be between 1 and 100");
        }
        long download = properties.getMaxDownloadSize().toBytes();
        if (download < properties.getMaxFileSize().toBytes() || download >= Integer.MAX_VALUE) {
            throw new InvalidConfigurationException("autocoder.hub.max-download-size", "must be at least "
                    + "autocoder.hub.max-file-size (" + properties.getMaxFileSize() + "), so that the files this "
                    + "application writes can be read back, and below 2GB");
        }
    }
}
