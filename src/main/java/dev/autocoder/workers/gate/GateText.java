package dev.autocoder.workers.gate;

/** The gate as plain text for a CI log: the verdict, each condition, new against overall per perspective, new findings. */
final class GateText {

    private GateText() {
    }

    static String of(GateReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Quality gate: ").append(report.status().label().toUpperCase(java.util.Locale.ROOT)).append('\n');
        String baselineMissing = report.newCode() != null && !report.newCode().isResolved() ? report.newCode().reason() : null;
        if (report.reason() != null && !report.reason().equals(baselineMissing)) {
            text.append("  ").append(report.reason()).append('\n');
        }
        if (report.newCode() != null) {
            text.append("New code since: ").append(report.newCode().isResolved() ? report.newCode().description()
                    : "cannot tell (" + report.newCode().reason() + ")").append(" [").append(report.newCode().setting()).append("]\n");
        }
        text.append("Conditions:\n");
        for (ConditionResult c : report.conditions()) {
            text.append("  [").append(c.status().label()).append("] ").append(new GateCondition(c.metric(), c.operator(),
                    c.threshold())).append(": ").append(c.value() == null ? "-" : (c.atLeast() ? "at least " : "") + number(c.value()))
                    // the baseline's long reason is printed once above, not on every condition
                    .append(" (").append(c.detail() != null && c.detail().equals(baselineMissing) ? "no new-code baseline yet"
                            : c.detail()).append(")\n");
        }
        if (!report.perspectives().isEmpty()) {
            text.append("New / overall findings:\n");
            report.perspectives().forEach(p -> text.append("  ").append(p.perspective()).append(": ").append(newCount(p, "-"))
                    .append(" / ").append(p.overall()).append(p.undecided() > 0 ? " (" + undecided(p) + ")" : "").append('\n'));
        }
        var fresh = report.newFindings();
        text.append("New findings: ").append(fresh.size()).append('\n');
        fresh.forEach(f -> text.append("  ").append(f.finding().severity() == null ? "info" : f.finding().severity().label())
                .append(' ').append(f.finding().rule()).append(' ').append(f.finding().file() == null ? "" : f.finding().file())
                .append(f.finding().line() == null ? "" : ":" + f.finding().line()).append(' ')
                .append(f.finding().message()).append('\n'));
        return text.toString();
    }

    /** A perspective's new findings, or {@code unknown} when not one of them could be told new or not (no baseline). */
    static String newCount(PerspectiveNewCode perspective, String unknown) {
        return perspective.undecided() > 0 && perspective.undecided() >= perspective.overall() ? unknown
                : Integer.toString(perspective.newCount());
    }

    /** The note beside a perspective's counts on the page; without a baseline the "—" says it (the reason is given once). */
    static String undecidedNote(PerspectiveNewCode perspective, boolean baselineMissing) {
        return baselineMissing && perspective.undecided() >= perspective.overall() ? "" : undecided(perspective);
    }

    static String undecided(PerspectiveNewCode perspective) {
        if (perspective.undecided() <= 0) {
            return "";
        }
        return perspective.undecided() >= perspective.overall() ? "none could be told new or not"
                : perspective.undecided() + " could not be told new or not";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
