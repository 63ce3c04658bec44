package dev.autocoder.workers.testsupport;

import dev.autocoder.workers.AutocoderApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the real application in-process on a fixture target and a store folder, with a fast worker timer. */
public final class App {
    private App() {
    }

    public static Map<String, Object> fastWorkerProperties(Path target, Path store) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("autocoder.target.path", target.toString());
        properties.put("autocoder.store.path", store.toString());
        properties.put("autocoder.workers.analysis.period", "100ms");
        properties.put("autocoder.workers.analysis.delay", "0");
        // nothing listens on port 9 of loopback: the dependency perspective reports the lookup as unavailable
        properties.put("autocoder.analysis.osv-url", "http://127.0.0.1:9/v1/querybatch");
        properties.put("autocoder.analysis.osv-timeout", "2s");
        properties.put("autocoder.analysis.pmd-threads", "1");
        return properties;
    }

    /**
     * Properties go in as command-line arguments, so they win over every other property source. Extra sources
     * (test configurations) join the application's.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... extraSources) {
        properties = new LinkedHashMap<>(properties);
        // an HF_TOKEN in the environment must never make a test publish to the real Hub
        properties.putIfAbsent("autocoder.hub.token", "");
        properties.putIfAbsent("autocoder.hub.endpoint", "http://127.0.0.1:9");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = AutocoderApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        return new SpringApplicationBuilder(sources).run(args);
    }

    /** The port the started application listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
