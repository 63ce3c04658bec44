package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.AppliesTo;
import dev.autocoder.workers.analysis.severity.RuleSeverity;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.analysis.severity.TestFramework;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Plural;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The PMD violations a perspective reports, as findings, metrics and recommendations, the same way for every
 * perspective.
 * <p>
 * Severity comes from the engine's {@link SeverityTable}; a rule the table does not name keeps its PMD priority
 * (1..5 = critical..info). Two rules are graded by what the violation says: an empty catch block with a comment is
 * info, and a {@code CognitiveComplexity} the table rates medium is high from {@value #HIGH_COGNITIVE_COMPLEXITY}.
 * A violation is reported only where its rule applies ({@link AppliesTo}: main-only
 * rules not on test and fixture files, test rules only on test files, framework-specific test rules only when the
 * build declares that framework alone), and on generated files only for the security rules. Filtering happens
 * after PMD, so the engine's per-content cache is unaffected.
 */
public final class PmdFindings extends LinterFindings<PmdViolation> {

    /** The cognitive complexity from which the table's medium {@code CognitiveComplexity} is high. */
    static final int HIGH_COGNITIVE_COMPLEXITY = 50;

    private PmdFindings(Collection<PmdViolation> violations, Function<String, Scope> scopeOf,
                        Set<TestFramework> frameworks, SeverityTable severities, Map<PmdViolation, Rated> calibrated) {
        super("pmd", rules(severities, calibrated), (v, severity, scope) -> finding(v, severity, scope, calibrated.get(v)),
                violations, scopeOf, frameworks);
    }

    /** The violations that apply where they were found, with severity from the table. */
    public static PmdFindings of(Collection<PmdViolation> violations, Snapshot snapshot, SeverityTable severities) {
        return of(violations, snapshot, severities, Map.of());
    }

    /** The same, with the severity a model of the project gave some violations instead of the table's, and why. */
    public static PmdFindings of(Collection<PmdViolation> violations, Snapshot snapshot, SeverityTable severities,
                                 Map<PmdViolation, Rated> calibrated) {
        Set<TestFramework> frameworks = violations.isEmpty() ? Set.of() : TestFramework.declaredIn(snapshot);
        return new PmdFindings(violations, snapshot::scopeOf, frameworks, severities, calibrated);
    }

    static PmdFindings of(Collection<PmdViolation> violations, Function<String, Scope> scopeOf,
                          Set<TestFramework> frameworks, SeverityTable severities) {
        return new PmdFindings(violations, scopeOf, frameworks, severities, Map.of());
    }

    /** A rule the table does not name applies everywhere and keeps its PMD priority. */
    private static Rules<PmdViolation> rules(SeverityTable severities, Map<PmdViolation, Rated> calibrated) {
        return new Rules<>(PmdViolation::rule, PmdViolation::path,
                v -> severities.rule(v.rule()).map(RuleSeverity::appliesTo).orElse(AppliesTo.ALL),
                v -> PmdCategories.SECURITY.contains(v.ruleSet()),
                v -> calibrated.containsKey(v) && calibrated.get(v).severity() != null ? calibrated.get(v).severity()
                        : severityOf(v, severities));
    }

    private static Severity severityOf(PmdViolation violation, SeverityTable severities) {
        if (violation.rule().equals("EmptyCatchBlock") && commentedBlock(violation.snippet())) {
            // reported only because PMD's allowCommentedBlocks is off; Sonar's S108 skips a block with a comment,
            // which says the exception is let go on purpose
            return Severity.INFO;
        }
        Severity severity = severities.rule(violation.rule()).map(RuleSeverity::severity)
                .orElseGet(() -> Severity.fromPmdPriority(violation.priority()));
        if (violation.rule().equals("CognitiveComplexity") && severity == Severity.MEDIUM
                && Finding.measureOf(violation.message()) >= HIGH_COGNITIVE_COMPLEXITY) {
            // graded as complex-method is: a method just over PMD's threshold of 15 is not where a reader starts,
            // one several times over it is
            return Severity.HIGH;
        }
        return severity;
    }

    /**
     * Whether the empty catch block in a violation's snippet holds a comment. The block has no statement, so a
     * comment opener after its brace can only start a comment.
     */
    static boolean commentedBlock(String snippet) {
        if (snippet == null) {
            return false;
        }
        int keyword = snippet.indexOf("catch");
        int brace = keyword < 0 ? -1 : snippet.indexOf('{', keyword);
        if (brace < 0) {
            return false;
        }
        String block = snippet.substring(brace + 1);
        return block.contains("//") || block.contains("/*");
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
        return finding(violation, severityOf(violation, severities), null, null);
    }

    /** PMD's message, followed by why a model rated it otherwise than the table when it did. */
    private static Finding finding(PmdViolation violation, Severity severity, Scope scope, Rated rated) {
        String message = rated == null || rated.why() == null ? violation.message()
                : violation.message().strip() + " (" + rated.why() + ")";
        return Finding.of(violation.rule(), violation.ruleSet(), severity, violation.path(), violation.beginLine(),
                violation.endLine(), message, violation.snippet()).withScope(scope);
    }

    /** Names the rule, its ruleset, severity and PMD's message at the first place to look at. */
    @Override
    protected String recommendation(int count, Reported<PmdViolation> first) {
        PmdViolation v = first.violation();
        return "Fix " + Plural.the(count, v.rule() + " violation")
                + " (" + v.ruleSet() + ", " + first.severity().label()
                + (count == 1 ? ") at " : "), starting with ") + v.path() + ":" + v.beginLine() + ": " + v.message();
    }
}
