package dev.autocoder.workers.worker;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Status;
import java.util.List;
import java.util.Map;

/**
 * What a perspective computed. Findings are complete here (not capped); the row caps and sorts them.
 *
 * @param status         ok, or skipped when the perspective could not say anything (reason says why)
 * @param reason         why the result is skipped or partial; null when it is a plain ok
 * @param summary        one or two sentences a person reads first
 * @param qualityScore   0..1 by the perspective's documented formula; null when it does not apply
 * @param findings       every finding, uncapped
 * @param recommendations derived from the findings, most important first
 * @param metrics        the perspective's numbers
 * @param details        perspective-specific structure (published as a JSON-encoded string column)
 * @param columns        values of the worker's own row columns (see {@link WorkerColumns}); empty for workers
 *                       that only use the common contract
 */
public record PerspectiveResult(
        Status status,
        String reason,
        String summary,
        Double qualityScore,
        List<Finding> findings,
        List<String> recommendations,
        List<Metric> metrics,
        Map<String, Object> details,
        Map<String, Object> columns) {

    public PerspectiveResult(Status status, String reason, String summary, Double qualityScore, List<Finding> findings,
                             List<String> recommendations, List<Metric> metrics, Map<String, Object> details) {
        this(status, reason, summary, qualityScore, findings, recommendations, metrics, details, Map.of());
    }

    public PerspectiveResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        details = details == null ? Map.of() : details;
        columns = columns == null ? Map.of() : columns;
    }

    public static PerspectiveResult ok(String summary, Double qualityScore, List<Finding> findings,
                                       List<String> recommendations, List<Metric> metrics, Map<String, Object> details) {
        return new PerspectiveResult(Status.OK, null, summary, qualityScore, findings, recommendations, metrics, details);
    }

    /** The same result with other findings (the same findings with their scopes filled in). */
    public PerspectiveResult withFindings(List<Finding> newFindings) {
        return new PerspectiveResult(status, reason, summary, qualityScore, newFindings, recommendations, metrics,
                details, columns);
    }

    /** The same result with the worker's own column values. */
    public PerspectiveResult withColumns(Map<String, Object> values) {
        return new PerspectiveResult(status, reason, summary, qualityScore, findings, recommendations, metrics, details,
                values);
    }

    public static PerspectiveResult skipped(String reason, List<Metric> metrics) {
        return new PerspectiveResult(Status.SKIPPED, reason, reason, null, List.of(), List.of(), metrics, Map.of());
    }
}
