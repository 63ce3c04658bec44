package dev.autocoder.workers.dataset;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.DurationSetting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The local store's retention ({@code store-retention} route): removes the data files whose rows are all older than
 * {@code autocoder.store.retention}, counted back from the newest row of the same target's files, so a stopped
 * worker keeps the history up to its stop instead of losing it by waiting. Never removed: the newest file of each
 * target's files (numbering and rotation continue from its rows), and a file a {@link DataFileHold} still needs.
 */
@Component("storeRetention")
class StoreRetention {

    private static final Logger log = LoggerFactory.getLogger(StoreRetention.class);

    /** What a sweep did: files and bytes removed, and the old files kept because a consumer still needs them. */
    record Sweep(int removedFiles, long removedBytes, int heldFiles) {
    }

    private final DatasetStore store;
    private final Duration retention;
    /** The setting as written, for the log: {@code 15d}. */
    private final String setting;
    private final Supplier<List<DataFileHold>> holds;
    private final Clock clock;
    private final StoreMeters meters;
    /** How many old files of each dataset the last sweep kept for a consumer. */
    private final Map<String, Integer> heldBefore = new ConcurrentHashMap<>();

    @Autowired
    StoreRetention(DatasetStore store, AutocoderProperties properties, ObjectProvider<DataFileHold> holds,
                   ObjectProvider<MeterRegistry> meters) {
        this(store, properties.getStore().getRetention(), () -> holds.orderedStream().toList(), Clock.systemUTC(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    StoreRetention(DatasetStore store, String retention, Supplier<List<DataFileHold>> holds, Clock clock,
                   MeterRegistry meters) {
        this.store = store;
        this.meters = new StoreMeters(meters);
        this.clock = clock;
        this.retention = Duration.ofMillis(DurationSetting.toMillis("autocoder.store.retention", retention));
        this.setting = retention.strip();
        this.holds = holds;
    }

    /**
     * One pass over every dataset of the store (nothing is removed when the retention is 0: every row is kept); the
     * size of each dataset's data files afterwards goes to the meter {@code autocoder.store.data.size}.
     */
    public Sweep sweep() {
        Sweep total = new Sweep(0, 0, 0);
        for (String dataset : store.datasets()) {
            Sweep one = sweep(dataset);
            total = new Sweep(total.removedFiles + one.removedFiles, total.removedBytes + one.removedBytes,
                    total.heldFiles + one.heldFiles);
        }
        return total;
    }

    private Sweep sweep(String dataset) {
        List<Path> candidates = new ArrayList<>();
        Map<Path, Long> sizes = new HashMap<>();
        try {
            for (List<Path> files : store.dataFilesByTarget(dataset).values()) {
                files.forEach(file -> sizes.put(file, sizeOf(file)));
                if (!retention.isZero()) {
                    candidates.addAll(expired(files));
                }
            }
        } catch (UncheckedIOException e) {
            log.warn("Store retention: cannot list the data files of {} now ({}); tried again next time", dataset,
                    e.getMessage());
            return new Sweep(0, 0, 0);
        }
        Map<Path, String> held = held(dataset, candidates);
        int removed = 0;
        long bytes = 0;
        for (Path file : candidates) {
            try {
                if (!held.containsKey(file) && store.remove(dataset, file)) {
                    removed++;
                    bytes += sizes.get(file);
                }
            } catch (IOException | UncheckedIOException e) {
                log.warn("Store retention: cannot remove {} now ({}); tried again next time", file, e.getMessage());
            }
        }
        if (removed > 0) {
            log.info("Store retention: removed {} data files of {} ({}) whose rows are older than {}", removed, dataset,
                    size(bytes), setting);
        }
        // told when it changes, not every sweep: the implementation worker's files are always kept
        if (!Integer.valueOf(held.size()).equals(heldBefore.put(dataset, held.size())) && !held.isEmpty()) {
            log.info("Store retention: kept {} older data files of {}: {}", held.size(), dataset,
                    String.join("; ", new LinkedHashSet<>(held.values())));
        }
        long stored = sizes.values().stream().mapToLong(Long::longValue).sum();
        meters.sweptDataset(dataset, stored - bytes, removed, bytes);
        return new Sweep(removed, bytes, held.size());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The files of one target, oldest first, last changed more than the retention before the newest one was: never
     * the newest itself. A time ahead of now (a clock set wrong) counts as now, so it cannot take the others with
     * it; a file whose time cannot be read stays.
     */
    private List<Path> expired(List<Path> files) {
        if (files.size() < 2) {
            return List.of();
        }
        Map<Path, Instant> changed = new HashMap<>();
        Instant newest = Instant.MIN;
        for (Path file : files) {
            try {
                Instant at = Files.getLastModifiedTime(file).toInstant();
                changed.put(file, at);
                newest = at.isAfter(newest) ? at : newest;
            } catch (IOException e) {
                // kept: its age is unknown
            }
        }
        Instant now = clock.instant();
        Instant cutoff = (newest.isAfter(now) ? now : newest).minus(retention);
        List<Path> expired = new ArrayList<>();
        for (Path file : files.subList(0, files.size() - 1)) {
            if (changed.containsKey(file) && changed.get(file).isBefore(cutoff)) {
                expired.add(file);
            }
        }
        return expired;
    }

    private static String size(long bytes) {
        return bytes < 1 << 20 ? (bytes >> 10) + " KB" : (bytes >> 20) + " MB";
    }

    private Map<Path, String> held(String dataset, List<Path> candidates) {
        Map<Path, String> held = new HashMap<>();
        if (candidates.isEmpty()) {
            return held;
        }
        for (DataFileHold hold : holds.get()) {
            try {
                hold.held(dataset, candidates).forEach(held::putIfAbsent);
            } catch (RuntimeException e) {
                // a consumer that cannot tell keeps every file: nothing is removed it may still need
                log.warn("Store retention: keeping the old files of {}: {} cannot tell which it still needs ({})",
                        dataset, hold.getClass().getSimpleName(), e.getMessage());
                candidates.forEach(f -> held.putIfAbsent(f, "a consumer could not tell whether it still needs them"));
            }
        }
        return held;
    }
}
