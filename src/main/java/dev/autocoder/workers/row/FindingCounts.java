package dev.autocoder.workers.row;

import dev.autocoder.workers.repository.Scope;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many findings one result has, by scope and severity.
 * <p>
 * A row of schema 2 counts all of its findings in the metrics {@code findings_<scope>} and
 * {@code findings.<scope>.<severity>} (a severity without findings has no metric): those counts are complete.
 * An older row has neither; its counts come from the findings it lists, every one in main scope, and are
 * incomplete when it lists fewer than it found ({@code issues_found}).
 *
 * @param counts   findings by scope and severity, every scope and severity present
 * @param complete true when the counts cover every finding, false when they cover only the listed ones
 * @param found    the result's {@code issues_found}
 */
public record FindingCounts(Map<Scope, Map<Severity, Integer>> counts, boolean complete, int found) {

    private static final FindingCounts NONE = new FindingCounts(freeze(zeros()), true, 0);

    public static FindingCounts of(Row row) {
        if (row == null) {
            return NONE;
        }
        Map<Scope, Map<Severity, Integer>> counts = zeros();
        if (row.metric("findings_" + Scope.MAIN.label()).isPresent()) {
            for (Scope scope : Scope.values()) {
                for (Severity severity : Severity.values()) {
                    counts.get(scope).put(severity, (int) row.metric("findings." + scope.label() + "." + severity.label()).orElse(0));
                }
            }
            return new FindingCounts(freeze(counts), true, row.issuesFound());
        }
        for (Finding finding : row.findings()) {
            counts.get(finding.scopeOrMain()).merge(finding.severity() == null ? Severity.INFO : finding.severity(), 1, Integer::sum);
        }
        return new FindingCounts(freeze(counts), row.findings().size() >= row.issuesFound(), row.issuesFound());
    }

    /** These counts and another result's, summed (several targets' results): complete when both are. */
    public FindingCounts plus(FindingCounts other) {
        Map<Scope, Map<Severity, Integer>> sum = zeros();
        for (Scope scope : Scope.values()) {
            for (Severity severity : Severity.values()) {
                sum.get(scope).put(severity, count(scope, severity) + other.count(scope, severity));
            }
        }
        return new FindingCounts(freeze(sum), complete && other.complete, found + other.found);
    }

    public int count(Scope scope, Severity severity) {
        return counts.get(scope).get(severity);
    }

    /**
     * Findings in a scope. Complete counts sum their severities; for an incomplete (older) row, main is what it
     * found less what it lists in other scopes, since only the listed findings have a known scope.
     */
    public int total(Scope scope) {
        int listed = counts.get(scope).values().stream().mapToInt(Integer::intValue).sum();
        if (complete || scope != Scope.MAIN) {
            return listed;
        }
        int elsewhere = 0;
        for (Scope other : Scope.values()) {
            if (other != Scope.MAIN) {
                elsewhere += total(other);
            }
        }
        return Math.max(listed, found - elsewhere);
    }

    private static Map<Scope, Map<Severity, Integer>> zeros() {
        Map<Scope, Map<Severity, Integer>> counts = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, 0);
            }
            counts.put(scope, bySeverity);
        }
        return counts;
    }

    private static Map<Scope, Map<Severity, Integer>> freeze(Map<Scope, Map<Severity, Integer>> counts) {
        counts.replaceAll((scope, bySeverity) -> Collections.unmodifiableMap(bySeverity));
        return Collections.unmodifiableMap(counts);
    }
}
