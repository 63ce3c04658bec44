package dev.autocoder.workers.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.dataset.Checkpoints;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.Iteration;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.WorkerRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live quality gates of this process, one per target ({@link TargetGate}): the analysis rows as they are
 * written (read from the store when a target's gate is first needed), every finding of each result this process
 * computes, and the target's git history. A report is evaluated again only after a new analysis row of its target;
 * requests and scrapes read the cached one.
 * <p>
 * With a list of targets the gates live in a bounded cache ({@value #MAX_TARGET_GATES}, least recently used out),
 * so memory follows the targets being worked on or looked at; an evicted gate is rebuilt from its rows when next
 * needed. The single target has one gate, kept under {@link #SINGLE}. Each gate's history is also kept on disk
 * ({@link GateCheckpoint}), so a start or an evicted gate reads only the rows written since.
 */
@Component("qualityGate")
public class QualityGate {

    private static final Logger log = LoggerFactory.getLogger(QualityGate.class);

    static final int MAX_TARGET_GATES = 256;
    /** The key of the single target's gate (its rows may or may not carry a target id). */
    static final String SINGLE = "";

    private final DatasetStore store;
    private final ObjectProvider<WorkerRegistry> registry;
    private final SecretRedactor redactor;
    private final GateEvaluator evaluator;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final boolean fleet;
    /** The list of targets, asked at each checkpoint: a target taken off it loses its gate's checkpoint. */
    private final TargetList targets;
    private final Cache<String, TargetGate> gates;
    /** Each gate's history kept on disk, so that a start reads only the rows written since. */
    private final Checkpoints<GateCheckpoint> checkpoints;
    private volatile String analysisDataset;
    /** The last verdict per target, for the meter: a few bytes each, kept when a gate leaves the cache. */
    private final Map<String, GateStatus> lastStatus = new ConcurrentHashMap<>();
    private final List<Consumer<String>> newTargetListeners = new CopyOnWriteArrayList<>();

    // the registry lazily: it depends (through the Hub sync) on the row columns, which depend on this
    public QualityGate(DatasetStore store, ObjectProvider<WorkerRegistry> registry, SecretRedactor redactor,
                       GateProperties properties, TargetList targets,
                       @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.store = store;
        this.registry = registry;
        this.redactor = redactor;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        this.evaluator = new GateEvaluator(conditions(properties), newCode(properties), clock, mapper);
        this.targets = targets;
        this.fleet = targets.isFleet();
        this.checkpoints = new Checkpoints<>(store.root(), "gate-", mapper, new TypeReference<>() {
        });
        this.gates = Caffeine.newBuilder().maximumSize(MAX_TARGET_GATES)
                .<String, TargetGate>removalListener((key, gate, cause) -> {
                    if (gate != null) {
                        // an evicted gate starts from its checkpoint when next needed
                        checkpoint(key, gate);
                        gate.close();
                    }
                }).build();
    }

    /** A setting that cannot work stops start-up with one message naming its key. */
    private static List<GateCondition> conditions(GateProperties properties) {
        try {
            return GateConditions.of(properties.getConditions(), properties.getConditionsFile());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(properties.getConditionsFile() != null
                    ? "autocoder.gate.conditions-file" : "autocoder.gate.conditions", e.getMessage());
        }
    }

    private static NewCodeSetting newCode(GateProperties properties) {
        try {
            return NewCodeSetting.parse(properties.getNewCode());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("autocoder.gate.new-code", e.getMessage());
        }
    }

    /** True with a list of targets: one gate per target, the meter tagged by target. */
    public boolean isPerTarget() {
        return fleet;
    }

    /** The single target's gate reads its rows once the application is up; a listed target's when first needed. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuild() {
        if (!fleet) {
            gate(SINGLE).ensureRebuilt();
        }
    }

    /**
     * Writes the history of each gate that took rows since its last checkpoint (the {@code quality-gate-checkpoint}
     * route, and at shutdown): a restart then reads only the rows written since.
     */
    public void checkpoint() {
        gates.asMap().forEach(this::checkpoint);
        if (fleet) {
            analysisDataset().ifPresent(dataset -> checkpoints.removeUnlisted(dataset, targets.ids()));
        }
    }

    private void checkpoint(String key, TargetGate gate) {
        Optional<String> name = checkpointName(key);
        if (name.isPresent()) {
            gate.changedSinceCheckpoint().ifPresent(checkpoint -> {
                checkpoints.write(name.get(), checkpoint);
                gate.checkpointWritten(checkpoint);
            });
        }
    }

    /** The checkpoint of a gate: {@code {dataset}} for the single target's, {@code {dataset}.{target_id}} for a listed target's. */
    private Optional<String> checkpointName(String key) {
        return analysisDataset().map(dataset -> SINGLE.equals(key) ? dataset : dataset + "." + key);
    }

    @PreDestroy
    void checkpointAtShutdown() {
        Checkpoints.atShutdown("Quality gate history", this::checkpoint);
    }

    /** Takes a row just stored (the {@code row-to-quality-gate} route): an analysis row makes its target's gate stale. */
    public void rowStored(String dataset, Row row) {
        if (!AnalysisHistory.WORKER.equals(row.worker())) {
            return;
        }
        String key = fleet ? row.targetId() : SINGLE;
        if (key == null) {
            return;
        }
        // a gate not in the cache reads this row with the others when next needed
        TargetGate gate = gates.getIfPresent(key);
        if (gate != null) {
            gate.rowStored(row);
        }
    }

    /**
     * The gate of one target now (evaluated again only when an analysis row came since); a null target is the
     * single target. With a list of targets the caller names a known target ({@link #fleet(Map)} judges them all):
     * the rows of two repositories are never judged together.
     */
    public GateReport current(String targetId) {
        String key = key(targetId);
        GateReport report = gate(key).current();
        remember(key, report.status());
        return report;
    }

    /**
     * The gate of a list of targets (target id → repository, in list order): each target's own gate, the worst of
     * them as the verdict. Only with a list of targets; it never mixes the rows of two repositories.
     */
    public FleetGateReport fleet(Map<String, String> targets) {
        List<FleetGateReport.TargetVerdict> verdicts = new ArrayList<>();
        targets.forEach((id, repository) -> {
            GateReport report = current(id);
            List<String> failed = report.conditions().stream().filter(c -> c.status() == GateStatus.FAILED)
                    .map(ConditionResult::condition).toList();
            verdicts.add(new FleetGateReport.TargetVerdict(id, report.repository() != null ? report.repository() : repository,
                    report.commit(), report.status(), report.status() == GateStatus.UNKNOWN ? unknownReason(report) : null,
                    failed, "/api/gate?target=" + id));
        });
        return FleetGateReport.of(verdicts, Instant.now(clock).toString());
    }

    /** Why a gate cannot be told: its own reason, else its new-code baseline's, else its first undecided condition's. */
    private static String unknownReason(GateReport report) {
        if (report.reason() != null) {
            return report.reason();
        }
        if (report.newCode() != null && !report.newCode().isResolved()) {
            return report.newCode().reason();
        }
        return report.conditions().stream().filter(c -> c.status() == GateStatus.UNKNOWN && c.detail() != null)
                .map(ConditionResult::detail).findFirst().orElse("not every condition can be told");
    }

    /** The cached verdict of the single target without evaluating (for meters), unknown before the first evaluation. */
    GateStatus lastStatus() {
        return lastStatus(SINGLE);
    }

    /** The cached verdict of a target (for meters); unknown before its first evaluation. */
    GateStatus lastStatus(String key) {
        return lastStatus.getOrDefault(key, GateStatus.UNKNOWN);
    }

    /** Called once for each target whose gate is first evaluated (the meter registers its gauges then). */
    void onNewTarget(Consumer<String> listener) {
        newTargetListeners.add(listener);
        lastStatus.keySet().forEach(listener);
    }

    /**
     * The gate as it will be once this iteration's row is written: the result's every finding is taken in (rows list
     * only up to their cap), then the gate of the iteration's target is evaluated with it.
     */
    GateReport withResult(Iteration iteration, PerspectiveResult result, List<Finding> uniqueFindings) {
        String key = key(iteration.worker().targetId());
        GateReport report = gate(key).withResult(iteration, result, uniqueFindings);
        remember(key, report.status());
        return report;
    }

    private String key(String targetId) {
        if (fleet && targetId == null) {
            throw new IllegalArgumentException("with a list of targets a gate is one target's: name the target");
        }
        return fleet ? targetId : SINGLE;
    }

    private void remember(String key, GateStatus status) {
        if (lastStatus.put(key, status) == null) {
            newTargetListeners.forEach(l -> l.accept(key));
        }
    }

    private TargetGate gate(String key) {
        return gates.get(key, k -> new TargetGate(SINGLE.equals(k) ? null : k, evaluator, redactor, clock,
                new StoredRows(k), this::json));
    }

    /** The analysis worker's dataset, once known kept: at shutdown the registry may be gone before this bean. */
    private Optional<String> analysisDataset() {
        if (analysisDataset == null) {
            WorkerRegistry workers = registry.getIfAvailable();
            analysisDataset = workers == null ? null
                    : workers.find(AnalysisHistory.WORKER).map(state -> state.definition().dataset()).orElse(null);
        }
        return Optional.ofNullable(analysisDataset);
    }

    /** A gate's history from the store: the single target's from its checkpoint and the rows since, if it can. */
    private final class StoredRows implements TargetGate.Source {

        private final String key;

        StoredRows(String key) {
            this.key = key;
        }

        @Override
        public Optional<GateCheckpoint> checkpoint() {
            Optional<GateCheckpoint> checkpoint = checkpointName(key).flatMap(checkpoints::read)
                    .filter(GateCheckpoint::isUsable);
            long newest = checkpoint.isEmpty() ? -1 : newestIteration();
            if (checkpoint.isPresent() && newest < checkpoint.get().newestIteration()) {
                log.warn("Quality gate{}: its checkpoint ends at iteration {} but the store's analysis rows at {}; "
                        + "rebuilt from the store's rows", SINGLE.equals(key) ? "" : " of target " + key,
                        checkpoint.get().newestIteration(), newest);
                return Optional.empty();
            }
            return checkpoint;
        }

        /** The newest analysis iteration in the store of this gate's target; -1 when there is none. */
        private long newestIteration() {
            return store.lastRowOf(analysisDataset().orElseThrow(), targetId(),
                    row -> AnalysisHistory.WORKER.equals(row.worker())).map(Row::iteration).orElse(-1L);
        }

        /** The listed target's id; null for the single target, whose gate reads every row. */
        private String targetId() {
            return SINGLE.equals(key) ? null : key;
        }

        @Override
        public void rows(Instant since, Consumer<Row> action) {
            analysisDataset().ifPresent(dataset -> store.forEachRowAtOf(dataset, targetId(), since,
                    (row, at) -> action.accept(row)));
        }
    }

    private String json(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }
}
