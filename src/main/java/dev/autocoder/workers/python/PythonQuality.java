package dev.autocoder.workers.python;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python part of the code-quality row: ruff's quality rules (everything but the security {@code S} and
 * performance {@code PERF} families), a {@code parse-error} finding for each file ruff cannot parse, and each
 * function's McCabe complexity for the complexity distribution.
 */
public final class PythonQuality {

    private final PythonLint lint;
    private final RuffFindings ruff;
    private final Snapshot snapshot;
    private final Map<LeftOutReport, Integer> leftOut;

    private PythonQuality(PythonLint lint, RuffFindings ruff, Snapshot snapshot, Map<LeftOutReport, Integer> leftOut) {
        this.lint = lint;
        this.ruff = ruff;
        this.snapshot = snapshot;
        this.leftOut = leftOut;
    }

    public static PythonQuality of(PythonLint lint, Snapshot snapshot) {
        return of(lint, snapshot, ModelFacts.NONE);
    }

    /**
     * Ruff's quality rules but the reports that are no problem, each kind counted in its metric ({@link LeftOutReport}:
     * an F401 whose name another module imports from the file, an F821 marked undefined on purpose or in code only
     * Python 2 runs, an F822 naming a submodule, a B023 in a function only its iteration calls, a bare raise in a
     * function only handlers call, {@code __path__} in a package's {@code __init__.py}), rated where the Python model
     * sees more than the severity table ({@link QualityRatings}):
     * a B006 by what its function does with the default (only read: low, a precaution, as pylint's
     * dangerous-default-value is a warning; handed to another call, which may change it, or kept in an attribute its
     * class only reads, medium; changed in place or escaping to a caller, the table's high, what Sonar's S5717 reports,
     * but a private parameter changed in place, a cache by design, low), a PLE0101 returning a method of its class that
     * gives None is low, an F821 of a local its loop binds further down medium, a B023 in a function that only goes to
     * calls not known to keep it low, a B020 whose rebinding nothing after the loop sees low, a PLE0605 of lists joined
     * with {@code +} or taken from {@code dir(..)} low, a PLE2502 of directional marks only low, a B008 of a project
     * factory of unchanging instances, or whose parameter the function never uses (an abstract method, a stub) or only
     * tests and reads attributes of, or that is a private parameter's ({@code _fields_order=_FieldsOrder()}), low,
     * an F822 or F821 in a module that binds names through {@code globals()} (or hands it to a function that may:
     * eventlet's {@code patcher.inject(.., globals(), ..)}) low, a C901 of a McCabe complexity of 50 or more high
     * (unless most of it is in the functions it defines).
     */
    public static PythonQuality of(PythonLint lint, Snapshot snapshot, ModelFacts facts) {
        UndefinedNameMarks marks = new UndefinedNameMarks(snapshot);
        List<RuffViolation> reported = new ArrayList<>();
        Map<RuffViolation, RuffFindings.Rated> calibrated = new HashMap<>();
        Map<LeftOutReport, Integer> leftOut = new EnumMap<>(LeftOutReport.class);
        for (RuffViolation v : lint.violationsFor(RuffRules.ReportingPerspective.QUALITY)) {
            Optional<LeftOutReport> why = LeftOutReport.of(v, snapshot, facts, marks);
            if (why.isPresent()) {
                leftOut.merge(why.get(), 1, Integer::sum);
            } else {
                reported.add(v);
                QualityRatings.of(v, facts).ifPresent(rated -> calibrated.put(v, rated));
            }
        }
        return new PythonQuality(lint, RuffFindings.of(reported, snapshot::scopeOf, calibrated), snapshot, leftOut);
    }

