package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.LinterFindings;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Plural;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ruff violations a perspective reports, as findings, metrics and recommendations, the way
 * {@link dev.autocoder.workers.analysis.pmd.PmdFindings} does it for PMD: severity and applicability from
 * {@link RuffRules} (the severity table {@code severity/ruff-python.tsv}), each file's scope from the snapshot
 * (tests/, test_*.py, *_test.py, conftest.py, fixture folders), and on generated files only the security rules.
 */
public final class RuffFindings extends LinterFindings<RuffViolation> {

    private RuffFindings(List<RuffViolation> violations, Function<String, Scope> scopeOf,
                         Map<RuffViolation, Rated> calibrated) {
        super("ruff", rules(RuffRules.shipped(), calibrated),
                (v, severity, scope) -> finding(v, severity, scope, calibrated.get(v)), violations, scopeOf, Set.of());
    }

    /** The violations of one perspective that apply where they were found. */
    public static RuffFindings of(PythonLint lint, RuffRules.ReportingPerspective perspective, Snapshot snapshot) {
        return of(lint.violationsFor(perspective), snapshot::scopeOf);
    }

    static RuffFindings of(List<RuffViolation> violations, Function<String, Scope> scopeOf) {
        return of(violations, scopeOf, Map.of());
    }

    /** The same, with the severity a project-wide model gave some violations instead of the table's. */
    static RuffFindings of(List<RuffViolation> violations, Function<String, Scope> scopeOf,
                           Map<RuffViolation, Rated> calibrated) {
        return new RuffFindings(violations, scopeOf, calibrated);
    }

    /** Ruff's rules by code. */
    private static Rules<RuffViolation> rules(RuffRules rules, Map<RuffViolation, Rated> calibrated) {
        return new Rules<>(RuffViolation::code, RuffViolation::path, v -> rules.appliesTo(v.code()),
                v -> rules.perspective(v.code()) == RuffRules.ReportingPerspective.SECURITY,
                v -> calibrated.containsKey(v) && calibrated.get(v).severity() != null ? calibrated.get(v).severity()
                        : severity(rules, v));
    }

    /**
     * The table's severity, but low for a shell started with a constant command: ruff's S602/S604/S605 say "seems
     * safe" when the command is a literal (nothing can be injected), as Bandit, whose rules they are, rates low.
     */
    static Severity tableSeverity(RuffViolation v) {
        return severity(RuffRules.shipped(), v);
    }

    private static Severity severity(RuffRules rules, RuffViolation v) {
        boolean constantShellCommand = v.code().matches("S60[245]") && v.diagnostic().message().contains("seems safe");
        return constantShellCommand ? Severity.LOW : rules.severityOf(v.code());
    }

    /**
     * A finding for one violation: rule = ruff's code, category = its family, ruff's message, followed by why a model
     * rated it otherwise than the table when it did.
     */
    private static Finding finding(RuffViolation violation, Severity severity, Scope scope, Rated rated) {
        RuffDiagnostic d = violation.diagnostic();
        String message = rated == null || rated.why() == null ? d.message() : d.message() + " (" + rated.why() + ")";
        return Finding.of(d.code(), RuffRules.shipped().category(d.code()), severity, violation.path(), d.row(),
                d.endRow(), message, d.snippet()).withScope(scope);
    }

    /** Names ruff's code, its family, severity and message at the first place to look at, and ruff's fix if any. */
    @Override
    protected String recommendation(int count, Reported<RuffViolation> first) {
        RuffViolation v = first.violation();
        RuffDiagnostic d = v.diagnostic();
        return "Fix " + Plural.the(count, v.code() + " finding") + " (ruff, "
                + RuffRules.shipped().category(v.code()) + ", " + first.severity().label()
                + (count == 1 ? ") at " : "), starting with ") + v.path() + ":" + d.row() + ": " + d.message()
                + (d.fixMessage() == null || d.fixMessage().isBlank() ? "" : " (ruff's fix: " + d.fixMessage() + ")");
    }
}
