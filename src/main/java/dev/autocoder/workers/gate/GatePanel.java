package dev.autocoder.workers.gate;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The quality gate on the dashboard's first screen: display strings only (the template escapes every one). */
@Component
public class GatePanel {

    private final QualityGate gate;

    public GatePanel(QualityGate gate) {
        this.gate = gate;
    }

    /** @param query "?target=<id>" when the page shows one target (the API links carry it), else "" */
    public record GatePart(String status, String label, String baseline, String reason, boolean hasReason,
                           List<ConditionLine> conditions, List<PerspectiveLine> perspectives, boolean hasPerspectives,
                           String query, List<TargetLine> targets) {

        public boolean hasConditions() {
            return !conditions.isEmpty();
        }

        public boolean hasTargets() {
            return !targets.isEmpty();
        }
    }

    /** A repository of the list in the fleet's gate: its verdict, what it fails or why it cannot be told, its page. */
    public record TargetLine(String status, String repository, String href, String detail) {
    }

    public record ConditionLine(String status, String condition, String value, String detail) {
    }

    /** @param newFindings "—" when none of the perspective's findings could be told new or not */
    public record PerspectiveLine(String perspective, String newFindings, int overall, String undecided) {
    }

    /** The gate of one target ({@code targetId} null: the single target's). */
    public GatePart part(String targetId, String query) {
        GateReport report = gate.current(targetId).summary();
        NewCodeBaseline baseline = report.newCode();
        String since = baseline == null ? "—" : baseline.isResolved() ? baseline.description()
                : "cannot tell: " + baseline.reason();
        // a missing baseline's long reason shows once (beside "New code since"), not on every line
        String missing = baseline != null && !baseline.isResolved() ? baseline.reason() : null;
        List<ConditionLine> conditions = report.conditions().stream().map(c -> new ConditionLine(c.status().label(),
                c.condition(),
                c.value() == null ? "—" : (c.atLeast() ? "≥ " : "") + number(c.value()),
                c.detail() != null && c.detail().equals(missing) ? "no new-code baseline yet" : c.detail())).toList();
        String reason = report.reason() != null && report.reason().equals(missing) ? null : report.reason();
        List<PerspectiveLine> perspectives = report.perspectives().stream().map(p -> new PerspectiveLine(p.perspective(),
                GateText.newCount(p, "—"), p.overall(), GateText.undecidedNote(p, missing != null))).toList();
        return new GatePart(report.status().label(), "Quality gate: " + report.status().label().toUpperCase(Locale.ROOT),
                since, reason, reason != null, conditions, perspectives, !perspectives.isEmpty(), query, List.of());
    }

    /** The gate of a list of targets (target id → repository): the worst of theirs, one line per repository. */
    public GatePart fleetPart(Map<String, String> targets) {
        FleetGateReport report = gate.fleet(targets);
        List<TargetLine> lines = report.targets().stream().map(t -> new TargetLine(t.status().label(), t.repository(),
                "/?target=" + t.targetId(), t.status() == GateStatus.FAILED ? "fails " + String.join(", ", t.failedConditions())
                        : t.reason() == null ? "" : t.reason())).toList();
        return new GatePart(report.status().label(), "Quality gate: " + report.status().label().toUpperCase(Locale.ROOT),
                "each repository's own", report.reason(), report.reason() != null, List.of(), List.of(), false, "", lines);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
