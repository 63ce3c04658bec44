package dev.autocoder.workers.row;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset row: the row contract every worker publishes (see README, "Row contract").
 * <p>
 * Every row of a dataset has the same keys with the same JSON types; values that do not apply are null,
 * lists are empty, never absent. Perspective-specific structure travels in {@code details}, a JSON-encoded
 * string, so the column types never change with the perspective. Workers that need more columns add them
 * through {@link #extraColumns()} with a fixed shape of their own.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonPropertyOrder({"schema_version", "worker", "iteration", "timestamp", "perspective_number", "perspective_id",
        "perspective_name", "repository", "target_id", "commit", "duration_ms", "status", "error", "reason", "summary", "quality_score",
        "issues_found", "findings", "finding_groups", "new_findings", "resolved_findings", "recommendations", "metrics", "details"})
public record Row(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("worker") String worker,
        @JsonProperty("iteration") long iteration,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("perspective_number") int perspectiveNumber,
        @JsonProperty("perspective_id") String perspectiveId,
        @JsonProperty("perspective_name") String perspectiveName,
        @JsonProperty("repository") String repository,
        @JsonProperty("target_id") String targetId,
        @JsonProperty("commit") String commit,
        @JsonProperty("duration_ms") long durationMs,
        @JsonProperty("status") Status status,
        @JsonProperty("error") String error,
        @JsonProperty("reason") String reason,
        @JsonProperty("summary") String summary,
        @JsonProperty("quality_score") Double qualityScore,
        @JsonProperty("issues_found") int issuesFound,
        @JsonProperty("findings") List<Finding> findings,
        @JsonProperty("finding_groups") List<FindingGroup> findingGroups,
        @JsonProperty("new_findings") Integer newFindings,
        @JsonProperty("resolved_findings") Integer resolvedFindings,
        @JsonProperty("recommendations") List<String> recommendations,
        @JsonProperty("metrics") List<Metric> metrics,
        @JsonProperty("details") String details,
        Map<String, Object> extraColumns) {

    /** 2: findings carry a scope, and rows have finding_groups. */
    public static final int SCHEMA_VERSION = 2;

    /** The columns every row of every worker has, in order; a worker's own columns follow them. */
    public static final List<String> COMMON_COLUMNS = List.of("schema_version", "worker", "iteration", "timestamp",
            "perspective_number", "perspective_id", "perspective_name", "repository", "target_id", "commit", "duration_ms", "status",
            "error", "reason", "summary", "quality_score", "issues_found", "findings", "finding_groups", "new_findings", "resolved_findings",
            "recommendations", "metrics", "details");

    /**
     * A row without a target id (rows written before targets had ids, and tests of one repository); the id is
     * null, so the column is still there.
     */
    public Row(int schemaVersion, String worker, long iteration, String timestamp, int perspectiveNumber,
               String perspectiveId, String perspectiveName, String repository, String commit, long durationMs,
               Status status, String error, String reason, String summary, Double qualityScore, int issuesFound,
               List<Finding> findings, List<FindingGroup> findingGroups, Integer newFindings, Integer resolvedFindings,
               List<String> recommendations, List<Metric> metrics, String details, Map<String, Object> extraColumns) {
        this(schemaVersion, worker, iteration, timestamp, perspectiveNumber, perspectiveId, perspectiveName, repository,
                null, commit, durationMs, status, error, reason, summary, qualityScore, issuesFound, findings,
                findingGroups, newFindings, resolvedFindings, recommendations, metrics, details, extraColumns);
    }

    /** A row without finding groups (rows of schema version 1, and tests that do not look at groups). */
    public Row(int schemaVersion, String worker, long iteration, String timestamp, int perspectiveNumber,
               String perspectiveId, String perspectiveName, String repository, String commit, long durationMs,
               Status status, String error, String reason, String summary, Double qualityScore, int issuesFound,
               List<Finding> findings, Integer newFindings, Integer resolvedFindings, List<String> recommendations,
               List<Metric> metrics, String details, Map<String, Object> extraColumns) {
        this(schemaVersion, worker, iteration, timestamp, perspectiveNumber, perspectiveId, perspectiveName, repository,
                commit, durationMs, status, error, reason, summary, qualityScore, issuesFound, findings, List.of(),
                newFindings, resolvedFindings, recommendations, metrics, details, extraColumns);
    }

    public Row {
        findings = findings == null ? List.of() : List.copyOf(findings);
        findingGroups = findingGroups == null ? List.of() : List.copyOf(findingGroups);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        extraColumns = extraColumns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extraColumns);
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> extraColumns() {
        return extraColumns;
    }

    @JsonAnySetter
    void putExtraColumn(String name, Object value) {
        extraColumns.put(name, value);
    }

    /** The value of a metric by name, if the row has it. */
    public java.util.OptionalDouble metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).findFirst();
    }
}