    public PythonLint lint() {
        return lint;
    }

    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>(ruff.findings());
        for (RuffViolation error : lint.syntaxErrors()) {
            RuffDiagnostic d = error.diagnostic();
            findings.add(Finding.of("parse-error", "Parsing", Severity.LOW, error.path(), d.row(), d.endRow(),
                    "ruff cannot parse this file, so no rule checks it: " + d.message(), d.message()));
        }
        return findings;
    }

    /** Every function's complexity: the Python side of the complexity distribution. */
    public List<FunctionComplexity> complexities() {
        return lint.complexities();
    }

    /** The most complex functions as the row's details list them (path, method, line, cyclomatic). */
    public List<Map<String, Object>> mostComplex(int limit) {
        return lint.complexities().stream().sorted(FunctionComplexity.MOST_COMPLEX_FIRST).limit(limit)
                .map(f -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", f.path());
                    entry.put("method", f.name());
                    entry.put("line", f.line());
                    entry.put("cyclomatic", f.complexity());
                    return entry;
                }).toList();
    }

    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("python_files", lint.pythonFiles()));
        metrics.add(Metric.of("python_lines", snapshot.totalLines(Language.PYTHON)));
        metrics.add(Metric.of("main_python_lines", snapshot.files(Language.PYTHON, Scope.MAIN).stream()
                .mapToLong(SourceFile::lines).sum()));
        metrics.add(Metric.of("ruff_available", lint.ran() ? 1 : 0));
        if (lint.ran()) {
            metrics.add(Metric.of("ruff_files_analyzed", lint.filesAnalyzed()));
            metrics.add(Metric.of("ruff_files_from_cache", lint.filesFromCache()));
            metrics.add(Metric.of("python_unparseable_files", lint.syntaxErrors().size()));
            metrics.add(Metric.of("python_skipped_files", lint.skippedFiles().size()));
            metrics.addAll(ruff.ruleCountMetrics());
            for (LeftOutReport report : LeftOutReport.values()) {
                metrics.add(Metric.of(report.metric(), leftOut.getOrDefault(report, 0)));
            }
            metrics.add(Metric.of("python_functions", lint.complexities().size()));
            metrics.add(Metric.of("python_functions_over_" + lint.settings().maxComplexity(),
                    overThreshold()));
        }
        return metrics;
    }

    private long overThreshold() {
        return lint.complexities().stream().filter(f -> f.complexity() > lint.settings().maxComplexity()).count();
    }

    /** One sentence about the Python files for the row's summary. */
    public String summary() {
        if (!lint.ran()) {
            return lint.skippedSentence();
        }
        long lines = snapshot.totalLines(Language.PYTHON);
        return Plural.of(lint.pythonFiles(), "Python file") + " (" + Plural.of(lines, "line")
                + "): " + Plural.of(ruff.violations().size(), "ruff quality finding")
                + leftOut() + ", " + Plural.of(overThreshold(), "function") + " with complexity over "
                + lint.settings().maxComplexity()
                + (lint.syntaxErrors().isEmpty() ? "" : ", " + Plural.of(lint.syntaxErrors().size(), "file")
                + " ruff cannot parse") + ".";
    }

    /** What ruff reported and the row leaves out, and why; empty when nothing. */
    private String leftOut() {
        List<String> parts = leftOut.entrySet().stream().map(e -> e.getKey().sentence(e.getValue())).toList();
        return parts.isEmpty() ? "" : " (and " + String.join("; ", parts) + ")";
    }

    public List<String> recommendations() {
        List<String> recommendations = new ArrayList<>();
        if (!lint.syntaxErrors().isEmpty()) {
            RuffViolation first = lint.syntaxErrors().get(0);
            int count = lint.syntaxErrors().size();
            recommendations.add("Fix " + Plural.the(count, "Python file") + " ruff cannot parse, "
                    + (count == 1 ? "" : "starting with ") + first.path() + ":" + first.diagnostic().row() + " ("
                    + first.diagnostic().message() + "); no rule checks " + (count == 1 ? "it." : "them."));
        }
        recommendations.addAll(ruff.topRuleRecommendations(3));
        lint.complexities().stream().filter(f -> f.complexity() > lint.settings().maxComplexity())
                .sorted(FunctionComplexity.MOST_COMPLEX_FIRST).limit(3)
                .forEach(f -> recommendations.add("Split " + f.name() + " (" + f.path() + ":" + f.line()
                        + ", complexity " + f.complexity() + ") into smaller functions."));
        return recommendations;
    }
}
