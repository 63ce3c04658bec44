package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.Checkpoints;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.metrics.LatestResults;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-worker aggregates, kept current by the {@code row-to-dashboard} route after each stored row and rebuilt once per worker from its
 * dataset (at application start, or when the worker is first asked about). A request only reads the latest
 * immutable {@link WorkerAggregate}: its cost does not grow with the history.
 */
@Component("aggregates")
public class Aggregates implements LatestResults {

    private static final Logger log = LoggerFactory.getLogger(Aggregates.class);

    private final DatasetStore store;
    private final WorkerRegistry registry;
    private final DashboardProperties properties;
    private final ObjectMapper mapper;
    private final Map<String, WorkerAccumulator> accumulators = new ConcurrentHashMap<>();
    private final Map<String, WorkerAggregate> published = new ConcurrentHashMap<>();
    private final Checkpoints<AggregateCheckpoint> checkpoints;
    /** Per checkpoint (a worker's, a worker's on one target), how many rows it held: an unchanged one is not written again. */
    private final Map<String, Long> checkpointedRows = new ConcurrentHashMap<>();
    /**
     * (worker, target) → that pair's aggregate, for the repository picker and the fleet overview: built from the
     * target's rows (from its checkpoint, if any) when first asked for, kept current by rowStored while cached, and
     * evicted least recently used beyond {@link #MAX_TARGET_AGGREGATES}, so memory follows the targets people look
     * at, not the list's length.
     */
    private final Cache<String, TargetAggregate> byTarget;
    private final Supplier<Set<String>> listedTargets;
    static final int MAX_TARGET_AGGREGATES = 256;

    @Autowired
    public Aggregates(DatasetStore store, WorkerRegistry registry, DashboardProperties properties, TargetList targets,
                      @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this(store, registry, properties, mapper, targets.isFleet() ? targets::ids : null);
    }

    /**
     * @param listedTargets with a list of targets, the ids listed now (a worker's view sums each one's current
     *                      results); null for the single target
     */
    Aggregates(DatasetStore store, WorkerRegistry registry, DashboardProperties properties, ObjectMapper mapper,
               Supplier<Set<String>> listedTargets) {
        this.store = store;
        this.registry = registry;
        this.properties = properties;
        this.mapper = mapper;
        this.checkpoints = new Checkpoints<>(store.root(), "dashboard-", mapper, new TypeReference<>() {
        });
        // an evicted aggregate starts from its checkpoint when next asked for
        this.byTarget = Caffeine.newBuilder().maximumSize(MAX_TARGET_AGGREGATES)
                .<String, TargetAggregate>removalListener((key, target, cause) -> {
                    if (target != null && cause.wasEvicted()) {
                        checkpoint(target.checkpointName, target.accumulator);
                    }
                }).build();
        this.listedTargets = listedTargets;
    }

    /** Rebuilds every registered worker's aggregate once the application is up, so no request pays for it. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildAll() {
        registry.all().forEach(this::accumulator);
    }

    /**
     * Adds a row just stored (the {@code row-to-dashboard} route) or read from the Hub; a row the rebuild already
     * read is not counted twice.
     */
    public void rowStored(String dataset, Row row) {
        Optional<WorkerState> state = registry.find(row.worker());
        if (state.isEmpty() || !state.get().definition().dataset().equals(dataset)) {
            return;
        }
        if (row.targetId() != null) {
            TargetAggregate target = byTarget.getIfPresent(row.worker() + "@" + row.targetId());
            if (target != null) {
                target.add(row);
            }
        }
        WorkerAccumulator accumulator = accumulator(state.get());
        synchronized (accumulator) {
            if (accumulator.add(row)) {
                published.put(row.worker(), accumulator.snapshot());
            }
        }
    }

    @Override
    public List<String> perspectives(String worker) {
        return of(worker).map(a -> a.perspectives().stream().map(PerspectiveAggregate::id).toList()).orElse(List.of());
    }

    @Override
    public Optional<FindingCounts> findings(String worker, String perspective) {
        return of(worker).flatMap(a -> a.perspective(perspective)).filter(p -> !p.results().isEmpty())
                .map(PerspectiveAggregate::counts);
    }

