package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.AppliesTo;
import dev.autocoder.workers.analysis.severity.RuleSeverity;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.analysis.severity.TestFramework;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PMD violations a perspective reports, as findings, metrics and recommendations, the same way for every
 * perspective.
 * <p>
 * Severity comes from the engine's {@link SeverityTable}; a rule the table does not name keeps its PMD priority
 * (1..5 = critical..info). A violation is reported only where its rule applies ({@link AppliesTo}: main-only
 * rules not on test and fixture files, test rules only on test files, framework-specific test rules only when the
 * build declares that framework alone), and on generated files only for the security rules. Filtering happens
 * after PMD, so the engine's per-content cache is unaffected.
 */
public final class PmdFindings {

    private final List<Reported> reported;
    private final int outOfScope;

    /** One reported violation with its calibrated severity and its file's scope. */
    private record Reported(PmdViolation violation, Severity severity, Scope scope) {
    }

    private PmdFindings(List<Reported> reported, int outOfScope) {
        this.reported = reported;
        this.outOfScope = outOfScope;
    }

    /** The violations that apply where they were found, with severity from the table. */
    public static PmdFindings of(Collection<PmdViolation> violations, Snapshot snapshot, SeverityTable severities) {
        Set<TestFramework> frameworks = violations.isEmpty() ? Set.of() : TestFramework.declaredIn(snapshot);
        return of(violations, snapshot::scopeOf, frameworks, severities);
    }

    static PmdFindings of(Collection<PmdViolation> violations, Function<String, Scope> scopeOf,
                          Set<TestFramework> frameworks, SeverityTable severities) {
        List<Reported> reported = new ArrayList<>();
        for (PmdViolation violation : violations) {
            Scope scope = scopeOf.apply(violation.path());
            RuleSeverity rule = severities.rule(violation.rule()).orElse(null);
            AppliesTo appliesTo = rule == null ? AppliesTo.ALL : rule.appliesTo();
            boolean security = PmdCategories.SECURITY.contains(violation.ruleSet());
            if (appliesTo.covers(scope, frameworks) && (scope != Scope.GENERATED || security)) {
                Severity severity = rule == null ? Severity.fromPmdPriority(violation.priority()) : rule.severity();
                reported.add(new Reported(violation, severity, scope));
            }
        }
        return new PmdFindings(List.copyOf(reported), violations.size() - reported.size());
    }

    /**
     * Findings of every violation, without scope filtering and with the shipped table's severities: for callers
     * that need the findings' identity (id, place) rather than what a row reports.
     */
    public static List<Finding> of(Collection<PmdViolation> violations) {
        SeverityTable shipped = SeverityTable.shipped();
        return violations.stream().map(v -> of(v, shipped)).toList();
    }

    /** One violation's finding, unfiltered, with the shipped table's severity (see {@link #of(Collection)}). */
    public static Finding of(PmdViolation violation) {
        return of(violation, SeverityTable.shipped());
    }

    private static Finding of(PmdViolation violation, SeverityTable severities) {
        return finding(violation, severities.rule(violation.rule()).map(RuleSeverity::severity)
                .orElseGet(() -> Severity.fromPmdPriority(violation.priority())), null);
    }

    private static Finding finding(PmdViolation violation, Severity severity, Scope scope) {
        return Finding.of(violation.rule(), violation.ruleSet(), severity, violation.path(), violation.beginLine(),
                violation.endLine(), violation.message(), violation.snippet()).withScope(scope);
    }

    /** The reported violations, in the order they were given. */
    public List<PmdViolation> violations() {
        return reported.stream().map(Reported::violation).toList();
    }

    /** Rule, category (the rule's ruleset), calibrated severity, scope, place and PMD's message. */
    public List<Finding> findings() {
        return reported.stream().map(r -> finding(r.violation(), r.severity(), r.scope())).toList();
    }

    /** Violations not reported because their rule does not apply to their file's scope. */
    public int outOfScope() {
        return outOfScope;
    }

    /**
     * {@code pmd_violations} (reported), {@code pmd_violations_out_of_scope} and one {@code pmd.<RuleName>} count
     * per reported rule, sorted by rule name.
     */
    public List<Metric> ruleCountMetrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("pmd_violations", reported.size()));
        metrics.add(Metric.of("pmd_violations_out_of_scope", outOfScope));
        PmdReport.countByRule(violations()).forEach((rule, count) -> metrics.add(Metric.of("pmd." + rule, count)));
        return metrics;
    }

    /**
     * One recommendation per rule for the {@code limit} rules with the most weight (count times calibrated severity
     * weight), each naming the first place to look at.
     */
    public List<String> topRuleRecommendations(int limit) {
        Map<String, List<Reported>> byRule = reported.stream().collect(Collectors.groupingBy(r -> r.violation().rule()));
        return byRule.values().stream()
                .sorted(Comparator.comparingDouble((List<Reported> l) ->
                                l.stream().mapToDouble(r -> SeverityWeights.of(r.severity())).sum()).reversed()
                        .thenComparing(l -> l.get(0).violation().rule()))
                .limit(limit)
                .map(l -> {
                    Reported first = l.stream().min(Comparator.comparing(Reported::severity)
                            .thenComparing(Reported::scope)).orElseThrow();
                    PmdViolation v = first.violation();
                    return "Fix the " + l.size() + " " + v.rule() + " violation" + (l.size() == 1 ? "" : "s")
                            + " (" + v.ruleSet() + ", " + first.severity().label()
                            + "), starting with " + v.path() + ":" + v.beginLine() + ": " + v.message();
                })
                .toList();
    }
}
