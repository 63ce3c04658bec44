package dev.autocoder.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Makes Camel load the route templates shipped in this jar (a worker, publishing a dataset to the Hub),
 * whatever route include pattern a host application has, so the host only writes its templatedRoutes. Our own application loads every file of
 * {@code routes/} itself (autocoder-app.properties) and is left alone.
 */
public class WorkerRoutesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String KEY = "camel.main.routes-include-pattern";
    static final String TEMPLATE = "classpath:routes/worker-template.yaml";
    static final String HUB_TEMPLATE = "classpath:routes/hub-sync-template.yaml";
    /** Camel Spring Boot's default when the application sets nothing. */
    static final String CAMEL_DEFAULT = "classpath:camel/*,classpath:camel-template/*,classpath:camel-rest/*";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getAllSources().contains(AutocoderApplication.class)) {
            return;
        }
        String pattern = environment.getProperty(KEY, CAMEL_DEFAULT);
        if ("false".equalsIgnoreCase(pattern.strip()) || pattern.contains(TEMPLATE) || pattern.contains("classpath:routes/*")) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("autocoderWorkerRoutes",
                Map.of(KEY, pattern + "," + TEMPLATE + "," + HUB_TEMPLATE)));
    }
}
