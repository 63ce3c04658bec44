package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.AppliesTo;
import dev.autocoder.workers.analysis.severity.TestFramework;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The linter violations a perspective reports, with their severity and their file's scope, as findings, metrics and
 * recommendations: what {@link PmdFindings} and the Python perspectives' ruff findings share, so both linters report
 * the same way.
 *
 * @param <V> one linter's violation
 */
public abstract class LinterFindings<V> {

    /**
     * A severity a model of the project gave a violation instead of the table's (null: the table's), and why, for
     * its message.
     */
    public record Rated(Severity severity, String why) {
    }

    /** One reported violation with its calibrated severity and its file's scope. */
    public record Reported<V>(V violation, Severity severity, Scope scope) {
    }

    /**
     * What one linter knows about a violation: its rule name (as metrics and recommendations name it), its file,
     * where its rule applies, whether it is a security rule (reported on generated files too) and its severity.
     */
    public record Rules<V>(Function<V, String> rule, Function<V, String> path, Function<V, AppliesTo> appliesTo,
                           Predicate<V> security, Function<V, Severity> severity) {
    }

    private final String metricPrefix;
    private final Rules<V> rules;
    private final FindingOf<V> findingOf;
    private final List<Reported<V>> reported;
    private final int outOfScope;

    /**
     * Keeps the violations whose rule applies to their file's scope (given the build's test frameworks), and on
     * generated files only the security rules, in the order given.
     */
    protected LinterFindings(String metricPrefix, Rules<V> rules, FindingOf<V> findingOf, Collection<V> violations,
                             Function<String, Scope> scopeOf, Set<TestFramework> frameworks) {
        List<Reported<V>> kept = new ArrayList<>();
        for (V violation : violations) {
            Scope scope = scopeOf.apply(rules.path().apply(violation));
            if (rules.appliesTo().apply(violation).covers(scope, frameworks)
                    && (scope != Scope.GENERATED || rules.security().test(violation))) {
                kept.add(new Reported<>(violation, rules.severity().apply(violation), scope));
            }
        }
        this.metricPrefix = metricPrefix;
        this.rules = rules;
        this.findingOf = findingOf;
        this.reported = List.copyOf(kept);
        this.outOfScope = violations.size() - kept.size();
    }

    /** How one linter turns a violation, with its severity and scope, into a finding. */
    public interface FindingOf<V> {
        Finding of(V violation, Severity severity, Scope scope);
    }

    /** One rule's recommendation, given how often it was reported and the first place to look at. */
    protected abstract String recommendation(int count, Reported<V> first);

    /** The reported violations, in the order they were given. */
    public List<V> violations() {
        return reported.stream().map(Reported::violation).toList();
    }

    /** Rule, category, calibrated severity, scope, place and the linter's message. */
    public List<Finding> findings() {
        return reported.stream().map(r -> findingOf.of(r.violation(), r.severity(), r.scope())).toList();
    }

    /** Violations not reported because their rule does not apply to their file's scope. */
    public int outOfScope() {
        return outOfScope;
    }

    /**
     * {@code <prefix>_violations} (reported), {@code <prefix>_violations_out_of_scope} and one
     * {@code <prefix>.<rule>} count per reported rule, sorted by rule name.
     */
    public List<Metric> ruleCountMetrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of(metricPrefix + "_violations", reported.size()));
        metrics.add(Metric.of(metricPrefix + "_violations_out_of_scope", outOfScope));
        reported.stream().collect(Collectors.groupingBy(r -> rules.rule().apply(r.violation()), TreeMap::new,
                        Collectors.counting()))
                .forEach((rule, count) -> metrics.add(Metric.of(metricPrefix + "." + rule, count)));
        return metrics;
    }

    /**
     * One recommendation per rule and severity (a finding group's rule and severity, so five high S605 are not
     * counted with two low ones under "high") for the {@code limit} most pressing, as the findings table orders
     * them: the most severe first (so 40 low asserts do not come before one medium deserialization), likely defects
     * before maintainability advice of the same severity (six {@code lru_cache} leaks before 34 complex functions),
     * then the most weight (count times severity weight); each names the first place to look at (main code, largest
     * measure first: the 52-branch function, not the first file's 11).
     */
    public List<String> topRuleRecommendations(int limit) {
        Function<List<Reported<V>>, String> ruleOfGroup = l -> rules.rule().apply(l.get(0).violation());
        Function<List<Reported<V>>, Severity> severityOfGroup = l -> l.get(0).severity();
        Map<List<Object>, List<Reported<V>>> byRule = reported.stream()
                .collect(Collectors.groupingBy(r -> List.of(rules.rule().apply(r.violation()), r.severity())));
        // a group's category is its finding's: made once per group, not at every comparison
        Map<List<Reported<V>>, Boolean> defects = new IdentityHashMap<>();
        byRule.values().forEach(l -> defects.put(l, FindingGroup.isDefectCategory(
                findingOf.of(l.get(0).violation(), l.get(0).severity(), l.get(0).scope()).category())));
        return byRule.values().stream()
                .sorted(Comparator.comparing(severityOfGroup)
                        .thenComparing(l -> !defects.get(l))
                        .thenComparing(Comparator.comparingDouble((List<Reported<V>> l) ->
                                l.size() * SeverityWeights.of(severityOfGroup.apply(l))).reversed())
                        .thenComparing(ruleOfGroup))
                .limit(limit)
                .map(l -> recommendation(l.size(), firstToLookAt(l)))
                .toList();
    }

    /**
     * Main code first, then the largest by the size its finding measures (a complexity, an argument count), as the
     * findings table sorts; each finding is made and read for its measure once, not at every comparison.
     */
    private Reported<V> firstToLookAt(List<Reported<V>> group) {
        Map<Reported<V>, Long> measures = new IdentityHashMap<>();
        ToLongFunction<Reported<V>> measure = r -> measures.computeIfAbsent(r,
                k -> findingOf.of(k.violation(), k.severity(), k.scope()).measure());
        return group.stream().min(Comparator.comparing((Reported<V> r) -> r.scope())
                .thenComparing(Comparator.comparingLong(measure).reversed())).orElseThrow();
    }
}
