package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.worker.Finding;
import dev.autocoder.workers.worker.Metric;
import dev.autocoder.workers.worker.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns PMD violations into findings, metrics and recommendations the same way for every perspective. */
public final class PmdFindings {

    private PmdFindings() {
    }

    /** Rule, category (the rule's ruleset), severity from the PMD priority, place and PMD's message. */
    public static Finding of(PmdViolation violation) {
        return Finding.of(violation.rule(), violation.ruleSet(), Severity.fromPmdPriority(violation.priority()),
                violation.path(), violation.beginLine(), violation.endLine(), violation.message(), violation.snippet());
    }

    public static List<Finding> of(Collection<PmdViolation> violations) {
        return violations.stream().map(PmdFindings::of).toList();
    }

    /** {@code pmd_violations} and one {@code pmd.<RuleName>} count per rule that fired, sorted by rule name. */
    public static List<Metric> ruleCountMetrics(Collection<PmdViolation> violations) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("pmd_violations", violations.size()));
        PmdReport.countByRule(violations).forEach((rule, count) -> metrics.add(Metric.of("pmd." + rule, count)));
        return metrics;
    }

    /**
     * One recommendation per rule for the {@code limit} rules with the most weight (count times severity weight),
     * each naming the first place to look at.
     */
    public static List<String> topRuleRecommendations(Collection<PmdViolation> violations, int limit) {
        Map<String, List<PmdViolation>> byRule = violations.stream()
                .collect(Collectors.groupingBy(PmdViolation::rule));
        return byRule.values().stream()
                .sorted(Comparator.comparingDouble((List<PmdViolation> l) ->
                                l.size() * SeverityWeights.of(Severity.fromPmdPriority(l.get(0).priority()))).reversed()
                        .thenComparing(l -> l.get(0).rule()))
                .limit(limit)
                .map(l -> {
                    PmdViolation first = l.get(0);
                    return "Fix the " + l.size() + " " + first.rule() + " violation" + (l.size() == 1 ? "" : "s")
                            + " (" + first.ruleSet() + ", " + Severity.fromPmdPriority(first.priority()).label()
                            + "), starting with " + first.path() + ":" + first.beginLine() + ": " + first.message();
                })
                .toList();
    }
}
