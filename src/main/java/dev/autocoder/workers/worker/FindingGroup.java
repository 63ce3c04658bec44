package dev.autocoder.workers.worker;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autocoder.workers.repository.Scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Findings of one rule, severity and scope whose messages have the same shape (the message with quoted names,
 * places and numbers blanked), so a row and the dashboard say "FieldNamingConventions × 13 (low)" once instead of
 * listing thirteen lines.
 *
 * @param rule      the rule
 * @param category  the rule's category
 * @param severity  the severity every finding of the group has
 * @param scope     the scope every finding of the group has
 * @param count     how many findings the group holds (all of the result's findings, not only the row's list)
 * @param message   the first finding's message (files in order, then lines)
 * @param locations the first {@link #LOCATIONS} places, {@code file:line}
 */
@JsonPropertyOrder({"rule", "category", "severity", "scope", "count", "message", "locations"})
public record FindingGroup(String rule, String category, Severity severity, Scope scope, int count, String message,
                           List<String> locations) {

    static final int LOCATIONS = 5;

    /**
     * Categories whose findings are likely defects or vulnerabilities rather than maintainability advice: PMD's Error
     * Prone, Multithreading and Security, our security rules and secrets.
     */
    static final Set<String> DEFECT_CATEGORIES = Set.of("error prone", "multithreading", "security", "autocoder security",
            "secrets");

    /**
     * Main code first, then build, test, fixture and generated; within a scope the most severe; within a severity
     * likely defects before maintainability advice, then the largest group.
     */
    public static final Comparator<FindingGroup> ORDER = Comparator.comparing(FindingGroup::scope)
            .thenComparing(FindingGroup::severity)
            .thenComparing(g -> !g.likelyDefect())
            .thenComparing(Comparator.comparingInt(FindingGroup::count).reversed())
            .thenComparing(FindingGroup::rule, Comparator.nullsLast(Comparator.naturalOrder()));

    /** A quoted part; an apostrophe inside a word ("doesn't") does not open a quote. */
    private static final Pattern QUOTED = Pattern.compile("(?<!\\p{L})'[^']*'(?!\\p{L})|\"[^\"]*\"|`[^`]*`");
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*]|<[^<>]*>");
    /** A word that names code or a place, or holds a number: anything but letters, '-' and '\''. */
    private static final Pattern CODE_WORD = Pattern.compile(".*[^\\p{L}'-].*");

    /** The groups of a result's findings (each with a scope), in {@link #ORDER}. */
    public static List<FindingGroup> of(List<Finding> findings) {
        Map<List<Object>, List<Finding>> byShape = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byShape.computeIfAbsent(List.of(String.valueOf(finding.rule()), severityOf(finding), finding.scopeOrMain(),
                    shape(finding.message())), k -> new ArrayList<>()).add(finding);
        }
        List<FindingGroup> groups = new ArrayList<>(byShape.size());
        for (List<Finding> members : byShape.values()) {
            members.sort(Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file()).thenComparingInt(Finding::lineOrZero));
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
        return category != null && DEFECT_CATEGORIES.contains(category.toLowerCase(java.util.Locale.ROOT));
    }

    private static Severity severityOf(Finding finding) {
        return finding.severity() == null ? Severity.INFO : finding.severity();
    }

    /**
     * The message with what differs between instances of one rule blanked: quoted names, bracketed parts (argument
     * lists, call stacks, metrics) and words that name code, places or numbers ({@code Foo.bar}, {@code A.java:12},
     * {@code 9540}). "class a.B has 9540 lines (limit 500)" and "class c.D has 612 lines (limit 500)" share a shape.
     */
    static String shape(String message) {
        if (message == null) {
            return "";
        }
        String shaped = QUOTED.matcher(message).replaceAll("_");
        String previous;
        do {
            previous = shaped;
            shaped = BRACKETED.matcher(shaped).replaceAll("");
        } while (!shaped.equals(previous));
        StringBuilder words = new StringBuilder();
        for (String word : shaped.strip().split("\\s+")) {
            String bare = word.replaceAll("[.,;:!?]+$", "");
            words.append(words.isEmpty() ? "" : " ").append(CODE_WORD.matcher(bare).matches() ? "_" : bare);
        }
        return words.toString();
    }
}
