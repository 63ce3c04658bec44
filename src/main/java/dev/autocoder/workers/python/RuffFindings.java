package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ruff violations a perspective reports, as findings, metrics and recommendations, the way
 * {@link dev.autocoder.workers.analysis.pmd.PmdFindings} does it for PMD: severity and applicability from
 * {@link RuffRules} (the severity table {@code severity/ruff-python.tsv}), each file's scope from the snapshot
 * (tests/, test_*.py, *_test.py, conftest.py, fixture folders), and on generated files only the security rules.
 */
public final class RuffFindings {

    private record Reported(RuffViolation violation, Severity severity, Scope scope) {
    }

    private final List<Reported> reported;
    private final int outOfScope;

    private RuffFindings(List<Reported> reported, int outOfScope) {
        this.reported = reported;
        this.outOfScope = outOfScope;
    }

    /** The violations of one perspective that apply where they were found. */
    public static RuffFindings of(PythonLint lint, RuffRules.Perspective perspective, Snapshot snapshot) {
        return of(lint.violationsFor(perspective), snapshot::scopeOf);
    }

    static RuffFindings of(List<RuffViolation> violations, Function<String, Scope> scopeOf) {
        RuffRules rules = RuffRules.shipped();
        List<Reported> reported = new ArrayList<>();
        for (RuffViolation violation : violations) {
            Scope scope = scopeOf.apply(violation.path());
            boolean security = rules.perspective(violation.code()) == RuffRules.Perspective.SECURITY;
            if (rules.appliesTo(violation.code()).covers(scope, Set.of()) && (scope != Scope.GENERATED || security)) {
                reported.add(new Reported(violation, rules.severityOf(violation.code()), scope));
            }
        }
        return new RuffFindings(List.copyOf(reported), violations.size() - reported.size());
    }

    /** A finding for one violation: rule = ruff's code, category = its family, ruff's message. */
    public static Finding finding(RuffViolation violation, Severity severity, Scope scope) {
        RuffDiagnostic d = violation.diagnostic();
        return Finding.of(d.code(), RuffRules.shipped().category(d.code()), severity, violation.path(), d.row(),
                d.endRow(), d.message(), d.snippet()).withScope(scope);
    }

    public List<RuffViolation> violations() {
        return reported.stream().map(Reported::violation).toList();
    }

    public List<Finding> findings() {
        return reported.stream().map(r -> finding(r.violation(), r.severity(), r.scope())).toList();
    }

    public int outOfScope() {
        return outOfScope;
    }

    /** {@code ruff_violations}, {@code ruff_violations_out_of_scope} and one {@code ruff.<CODE>} count per rule. */
    public List<Metric> ruleCountMetrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("ruff_violations", reported.size()));
        metrics.add(Metric.of("ruff_violations_out_of_scope", outOfScope));
        PythonLint.countByRule(violations()).forEach((rule, count) -> metrics.add(Metric.of("ruff." + rule, count)));
        return metrics;
    }

    /**
     * One recommendation per rule for the {@code limit} rules with the most weight (count times severity weight),
     * naming the first place to look at (most severe, main code first) and ruff's fix where it has one.
     */
    public List<String> topRuleRecommendations(int limit) {
        Map<String, List<Reported>> byRule = reported.stream().collect(Collectors.groupingBy(r -> r.violation().code()));
        return byRule.values().stream()
                .sorted(Comparator.comparingDouble((List<Reported> l) ->
                                l.stream().mapToDouble(r -> SeverityWeights.of(r.severity())).sum()).reversed()
                        .thenComparing(l -> l.get(0).violation().code()))
                .limit(limit)
                .map(l -> {
                    Reported first = l.stream().min(Comparator.comparing(Reported::severity)
                            .thenComparing(Reported::scope)).orElseThrow();
                    RuffViolation v = first.violation();
                    RuffDiagnostic d = v.diagnostic();
                    return "Fix the " + l.size() + " " + v.code() + " finding" + (l.size() == 1 ? "" : "s") + " (ruff, "
                            + RuffRules.shipped().category(v.code()) + ", " + first.severity().label()
                            + "), starting with " + v.path() + ":" + d.row() + ": " + d.message()
                            + (d.fixMessage() == null || d.fixMessage().isBlank() ? "" : " (ruff's fix: " + d.fixMessage() + ")");
                })
                .toList();
    }
}
