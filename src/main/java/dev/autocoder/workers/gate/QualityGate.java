package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.Iteration;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live quality gate of this process: the analysis rows as they are written (rebuilt from the store once at
 * start-up), every finding of each result this process computes, and the target's git history. The report is
 * evaluated again only after a new analysis row; requests and scrapes read the cached one.
 */
@Component("qualityGate")
public class QualityGate {

    private static final Logger log = LoggerFactory.getLogger(QualityGate.class);

    private final DatasetStore store;
    private final ObjectProvider<WorkerRegistry> registry;
    private final SecretRedactor redactor;
    private final GateEvaluator evaluator;
    private final AnalysisHistory history = new AnalysisHistory();
    private final Clock clock;
    private volatile boolean rebuilt;
    private boolean stale = true;
    private GateReport report;
    private Path targetRoot;
    private GitHistory git;

    // the registry lazily: it depends (through the Hub sync) on the row columns, which depend on this
    public QualityGate(DatasetStore store, ObjectProvider<WorkerRegistry> registry, SecretRedactor redactor, GateProperties properties,
                       @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        this.store = store;
        this.registry = registry;
        this.redactor = redactor;
        this.clock = Clock.systemUTC();
        this.evaluator = new GateEvaluator(conditions(properties), newCode(properties), clock, json);
    }

    /** A setting that cannot work stops start-up with one message naming its key. */
    private static java.util.List<GateCondition> conditions(GateProperties properties) {
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

    @EventListener(ApplicationReadyEvent.class)
    public void rebuild() {
        ensureRebuilt();
    }

    private void ensureRebuilt() {
        if (rebuilt) {
            return;
        }
        synchronized (this) {
            if (!rebuilt) {
                WorkerRegistry workers = registry.getIfAvailable();
                if (workers != null) {
                    workers.find(AnalysisHistory.WORKER).ifPresent(state ->
                            store.forEachRow(state.definition().dataset(), history::add));
                }
                rebuilt = true;
                stale = true;
            }
        }
    }

    /** Takes a row just stored (the {@code row-to-quality-gate} route): an analysis row makes the gate stale. */
    public void rowStored(String dataset, Row row) {
        if (AnalysisHistory.WORKER.equals(row.worker())) {
            history.add(row);
            synchronized (this) {
                stale = true;
            }
        }
    }

    /** The gate now (evaluated again only when an analysis row came since). */
    public synchronized GateReport current() {
        ensureRebuilt();
        if (stale || report == null) {
            report = evaluate();
            stale = false;
        }
        return report;
    }

    /** The cached verdict without evaluating (for meters), unknown before the first evaluation. */
    synchronized GateStatus lastStatus() {
        return report == null ? GateStatus.UNKNOWN : report.status();
    }

    /**
     * The gate as it will be once this iteration's row is written: the result's every finding is taken in (rows list
     * only up to their cap), then the gate is evaluated with it. Called while the row is being built.
     */
    synchronized GateReport withResult(Iteration iteration, PerspectiveResult result, List<Finding> uniqueFindings) {
        ensureRebuilt();
        if (result.status() != Status.OK || iteration.snapshot() == null) {
            return current();
        }
        String commit = iteration.snapshot().commit();
        if (iteration.snapshot().hasGitHistory()) {
            useTarget(iteration.snapshot().root());
        }
        List<Finding> redacted = uniqueFindings.stream().map(f -> f.withMessage(redactor.redact(f.message()))).toList();
        history.addComplete(iteration.perspective().id(), commit, redacted);
        // the row as it will be written, so this perspective counts with this result
        history.add(new Row(Row.SCHEMA_VERSION, AnalysisHistory.WORKER, iteration.number(), Instant.now(clock).toString(),
                iteration.perspectiveNumber(), iteration.perspective().id(), iteration.perspective().name(),
                redactor.redact(iteration.snapshot().repository()), commit, 0, Status.OK, null, null, "", null,
                redacted.size(), List.of(), null, null, List.of(),
                RowFactory.withScopeCounts(result.metrics(), redacted), json(result.details()), Map.of()));
        report = evaluate();
        stale = false;
        return report;
    }

    private String json(Map<String, Object> details) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{}";
        }
    }

    private void useTarget(Path root) {
        if (root.equals(targetRoot)) {
            return;
        }
        if (git != null) {
            git.close();
        }
        targetRoot = root;
        git = GitHistory.open(root).orElse(null);
    }

    private GateReport evaluate() {
        try {
            return evaluator.evaluate(history, git);
        } catch (RuntimeException e) {
            log.warn("Quality gate could not be evaluated: {}", redactor.redact(String.valueOf(e.getMessage())));
            return new GateReport(GateStatus.UNKNOWN, null, null, Instant.now(clock).toString(),
                    "the gate could not be evaluated: " + redactor.redact(String.valueOf(e.getMessage())), null,
                    List.of(), List.of(), List.of());
        }
    }
}