    @Override
    public Optional<Double> qualityScore(String worker, String perspective) {
        return of(worker).flatMap(a -> a.perspective(perspective)).map(PerspectiveAggregate::qualityScore);
    }

    @Override
    public Optional<FindingCounts> findingsOfTarget(String worker, String targetId) {
        if (listedTargets == null) {
            return Optional.empty();
        }
        return of(worker).flatMap(aggregate -> aggregate.perspectives().stream()
                .map(perspective -> perspective.resultCounts().get(targetId)).filter(Objects::nonNull)
                .reduce(FindingCounts::plus));
    }

    @Override
    public Set<String> listedTargets() {
        return listedTargets == null ? Set.of() : listedTargets.get();
    }

    /** The worker's aggregate; empty for a worker this process does not run. */
    public Optional<WorkerAggregate> of(String worker) {
        WorkerAggregate aggregate = published.get(worker);
        if (aggregate != null) {
            return Optional.of(aggregate);
        }
        return registry.find(worker).map(state -> {
            accumulator(state);
            return published.get(worker);
        });
    }

    /** The aggregate of a worker's rows on one target; empty for a worker this process does not run. */
    public Optional<WorkerAggregate> of(String worker, String targetId) {
        return registry.find(worker).map(state -> byTarget.get(worker + "@" + targetId, key -> {
            WorkerDefinition definition = state.definition();
            TargetAggregate target = new TargetAggregate(checkpointName(worker, targetId), new WorkerAccumulator(worker,
                    definition.dataset(), properties.getChartPoints(), properties.getMaxRowsLimit(),
                    properties.getPatchesKept(), mapper));
            synchronized (target.accumulator) {
                target.snapshot = rebuild(definition, targetId, target.accumulator);
            }
            return target;
        }).snapshot);
    }

    /** One (worker, target) accumulator and its latest snapshot. */
    private static final class TargetAggregate {
        private final String checkpointName;
        private final WorkerAccumulator accumulator;
        private volatile WorkerAggregate snapshot;

        TargetAggregate(String checkpointName, WorkerAccumulator accumulator) {
            this.checkpointName = checkpointName;
            this.accumulator = accumulator;
        }

        void add(Row row) {
            synchronized (accumulator) {
                if (accumulator.add(row)) {
                    snapshot = accumulator.snapshot();
                }
            }
        }
    }

    private WorkerAccumulator accumulator(WorkerState state) {
        WorkerDefinition definition = state.definition();
        WorkerAccumulator accumulator = accumulators.computeIfAbsent(definition.worker(), w -> new WorkerAccumulator(
                w, definition.dataset(), properties.getChartPoints(), properties.getMaxRowsLimit(), properties.getPatchesKept(),
                mapper, listedTargets));
        if (!accumulator.isRebuilt()) {
            synchronized (accumulator) {
                if (!accumulator.isRebuilt()) {
                    published.put(definition.worker(), rebuild(definition, null, accumulator));
                }
            }
        }
        return accumulator;
    }

    /**
     * Folds the worker's rows (on one target, or on every one when {@code targetId} is null) into its new accumulator:
     * those written since its checkpoint, when it has a usable one, else the whole history.
     */
    private WorkerAggregate rebuild(WorkerDefinition definition, String targetId, WorkerAccumulator accumulator) {
        long start = System.nanoTime();
        String name = checkpointName(definition.worker(), targetId);
        Optional<AggregateCheckpoint> checkpoint = restoreCheckpoint(definition, targetId, accumulator);
        Instant since = checkpoint.map(c -> Checkpoints.rereadSince(c.writtenAt())).orElse(Instant.MIN);
        store.forEachRowAtOf(definition.dataset(), targetId, since, (row, at) -> {
            if (definition.worker().equals(row.worker())) {
                accumulator.add(row, at);
            }
        });
        accumulator.finishRebuild(store);
        WorkerAggregate aggregate = accumulator.snapshot();
        checkpoint.ifPresent(c -> checkpointedRows.put(name, c.rows()));
        log.info("Dashboard aggregates of worker {}{} rebuilt from {} rows in {} ms{}", definition.worker(),
                targetId == null ? "" : " on target " + targetId, aggregate.rows(), (System.nanoTime() - start) / 1_000_000,
                checkpoint.map(c -> " (its checkpoint of " + c.writtenAt() + " and the data files changed since " + since
                        + ")").orElse(""));
        return aggregate;
    }

