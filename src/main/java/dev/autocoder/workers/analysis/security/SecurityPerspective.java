package dev.autocoder.workers.analysis.security;

import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.analysis.pmd.PmdCategories;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdReport;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.secrets.SecretFinding;
import dev.autocoder.workers.analysis.secrets.SecretScanResult;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.python.PythonLint;
import dev.autocoder.workers.python.PythonSecurity;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.python.RuffFindings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security Audit: PMD's Security category and our own rules for dangerous Java APIs (rulesets/
 * autocoder-security.xml), from the shared PMD pass, plus secret detection over every text file.
 * <p>
 * A secret's value never leaves the scanner: findings carry rule, file, line and a short fingerprint.
 * <p>
 * Every finding is reported with its scope (a real key in a test is still a leak), but only findings in main code
 * and build files (what ships) count for the score.
 * <p>
 * Quality score: {@code 1 / (1 + W / 4)} where W sums the weights of the findings in main code and build files
 * (critical 4, high 2, medium 0.5, low 0.1, info 0), the low ones together at most {@value #LOW_FINDINGS_CAP} (one
 * medium's worth). Security problems are not diluted by repository size: one committed private key halves the score
 * whatever else the repository holds. Low findings are hygiene (an {@code assert}, a non-cryptographic random, a
 * swallowed exception): their number says how the code is written, not how exposed it is, so a library with 50
 * asserts does not score below one that ships a private key.
 * <p>
 * Python files get ruff's bandit-derived {@code S} rules (severity from severity/ruff-python.tsv, main code only
 * like bandit's advice; SQL text built from strings rated by what goes into it, {@link PythonSecurity}); when ruff
 * cannot run on them the reason says so, with how to install it.
 */
@Component
public class SecurityPerspective extends AnalysisPerspective {

    private static final Map<Severity, Double> WEIGHTS = Map.of(
            Severity.CRITICAL, 4.0, Severity.HIGH, 2.0, Severity.MEDIUM, 0.5, Severity.LOW, 0.1, Severity.INFO, 0.0);
    static final double LOW_FINDINGS_CAP = 0.5;

    private final PmdEngine pmd;
    private final SecretScanner secrets;
    private final RuffEngine ruff;
    private final PythonModelProvider pythonModels;

    /** Python files are checked with the ruff on the PATH. */
    public SecurityPerspective(PmdEngine pmd, SecretScanner secrets) {
        this(pmd, secrets, RuffEngine.withDefaults());
    }

    /** Without the Python model: every S608 keeps the severity table's rating. */
    public SecurityPerspective(PmdEngine pmd, SecretScanner secrets, RuffEngine ruff) {
        this(pmd, secrets, ruff, null);
    }

    @Autowired
    public SecurityPerspective(PmdEngine pmd, SecretScanner secrets, RuffEngine ruff, PythonModelProvider pythonModels) {
        super("security", "Security Audit");
        this.pmd = pmd;
        this.secrets = secrets;
        this.ruff = ruff;
        this.pythonModels = pythonModels;
    }

    /** Main code and build files ship; tests, fixtures and generated code are reported but do not lower the score. */
    private static boolean shipped(Finding finding) {
        return shipped(finding.scopeOrMain());
    }

    private static boolean shipped(Scope scope) {
        return scope == Scope.MAIN || scope == Scope.BUILD;
    }

    /** The score of the findings that ship, the low ones weighing together at most {@link #LOW_FINDINGS_CAP}. */
    static double score(List<Finding> shipped) {
        double serious = shipped.stream().filter(f -> f.severity().compareTo(Severity.LOW) < 0)
                .mapToDouble(f -> WEIGHTS.get(f.severity())).sum();
        double low = shipped.stream().filter(f -> f.severity() == Severity.LOW).mapToDouble(f -> WEIGHTS.get(f.severity())).sum();
        return 1.0 / (1.0 + (serious + Math.min(low, LOW_FINDINGS_CAP)) / 4.0);
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        boolean hasJava = !snapshot.files(Language.JAVA).isEmpty();
        PmdReport report = hasJava ? pmd.analyze(snapshot) : null;
        PmdFindings pmdFindings = PmdFindings.of(report == null ? List.of() : report.violationsIn(PmdCategories.SECURITY),
                snapshot, pmd.severities());
        List<PmdViolation> violations = pmdFindings.violations();
        SecretScanResult scan = secrets.scan(snapshot);
        PythonLint lint = ruff.analyze(snapshot);
        PythonSecurity python = lint.ran() ? PythonSecurity.of(lint, snapshot,
                () -> pythonModels == null ? List.of() : pythonModels.modelled(snapshot)) : null;
        RuffFindings bandit = python == null ? null : python.findings();

        List<Finding> all = new ArrayList<>(pmdFindings.findings());
        if (bandit != null) {
            all.addAll(bandit.findings());
        }
        all.addAll(DocumentationExamples.lowered(scan.toFindings(),
                pythonModels == null ? null : () -> pythonModels.modelled(snapshot)));
        List<Finding> findings = Finding.inScopes(all, snapshot::scopeOf);
        List<Finding> shipped = findings.stream().filter(SecurityPerspective::shipped).toList();
        double score = score(shipped);
        List<SecretFinding> secretsShipped = scan.findings().stream().filter(f -> shipped(snapshot.scopeOf(f.file()))).toList();

        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("secrets_found", scan.findings().size()));
        metrics.add(Metric.of("secrets_in_main_and_build", secretsShipped.size()));
        metrics.add(Metric.of("secret_files", scan.findings().stream().map(SecretFinding::file).distinct().count()));
        metrics.add(Metric.of("text_files_scanned", scan.filesScanned()));
        metrics.add(Metric.of("binary_files_skipped", scan.binaryFilesSkipped()));
        metrics.add(Metric.of("oversized_files_skipped", scan.oversizedFilesSkipped()));
        metrics.add(Metric.of("unreadable_files", scan.unreadableFiles().size()));
        metrics.add(Metric.of("java_security_violations", violations.size()));
        if (report != null) {
            metrics.add(Metric.of("java_files_unparseable", report.unparseableFiles().size()));
        }
        for (Severity severity : Severity.values()) {
            metrics.add(Metric.of("findings_" + severity.label(), findings.stream().filter(f -> f.severity() == severity).count()));
        }
        metrics.addAll(pmdFindings.ruleCountMetrics().stream().filter(m -> !m.name().equals("pmd_violations")).toList());
        if (lint.state() != PythonLint.State.NO_PYTHON) {
            metrics.add(Metric.of("python_files", lint.pythonFiles()));
            metrics.add(Metric.of("ruff_available", lint.ran() ? 1 : 0));
        }
        if (bandit != null) {
            metrics.add(Metric.of("python_security_violations", bandit.violations().size()));
            metrics.addAll(bandit.ruleCountMetrics().stream().filter(m -> !m.name().equals("ruff_violations")).toList());
            python.sqlTexts().forEach((source, count) -> metrics.add(
                    Metric.of("python_sql_texts_" + source.name().toLowerCase(Locale.ROOT), count)));
        }

        List<String> recommendations = new ArrayList<>();
        // secrets in shipped code first: those are the leaks to rotate today
        java.util.stream.Stream.concat(secretsShipped.stream(), scan.findings().stream().filter(f -> !secretsShipped.contains(f)))
                .filter(f -> f.severity().compareTo(Severity.HIGH) <= 0).limit(5).forEach(f ->
                recommendations.add("Revoke and rotate the " + f.rule() + " found at " + f.file() + ":" + f.line()
                        + " (" + snapshot.scopeOf(f.file()).label() + " code, fingerprint " + f.fingerprint() + "), remove it from the repository and its history, and read it from the environment or a secret store"));
        recommendations.addAll(pmdFindings.topRuleRecommendations(5));
        if (bandit != null) {
            recommendations.addAll(bandit.topRuleRecommendations(5));
        }

        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Long> secretsByRule = new TreeMap<>();
        scan.findings().forEach(f -> secretsByRule.merge(f.rule(), 1L, Long::sum));
        details.put("secrets_by_rule", secretsByRule);
        details.put("java_violations_by_rule", PmdReport.countByRule(violations));
        details.put("unreadable_files", scan.unreadableFiles());
        details.put("java_rules_run", hasJava);
        if (lint.state() != PythonLint.State.NO_PYTHON) {
            details.put("python", lint.details());
        }
        if (bandit != null) {
            details.put("python_violations_by_rule", PythonLint.countByRule(bandit.violations()));
        }

        // what ran, in order of urgency: secrets, then the rules of each language the repository has
        List<String> parts = new ArrayList<>();
        parts.add(scan.findings().isEmpty() ? "No secrets in " + Plural.of(scan.filesScanned(), "text file")
                : Plural.of(scan.findings().size(), "secret") + " in "
                + Plural.of(scan.filesScanned(), "text file") + " (" + secretsShipped.size() + " in main code and build files)");
        if (hasJava) {
            parts.add(Plural.of(violations.size(), "Java security rule violation"));
        }
        if (bandit != null) {
            int count = bandit.violations().size();
            parts.add(Plural.of(count, "Python security rule finding") + " (ruff S rules) in "
                    + Plural.of(lint.pythonFiles(), "file"));
        }
        String where = shipped.size() == findings.size()
                ? (findings.size() == 1 ? "The finding is" : "All " + findings.size() + " findings are") + " in main code or build files."
                : shipped.size() + " of the " + Plural.of(findings.size(), "finding") + (shipped.size() == 1 ? " is" : " are")
                + " in main code or build files, the rest in "
                + "tests, fixtures or generated code.";
        String summary = String.join("; ", parts) + "." + (findings.isEmpty() ? "" : " " + where);
        String reason = hasJava ? null : bandit != null ? "no Java sources: secret detection and ruff's S rules ran"
                : "no Java sources: only secret detection ran";
        if (bandit == null && lint.state() == PythonLint.State.UNAVAILABLE) {
            summary += " " + lint.skippedSentence();
            reason = (reason == null ? "" : reason + "; ") + lint.skippedSentence();
        }
        return new PerspectiveResult(Status.OK, reason, summary, score, findings, recommendations, metrics, details);
    }
}
