package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The quality gate of a list of targets: the worst of its targets' own gates (one failing repository fails it, one
 * that cannot be told yet leaves it unknown), with each target's verdict beside it. There are no conditions of its
 * own: each target is judged against the conditions on its own rows and its own git history.
 *
 * @param reason what the verdict rests on, e.g. "1 of 3 repositories fails the gate: alpha"
 */
record FleetGateReport(
        GateStatus status,
        @JsonProperty("evaluated_at") String evaluatedAt,
        String reason,
        List<TargetVerdict> targets) {

    /** One target's gate in a line: its verdict, why it cannot be told, and the conditions it fails. */
    public record TargetVerdict(
            @JsonProperty("target_id") String targetId,
            String repository,
            String commit,
            GateStatus status,
            String reason,
            @JsonProperty("failed_conditions") List<String> failedConditions,
            String url) {
    }

    static FleetGateReport of(List<TargetVerdict> targets, String evaluatedAt) {
        List<String> failed = targets.stream().filter(t -> t.status() == GateStatus.FAILED).map(FleetGateReport::name).toList();
        List<String> unknown = targets.stream().filter(t -> t.status() != GateStatus.FAILED && t.status() != GateStatus.PASSED)
                .map(FleetGateReport::name).toList();
        int all = targets.size();
        if (all == 0) {
            return new FleetGateReport(GateStatus.UNKNOWN, evaluatedAt, "the list of targets is empty", targets);
        }
        if (!failed.isEmpty()) {
            return new FleetGateReport(GateStatus.FAILED, evaluatedAt, failed.size() + " of " + all
                    + (all == 1 ? " repository fails" : " repositories fail") + " the gate: " + String.join(", ", failed), targets);
        }
        if (!unknown.isEmpty()) {
            return new FleetGateReport(GateStatus.UNKNOWN, evaluatedAt, "the gate of " + unknown.size() + " of " + all
                    + (all == 1 ? " repository" : " repositories") + " cannot be told yet: " + String.join(", ", unknown), targets);
        }
        return new FleetGateReport(GateStatus.PASSED, evaluatedAt, "every repository (" + all + ") passes the gate", targets);
    }

    private static String name(TargetVerdict verdict) {
        return verdict.repository() == null ? verdict.targetId() : verdict.repository();
    }
}
