package dev.autocoder.workers.metrics;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.WorkerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.util.function.BiConsumer;

/** The application's meters over given results, for benchmarks outside this package: what a stored row does to them. */
public final class BenchMeters {

    private BenchMeters() {
    }

    /** Registers the meters as at start-up and answers the step of the {@code row-to-meters} route. */
    public static BiConsumer<String, Row> started(MeterRegistry registry, LatestResults results, WorkerRegistry workers) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meterRegistry", registry);
        WorkerMeters meters = new WorkerMeters(beans.getBeanProvider(MeterRegistry.class), results, workers);
        meters.registerKnownGauges();
        return meters::rowStored;
    }
}
