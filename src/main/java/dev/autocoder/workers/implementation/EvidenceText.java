package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.implementation.row.Evidence;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;

import java.util.List;

/** The facts of a task as plain text for the language model's {@code {{evidence}}} (redacted before sending). */
public final class EvidenceText {

    /** A file up to this many lines goes into the implementation-plan prompt whole. */
    static final int WHOLE_FILE_LINES = 400;
    /** Larger files: this many lines either side of the finding. */
    static final int WINDOW_LINES = 60;

    private EvidenceText() {
    }

    public static String of(TaskAtHead facts) {
        StringBuilder text = new StringBuilder();
        var location = facts.location();
        text.append("File: ").append(facts.task().file()).append(" (").append(facts.place()).append(")\n");
        if (location.className() != null) {
            text.append("Type: ").append(location.className()).append('\n');
        }
        if (location.method() != null) {
            text.append("Method: ").append(location.method()).append(" (lines ").append(location.methodBeginLine())
                    .append('-').append(location.methodEndLine()).append(", cyclomatic complexity ")
                    .append(location.complexity()).append(")\n");
        } else if (location.member() != null) {
            text.append("Declaration: ").append(location.member()).append('\n');
        }
        Evidence evidence = facts.evidence();
        if (evidence.excerpt() != null) {
            text.append("Code (lines ").append(evidence.startLine()).append('-').append(evidence.endLine()).append("):\n")
                    .append(numbered(evidence.excerpt(), evidence.startLine())).append('\n');
        }
        List<CodeReference> callers = facts.callers();
        text.append("Callers: ").append(Plural.of(callers.size(), "call site")).append(" in ")
                .append(Plural.of(facts.callingClasses(), "class"));
        callers.stream().limit(5).forEach(c -> text.append("\n  ").append(c.className()).append('#').append(c.method())
                .append(" at ").append(c.file()).append(':').append(c.line()).append(": ").append(c.text()));
        text.append('\n');
        List<Finding> others = facts.otherFindingsInFile();
        if (!others.isEmpty()) {
            text.append("Other findings in this file:");
            others.stream().limit(5).forEach(f -> text.append("\n  ").append(f.rule()).append(" (").append(f.severity().label())
                    .append(") at line ").append(f.line()).append(": ").append(f.message()));
            text.append('\n');
        }
        Integer commits = facts.commits();
        text.append("Churn: ").append(commits == null ? "no git history" : Plural.of(commits, "commit") + " in the churn window").append('\n');
        return text.toString();
    }

    /** The current text of the file for a patch: whole when small, else a window around the finding. */
    public static String fileText(TaskAtHead facts) {
        var code = facts.code();
        if (!code.readable()) {
            return "(the file cannot be read: " + code.problem() + ")";
        }
        int total = code.lines().size();
        if (total <= WHOLE_FILE_LINES) {
            return "Current content of " + facts.task().file() + " (" + Plural.of(total, "line") + "):\n```\n" + code.text()
                    + (code.text().endsWith("\n") ? "" : "\n") + "```\n";
        }
        int line = facts.task().line() == null ? 1 : facts.task().line();
        int from = Math.max(1, line - WINDOW_LINES);
        int to = Math.min(total, line + WINDOW_LINES);
        return "Lines " + from + "-" + to + " of " + total + " of " + facts.task().file() + ":\n```\n"
                + code.excerpt(from, to) + "\n```\n";
    }

    private static String numbered(String excerpt, int firstLine) {
        StringBuilder out = new StringBuilder();
        String[] lines = excerpt.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%5d | %s", firstLine + i, lines[i]));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
