package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.worker.Finding;
import dev.autocoder.workers.worker.Row;
import dev.autocoder.workers.worker.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregated insights of one worker: totals, findings by severity and by perspective, the latest quality
 * score per perspective, cumulative counters of later workers' rows, and the most severe current findings.
 *
 * @param openFindings       findings of every perspective's latest ok result, summed
 * @param findingsBySeverity findings listed in those results by severity
 * @param counters           cumulative counters (any numeric field of {@code cumulative_*} extra columns)
 */
public record WorkerInsights(String worker, long rows, long okRows, long errorRows, long skippedRows,
                             long newFindings, long resolvedFindings, int openFindings,
                             Map<String, Integer> findingsBySeverity, List<PerspectiveInsight> perspectives,
                             Map<String, Double> counters, List<TopFinding> topFindings) {

    /** The latest state of one perspective. */
    public record PerspectiveInsight(String id, String name, long rows, Double qualityScore, int openFindings,
                                     boolean truncated, String latestStatus, Instant latestAt) {
    }

    /** A current finding with the perspective that found it. */
    public record TopFinding(String perspective, String perspectiveName, String severity, String rule, String file,
                             Integer line, String message) {
        public String location() {
            return file == null ? "" : line == null ? file : file + ":" + line;
        }
    }

    static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing((Finding f) -> f.severity() == null ? Severity.INFO : f.severity())
            .thenComparing(f -> f.file() == null ? "" : f.file())
            .thenComparingInt(Finding::lineOrZero);

    /** Builds the insights, perspectives in rotation order (others after), with at most {@code top} findings. */
    static WorkerInsights of(WorkerAggregate aggregate, List<String> rotation, int top) {
        List<PerspectiveAggregate> ordered = new ArrayList<>(aggregate.perspectives());
        ordered.sort(Comparator.comparingInt(p -> {
            int index = rotation.indexOf(p.id());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.label(), 0);
        }
        List<PerspectiveInsight> perspectives = new ArrayList<>();
        List<TopFinding> findings = new ArrayList<>();
        int open = 0;
        for (PerspectiveAggregate p : ordered) {
            p.listedBySeverity().forEach((severity, count) -> bySeverity.merge(severity.label(), count, Integer::sum));
            open += p.openFindings();
            Row latest = p.latest();
            perspectives.add(new PerspectiveInsight(p.id(), p.name(), p.rows(), p.qualityScore(), p.openFindings(),
                    p.truncated(), latest == null || latest.status() == null ? null : latest.status().label(),
                    latest == null ? null : WorkerAccumulator.instantOf(latest)));
            if (p.latestOk() != null) {
                p.latestOk().findings().stream().sorted(MOST_SEVERE_FIRST).limit(top).forEach(f -> findings.add(
                        new TopFinding(p.id(), p.name(), f.severity() == null ? null : f.severity().label(), f.rule(),
                                f.file(), f.line(), f.message())));
            }
        }
        findings.sort(Comparator.comparing((TopFinding f) -> f.severity() == null ? Severity.INFO : Severity.of(f.severity()))
                .thenComparing(f -> f.file() == null ? "" : f.file())
                .thenComparing(f -> f.line() == null ? 0 : f.line()));
        return new WorkerInsights(aggregate.worker(), aggregate.rows(), aggregate.okRows(), aggregate.errorRows(),
                aggregate.skippedRows(), aggregate.newFindings(), aggregate.resolvedFindings(), open, bySeverity,
                perspectives, aggregate.counters(), findings.size() > top ? List.copyOf(findings.subList(0, top)) : findings);
    }
}
