package dev.autocoder.workers.gate;

import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.dataset.Checkpoints;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.Iteration;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The gate of one target: its analysis rows (read once, when first needed: from its checkpoint and the rows written
 * since, else from the whole store), the findings of each result this process computes on it, and its git history.
 * Evaluated again only after a new analysis row.
 */
final class TargetGate {

    private static final Logger log = LoggerFactory.getLogger(TargetGate.class);

    private final String target;
    private final GateEvaluator evaluator;
    private final SecretRedactor redactor;
    private final Clock clock;
    private final Source source;
    private final Function<Map<String, Object>, String> json;
    private final AnalysisHistory history = new AnalysisHistory();
    private boolean rebuilt;
    /** The newest iteration of the last checkpoint written or read: an unchanged history is not written again. */
    private long checkpointed = -1;
    private boolean stale = true;
    private GateReport report;
    private Path targetRoot;
    private GitHistory git;

    /** Where a gate's history comes from when it is first needed: a checkpoint, if any, and the stored rows. */
    interface Source {

        /** The checkpoint to start from; empty when there is none that can be used. */
        Optional<GateCheckpoint> checkpoint();

        /** Hands the target's stored rows in the data files changed at or after {@code since} to the action. */
        void rows(Instant since, Consumer<Row> action);
    }

    /** @param target the listed target's id, for the log; null for the single target */
    TargetGate(String target, GateEvaluator evaluator, SecretRedactor redactor, Clock clock, Source source,
               Function<Map<String, Object>, String> json) {
        this.target = target;
        this.evaluator = evaluator;
        this.redactor = redactor;
        this.clock = clock;
        this.source = source;
        this.json = json;
    }

    synchronized void ensureRebuilt() {
        if (rebuilt) {
            return;
        }
        long start = System.nanoTime();
        Optional<GateCheckpoint> checkpoint = source.checkpoint();
        checkpoint.ifPresent(history::restore);
        long taken = history.newestIteration();
        checkpointed = taken;
        Instant since = checkpoint.map(c -> Checkpoints.rereadSince(c.writtenAt())).orElse(Instant.MIN);
        long[] read = {0};
        source.rows(since, row -> {
            // a row the checkpoint took in is not taken again: an older result would replace a newer one at its commit
            if (row.iteration() > taken) {
                read[0]++;
                history.add(row);
            }
        });
        rebuilt = true;
        stale = true;
        log.info("Quality gate history{} rebuilt from {} rows in {} ms{}", target == null ? "" : " of target " + target,
                read[0], (System.nanoTime() - start) / 1_000_000,
                checkpoint.map(c -> " (its checkpoint of " + c.writtenAt() + " and the data files changed since " + since + ")")
                        .orElse(""));
    }

    /** The history for a checkpoint; empty when it took no row since the last one written or read. */
    synchronized Optional<GateCheckpoint> changedSinceCheckpoint() {
        if (!rebuilt || history.newestIteration() == checkpointed) {
            return Optional.empty();
        }
        return Optional.of(history.checkpoint(Instant.now(clock)));
    }

    synchronized void checkpointWritten(GateCheckpoint checkpoint) {
        checkpointed = checkpoint.newestIteration();
    }

    void rowStored(Row row) {
        history.add(row);
        synchronized (this) {
            stale = true;
        }
    }

    synchronized GateReport current() {
        ensureRebuilt();
        if (stale || report == null) {
            report = evaluate();
            stale = false;
        }
        return report;
    }

    synchronized GateStatus lastStatus() {
        return report == null ? GateStatus.UNKNOWN : report.status();
    }

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
                RowFactory.withScopeCounts(result.metrics(), redacted), json.apply(result.details()), Map.of()));
        report = evaluate();
        stale = false;
        return report;
    }

    /** Lets go of the git repository (the gate left the cache). */
    synchronized void close() {
        if (git != null) {
            git.close();
            git = null;
            targetRoot = null;
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