    /** The checkpoint of a worker's aggregate over every row, {@code {worker}}, or on one target, {@code {worker}.{target_id}}. */
    private static String checkpointName(String worker, String targetId) {
        return targetId == null ? worker : worker + "." + targetId;
    }

    /**
     * Puts the aggregate's checkpoint into its empty accumulator; empty when there is none to use: none written, a
     * dashboard that reads the Hub, one of other settings, or one ahead of the store (whose rows were replaced).
     */
    private Optional<AggregateCheckpoint> restoreCheckpoint(WorkerDefinition definition, String targetId,
                                                            WorkerAccumulator accumulator) {
        if (properties.readsHub()) {
            return Optional.empty();
        }
        Optional<AggregateCheckpoint> checkpoint = checkpoints.read(checkpointName(definition.worker(), targetId))
                .filter(c -> c.format() == AggregateCheckpoint.FORMAT);
        if (checkpoint.isEmpty() || checkpoint.get().lastRow() == null || checkpoint.get().lastIterations() == null) {
            return Optional.empty();
        }
        // the newest stored row against what the checkpoint took of its target (each target numbers its own rows)
        Optional<Row> newestRow = store.lastRowOf(definition.dataset(), targetId, row -> definition.worker().equals(row.worker()));
        long newest = newestRow.map(Row::iteration).orElse(-1L);
        long taken = newestRow.map(row -> checkpoint.get().lastIterations().getOrDefault(WorkerAccumulator.targetKey(row), -1L))
                .orElse(Long.MAX_VALUE);
        if (newest < taken) {
            log.warn("Dashboard aggregates of worker {}: its checkpoint is ahead of the store's rows (iteration {} of "
                    + "its target against {} stored); rebuilt from the store's rows", definition.worker(),
                    taken == Long.MAX_VALUE ? "any" : taken, newest);
            return Optional.empty();
        }
        try {
            if (accumulator.restore(checkpoint.get())) {
                return checkpoint;
            }
            log.info("Dashboard aggregates of worker {}: its checkpoint was made with other settings (format, chart "
                    + "points, rows or patches kept); rebuilt from the whole history", definition.worker());
        } catch (RuntimeException e) {
            log.warn("Dashboard aggregates of worker {}: its checkpoint cannot be read ({}); rebuilt from the whole "
                    + "history", definition.worker(), e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Writes the checkpoint of every rebuilt aggregate that took rows since its last one (the
     * {@code dashboard-checkpoint} route, and at shutdown): a restart then folds only the rows written since.
     */
    public void checkpoint() {
        accumulators.forEach(this::checkpoint);
        byTarget.asMap().values().forEach(target -> checkpoint(target.checkpointName, target.accumulator));
        if (listedTargets != null) {
            Set<String> listed = listedTargets.get();
            registry.all().forEach(state -> checkpoints.removeUnlisted(state.definition().worker(), listed));
        }
    }

    private void checkpoint(String name, WorkerAccumulator accumulator) {
        if (properties.readsHub()) {
            return;
        }
        AggregateCheckpoint checkpoint;
        synchronized (accumulator) {
            if (!accumulator.isRebuilt() || accumulator.rows() == 0 || accumulator.rows() == checkpointedRows.getOrDefault(name, -1L)) {
                return;
            }
            checkpoint = accumulator.checkpoint(Instant.now());
        }
        checkpoints.write(name, checkpoint);
        checkpointedRows.put(name, checkpoint.rows());
    }

    @PreDestroy
    void checkpointAtShutdown() {
        Checkpoints.atShutdown("Dashboard aggregates", this::checkpoint);
    }
}
