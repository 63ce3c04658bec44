package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The quality gate at one moment: its status, each condition with its value, the new-code baseline, new against
 * overall findings per perspective, and the latest findings with their baseline state (absent ones included).
 *
 * @param repository  the analyzed repository as the rows name it
 * @param commit      the newest analyzed commit
 * @param reason      why the gate cannot be told at all (no rows yet, no new-code baseline); null otherwise
 */
public record GateReport(
        GateStatus status,
        String repository,
        String commit,
        @JsonProperty("evaluated_at") String evaluatedAt,
        String reason,
        @JsonProperty("new_code") NewCodeBaseline newCode,
        List<ConditionResult> conditions,
        List<PerspectiveNewCode> perspectives,
        List<ClassifiedFinding> findings) {

    /** The findings new since the baseline. */
    @JsonIgnore
    public List<ClassifiedFinding> newFindings() {
        return findings.stream().filter(ClassifiedFinding::isNew).toList();
    }

    /** The same report without the finding list (for the dashboard and the rows). */
    public GateReport summary() {
        return new GateReport(status, repository, commit, evaluatedAt, reason, newCode, conditions, perspectives, List.of());
    }
}
