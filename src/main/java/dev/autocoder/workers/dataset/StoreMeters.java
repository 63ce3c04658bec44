package dev.autocoder.workers.dataset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's size and what its retention removed, per dataset, as of the last {@code store-retention} sweep:
 * {@code autocoder_store_data_size_bytes}, {@code autocoder_store_retention_removed_files_total} and
 * {@code autocoder_store_retention_removed_bytes_total}, tag dataset.
 */
final class StoreMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> sizes = new ConcurrentHashMap<>();

    StoreMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void sweptDataset(String dataset, long storedBytes, int removedFiles, long removedBytes) {
        sizes.computeIfAbsent(dataset, d -> {
            AtomicLong size = new AtomicLong();
            Gauge.builder("autocoder.store.data.size", size, AtomicLong::get).baseUnit("bytes")
                    .description("Bytes of the dataset's data files in the local store, as of the last retention sweep")
                    .tag("dataset", d).register(registry);
            return size;
        }).set(storedBytes);
        Counter.builder("autocoder.store.retention.removed.files").tag("dataset", dataset)
                .description("Data files the store's retention removed").register(registry).increment(removedFiles);
        Counter.builder("autocoder.store.retention.removed").baseUnit("bytes").tag("dataset", dataset)
                .description("Bytes of data files the store's retention removed").register(registry).increment(removedBytes);
    }
}
