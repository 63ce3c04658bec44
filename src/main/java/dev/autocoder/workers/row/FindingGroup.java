package dev.autocoder.workers.row;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autocoder.workers.repository.Scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one rule with one severity in one scope, so a row and the dashboard say
 * "FieldNamingConventions × 13 (low, main)" once instead of listing thirteen lines. A rule's messages differ by the
 * names they mention (often unquoted: "Avoid assignment to i in operand"), so the group keeps its first message as
 * the example and its first places: the largest first where the findings measure something (a complexity, a line
 * count: {@link FindingMeasure}), else in file order.
 *
 * @param rule      the rule
 * @param category  the rule's category
 * @param severity  the severity every finding of the group has
 * @param scope     the scope every finding of the group has
 * @param count     how many findings the group holds (all of the result's findings, not only the row's list)
 * @param message   the first finding's message (the largest measure, else files in order, then lines)
 * @param locations the first {@link #LOCATIONS} places, {@code file:line}
 */
@JsonPropertyOrder({"rule", "category", "severity", "scope", "count", "message", "locations"})
public record FindingGroup(String rule, String category, Severity severity, Scope scope, int count, String message,
                           List<String> locations) {

    public static final int LOCATIONS = 5;

    /**
     * Categories whose findings are likely defects or vulnerabilities rather than maintainability advice: PMD's Error
     * Prone, Multithreading and Security, our security rules and secrets, and ruff's families of the same kind
     * (python/ruff-selection.tsv): Bugbear ("likely bugs"), Pyflakes (undefined names, broken format strings) and
     * Bandit (security), so rich's six {@code functools.lru_cache} leaks on methods come before its 34 complex
     * functions of the same severity. Not Pylint errors: those that fail at run time are high already, and the one
     * the severity table lowers, a bare {@code raise} in a helper called from a handler (flask's
     * {@code handle_user_exception}), is deliberate more often than not.
     */
    static final Set<String> DEFECT_CATEGORIES = Set.of("error prone", "multithreading", "security", "autocoder security",
            "secrets", "bugbear", "pyflakes", "bandit");

    /**
     * Main code first, then build, test, fixture and generated; within a scope the most severe; within a severity
     * likely defects before maintainability advice, then the largest group.
     */
    public static final Comparator<FindingGroup> ORDER = Comparator.comparing(FindingGroup::scope)
            .thenComparing(FindingGroup::severity)
            .thenComparing(g -> !g.likelyDefect())
            .thenComparing(Comparator.comparingInt(FindingGroup::count).reversed())
            .thenComparing(FindingGroup::rule, Comparator.nullsLast(Comparator.naturalOrder()));

    /** The groups of a result's findings (each with a scope), in {@link #ORDER}. */
    public static List<FindingGroup> of(List<Finding> findings) {
        Map<List<Object>, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byRule.computeIfAbsent(List.of(String.valueOf(finding.rule()), severityOf(finding), finding.scopeOrMain()),
                    k -> new ArrayList<>()).add(finding);
        }
        List<FindingGroup> groups = new ArrayList<>(byRule.size());
        for (List<Finding> members : byRule.values()) {
            // each message is read for its measure once, not at every comparison of the sort
            Map<Finding, Long> measures = new IdentityHashMap<>();
            members.sort(Comparator.comparingLong((Finding f) -> measures.computeIfAbsent(f, Finding::measure)).reversed()
                    .thenComparing((Finding f) -> f.file() == null ? "" : f.file()).thenComparingInt(Finding::lineOrZero));
            Finding first = members.get(0);
            List<String> locations = members.stream().filter(f -> f.file() != null).limit(LOCATIONS)
                    .map(f -> f.line() == null ? f.file() : f.file() + ":" + f.line()).toList();
            groups.add(new FindingGroup(first.rule(), first.category(), severityOf(first), first.scopeOrMain(),
                    members.size(), first.message(), locations));
        }
        groups.sort(ORDER);
        return groups;
    }

    /** True for a group of a defect or vulnerability category ({@link #DEFECT_CATEGORIES}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean likelyDefect() {
        return isDefectCategory(category);
    }

    /** True for a finding category of likely defects or vulnerabilities ({@link #DEFECT_CATEGORIES}). */
    public static boolean isDefectCategory(String category) {
        return category != null && DEFECT_CATEGORIES.contains(category.toLowerCase(java.util.Locale.ROOT));
    }

    private static Severity severityOf(Finding finding) {
        return finding.severity() == null ? Severity.INFO : finding.severity();
    }
}
