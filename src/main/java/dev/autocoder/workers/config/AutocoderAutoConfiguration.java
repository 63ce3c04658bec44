package dev.autocoder.workers.config;

import dev.autocoder.workers.AutocoderApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Everything an application needs to run workers: the beans the routes call. Our own application and any
 * Camel Spring Boot application that adds this jar get it the same way; a host then instantiates the
 * {@code autocoder-worker} route template with a templatedRoute in its own YAML.
 */
@AutoConfiguration
@EnableConfigurationProperties(AutocoderProperties.class)
@ComponentScan(basePackages = "dev.autocoder.workers",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AutocoderApplication.class))
public class AutocoderAutoConfiguration {
}
