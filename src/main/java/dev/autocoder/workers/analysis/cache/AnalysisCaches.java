package dev.autocoder.workers.analysis.cache;

import dev.autocoder.workers.config.AutocoderProperties;

import java.nio.file.Path;

/** Where the analysis engines keep their {@link DiskCache}s: {@code {store}/.state/cache/{engine}/}. */
public final class AnalysisCaches {

    private AnalysisCaches() {
    }

    /** The folder of one engine's cache; null when {@code autocoder.analysis.disk-cache} is off. */
    public static Path folder(AutocoderProperties properties, String engine) {
        if (!properties.getAnalysis().isDiskCache()) {
            return null;
        }
        return properties.getStore().getPath().toAbsolutePath().normalize()
                .resolve(".state").resolve("cache").resolve(engine);
    }
}
