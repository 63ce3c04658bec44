package dev.autocoder.workers.metrics;

import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's own meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code autocoder.iterations} [autocoder_iterations_total] counter, tags worker, perspective, status;</li>
 *   <li>{@code autocoder.iteration.duration} [autocoder_iteration_duration_seconds] timer, tags worker, perspective;</li>
 *   <li>{@code autocoder.findings} [autocoder_findings] gauge, tags worker, perspective, scope, severity: findings of
 *       the perspective's latest ok row, all of them (its {@code findings.<scope>.<severity>} metrics; for a row
 *       written before those, the listed findings, in main scope); with a list of targets, every target's latest
 *       summed;</li>
 *   <li>{@code autocoder.quality.score} [autocoder_quality_score] gauge, tags worker, perspective: a series only
 *       for a perspective whose latest ok row has a score (a NaN sample would fail Prometheus' lint and alerts);
 *       with a list of targets, the mean of every target's latest score;</li>
 *   <li>{@code autocoder.target.findings} [autocoder_target_findings] gauge, tags worker, target, severity: with a
 *       list of targets, the findings in main code of each listed target's current results over the worker's
 *       perspectives (what the fleet overview shows per repository), set at start-up and when a row of that
 *       (worker, target) is stored; a target taken off the list loses its series with the next row; no series for
 *       the single target;</li>
 *   <li>{@code autocoder.rows.written} [autocoder_rows_written_total] counter, tag dataset.</li>
 *   <li>{@code autocoder.row.consumer.failures} [autocoder_row_consumer_failures_total] counter, tags consumer,
 *       dataset: counted by the row-to-* routes' failure handling (dataset.RowConsumerFailures).</li>
 * </ul>
 * Counters and the timer count from process start; the gauges read the {@link LatestResults} (the dashboard's
 * aggregates, which are rebuilt from the store at start-up), so they show the latest values right after a restart.
 */
@Component("workerMeters")
class WorkerMeters {

    private final MeterRegistry meters;
    private final LatestResults latestResults;
    private final WorkerRegistry workers;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final RefreshedSeries qualityScores;
    /**
     * Each (worker, listed target)'s findings, which its series read. A row changes only its own pair's, so a row
     * sets one entry: summing every target's again and registering every series anew cost about 25 ms a row with 256
     * targets of the three workers (README, "Row bookkeeping").
     */
    private final Map<TargetPair, PairSeries> targetFindings = new ConcurrentHashMap<>();

    private record TargetPair(String worker, String target) {
    }

    /** A pair's findings and the series (one per severity) that read them. */
    private record PairSeries(AtomicReference<FindingCounts> counts, List<Gauge> gauges) {
    }

    public WorkerMeters(ObjectProvider<MeterRegistry> meters, LatestResults latestResults, WorkerRegistry workers) {
        this.meters = meters.getIfAvailable();
        this.latestResults = latestResults;
        this.workers = workers;
        this.qualityScores = this.meters == null ? null : new RefreshedSeries(MultiGauge.builder("autocoder.quality.score")
                .description("Quality score (0..1) of the perspective's latest ok result (the mean over the targets); no series before the first score")
                .register(this.meters));
    }

    /** Counts a row just stored (the {@code row-to-meters} route, after {@code row-to-dashboard}: the gauges read the aggregates). */
    public void rowStored(String dataset, Row row) {
        if (meters == null) {
            return;
        }
        String worker = row.worker() == null ? "unknown" : row.worker();
        String perspective = row.perspectiveId() == null ? "unknown" : row.perspectiveId();
        Counter.builder("autocoder.iterations")
                .description("Iterations that wrote a row, by outcome")
                .tags("worker", worker, "perspective", perspective, "status", row.status() == null ? "unknown" : row.status().label())
                .register(meters).increment();
        Timer.builder("autocoder.iteration.duration")
                .description("Time one iteration took, from its start to its row")
                .tags("worker", worker, "perspective", perspective)
                .register(meters).record(Duration.ofMillis(Math.max(0, row.durationMs())));
        Counter.builder("autocoder.rows.written")
                .description("Rows appended to a dataset")
                .tags("dataset", dataset)
                .register(meters).increment();
        gauges(worker, perspective);
        refreshQualityScores();
        if (row.targetId() != null) {
            latestResults.findingsOfTarget(worker, row.targetId()).ifPresent(counts -> setTargetFindings(worker, row.targetId(), counts));
        }
        forgetUnlistedTargets();
    }

    /** Registers the gauges of every configured perspective, so they exist before the first row. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerKnownGauges() {
        if (meters == null) {
            return;
        }
        for (WorkerState state : workers.all()) {
            String worker = state.definition().worker();
            state.definition().perspectives().forEach(p -> gauges(worker, p));
            latestResults.perspectives(worker).forEach(p -> gauges(worker, p));
        }
        refreshQualityScores();
        for (WorkerState state : workers.all()) {
            String worker = state.definition().worker();
            latestResults.listedTargets().forEach(target -> latestResults.findingsOfTarget(worker, target)
                    .ifPresent(counts -> setTargetFindings(worker, target, counts)));
        }
    }

    /**
     * One quality-score series per perspective whose latest ok row has a score. Scores change only when a row is
     * written (or at start-up), so the series are set then; a perspective whose score is gone loses its series.
     */
    private synchronized void refreshQualityScores() {
        Map<Tags, Number> scores = new HashMap<>();
        for (String key : gauged) {
            String worker = key.substring(0, key.indexOf('\u0000'));
            String perspective = key.substring(key.indexOf('\u0000') + 1);
            latestResults.qualityScore(worker, perspective).ifPresent(score ->
                    scores.put(Tags.of("worker", worker, "perspective", perspective), score));
        }
        qualityScores.set(scores);
    }

    /** The pair's findings, and its series if it has none yet. */
    private synchronized void setTargetFindings(String worker, String target, FindingCounts counts) {
        targetFindings.computeIfAbsent(new TargetPair(worker, target), pair -> {
            AtomicReference<FindingCounts> current = new AtomicReference<>(counts);
            return new PairSeries(current, Arrays.stream(Severity.values())
                    .map(severity -> Gauge.builder("autocoder.target.findings", () -> current.get().count(Scope.MAIN, severity))
                            .description("Findings in main code of each listed target's current results over the worker's perspectives")
                            .tags("worker", worker, "target", target, "severity", severity.label())
                            .register(meters))
                    .toList());
        }).counts().set(counts);
    }

    /** Removes the series of the targets no longer listed. */
    private synchronized void forgetUnlistedTargets() {
        Set<String> listed = latestResults.listedTargets();
        targetFindings.entrySet().removeIf(entry -> {
            boolean gone = !listed.contains(entry.getKey().target());
            if (gone) {
                entry.getValue().gauges().forEach(meters::remove);
            }
            return gone;
        });
    }

    private void gauges(String worker, String perspective) {
        if (!gauged.add(worker + '\u0000' + perspective)) {
            return;
        }
        // every series of the name has the same tag keys (Prometheus requires it): one per scope and severity
        for (Scope scope : Scope.values()) {
            for (Severity severity : Severity.values()) {
                Gauge.builder("autocoder.findings", () -> latestResults.findings(worker, perspective)
                                .map(counts -> counts.count(scope, severity)).orElse(0))
                        .description("Findings of the perspective's current result (every target's, summed), all of them, by scope and severity")
                        .tags("worker", worker, "perspective", perspective, "scope", scope.label(), "severity", severity.label())
                        .register(meters);
            }
        }
    }
}
