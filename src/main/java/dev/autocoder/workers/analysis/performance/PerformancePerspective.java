package dev.autocoder.workers.analysis.performance;

import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.javamodel.JavaMethodRef;
import dev.autocoder.workers.javamodel.LoopFactors;
import dev.autocoder.workers.analysis.pmd.LoopNesting;
import dev.autocoder.workers.analysis.pmd.PmdCategories;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdProcessingError;
import dev.autocoder.workers.analysis.pmd.PmdReport;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.python.PythonLint;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.python.RuffFindings;
import dev.autocoder.workers.python.RuffRules;
import dev.autocoder.workers.row.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * Performance Analysis: PMD's Performance and Multithreading rules, from the same cached PMD pass as the other
 * perspectives, plus loop nesting and complexity from the Java model as context.
 * <p>
 * Findings: one per PMD violation of those categories (rule = PMD rule name, category = "Performance" or
 * "Multithreading", severity and applicability from the severity table, see {@link PmdFindings}); {@code nested-loops} (low) for each method whose loops nest
 * {@value #DEEP_LOOPS} or more deep, where running time grows with the input's cube or faster (a loop over what an
 * enclosing loop's element holds, such as a map entry's list, or over elements written out adds no factor and is not
 * counted: {@link LoopNesting#growthDepth()}).
 * <p>
 * Quality score: {@code 1 / (1 + d / 5)} where {@code d} is the severity-weighted number of main-code findings per
 * 1000 lines of main-code Java ({@link SeverityWeights#mainCodeDensity}: critical 5, high 3, medium 1, low 0.5, info 0.1; at least 1000 lines
 * assumed). No findings score 1; 5 weighted findings per 1000 lines halve the score.
 * <p>
 * Python files get ruff's Perflint ({@code PERF}) rules, counted like PMD's (main-code Python lines join the
 * denominator). When ruff cannot run on them the row says so (skipped without Java; a reason with Java).
 */
@Component
public class PerformancePerspective extends AnalysisPerspective {

    static final String NESTED_LOOPS = "nested-loops";
    static final int DEEP_LOOPS = 3;
    private static final int TOP = 10;

    private final PmdEngine engine;
    private final RuffEngine ruff;

    /** Python files are checked with the ruff on the PATH. */
    public PerformancePerspective(PmdEngine engine) {
        this(engine, RuffEngine.withDefaults());
    }

    @Autowired
    public PerformancePerspective(PmdEngine engine, RuffEngine ruff) {
        super("performance", "Performance Analysis");
        this.engine = engine;
        this.ruff = ruff;
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        List<SourceFile> javaFiles = snapshot.files(Language.JAVA);
        PythonLint lint = ruff.analyze(snapshot);
        if (javaFiles.isEmpty()) {
            if (lint.state() == PythonLint.State.NO_PYTHON) {
                return PerspectiveResult.skipped("No Java files in the snapshot and no Python files: the performance rules "
                        + "(PMD, ruff's PERF) check Java and Python.", List.of(Metric.of("java_files", 0)));
            }
            if (!lint.ran()) {
                return PerspectiveResult.skipped(lint.skippedSentence(), List.of(Metric.of("java_files", 0),
                        Metric.of("python_files", lint.pythonFiles()), Metric.of("ruff_available", 0)));
            }
            return pythonOnly(snapshot, lint);
        }
        PmdReport report = engine.analyze(snapshot);
        PmdFindings pmd = PmdFindings.of(report.violationsIn(PmdCategories.PERFORMANCE), snapshot, engine.severities());
        List<PmdViolation> violations = pmd.violations();
        List<LoopNesting> deepLoops = report.loopNesting().stream().filter(l -> l.growthDepth() >= DEEP_LOOPS)
                .sorted(Comparator.comparingInt(LoopNesting::growthDepth).reversed()
                        .thenComparing(LoopNesting::path).thenComparingInt(LoopNesting::beginLine))
                .toList();
        List<Finding> findings = new ArrayList<>(pmd.findings());
        deepLoops.forEach(l -> findings.add(nestedLoops(l)));
        RuffFindings perf = lint.ran() ? RuffFindings.of(lint, RuffRules.ReportingPerspective.PERFORMANCE, snapshot) : null;
        if (perf != null) {
            findings.addAll(perf.findings());
        }
        List<JavaMethodRef> mostComplex = JavaMethodRef.all(report.javaModel()).stream()
                .sorted(JavaMethodRef.MOST_COMPLEX_FIRST).limit(TOP).toList();
        long javaLines = snapshot.totalLines(Language.JAVA);
        double density = SeverityWeights.mainCodeDensity(findings, snapshot);
        double score = 1 / (1 + density / 5);

        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("java_files", javaFiles.size()));
        metrics.add(Metric.of("java_lines", javaLines));
        metrics.add(Metric.of("main_java_lines", SeverityWeights.mainJavaLines(snapshot)));
        metrics.addAll(report.passMetrics());
        metrics.addAll(pmd.ruleCountMetrics());
        metrics.add(Metric.of("performance_violations", count(violations, "Performance")));
        metrics.add(Metric.of("multithreading_violations", count(violations, "Multithreading")));
        metrics.add(Metric.of("methods_with_nested_loops", report.loopNesting().size()));
        metrics.add(Metric.of("methods_with_deep_loops", deepLoops.size()));
        metrics.add(Metric.of("max_loop_depth", report.loopNesting().stream().mapToInt(LoopNesting::depth).max().orElse(0)));
        metrics.add(Metric.of("cyclomatic_max", mostComplex.isEmpty() ? 0 : mostComplex.get(0).method().cyclomatic()));
        metrics.add(Metric.of("weighted_findings_per_kloc", Math.round(density * 100) / 100.0));
        if (lint.state() != PythonLint.State.NO_PYTHON) {
            metrics.add(Metric.of("python_files", lint.pythonFiles()));
            metrics.add(Metric.of("ruff_available", lint.ran() ? 1 : 0));
        }
        if (perf != null) {
            metrics.addAll(perf.ruleCountMetrics());
        }

        long performance = count(violations, "Performance");
        long multithreading = count(violations, "Multithreading");
        String summary = Plural.of(javaFiles.size(), "Java file") + " (" + Plural.of(javaLines, "line") + "): "
                + performance + " performance and " + multithreading + " multithreading"
                + (performance + multithreading == 1 ? " issue, " : " issues, ") + Plural.of(deepLoops.size(), "method")
                + " with loops nested " + DEEP_LOOPS
                + " or more deep" + (report.unparseableFiles().isEmpty() ? "." : "; not checked because PMD cannot parse them: "
                + Plural.of(report.unparseableFiles().size(), "file") + ".");
        List<String> recommendations = recommendations(pmd, deepLoops);
        Map<String, Object> details = details(report, violations, mostComplex);
        if (lint.state() == PythonLint.State.NO_PYTHON) {
            return PerspectiveResult.ok(summary, score, findings, recommendations, metrics, details);
        }
        details.put("python", lint.details());
        if (perf == null) {
            return new PerspectiveResult(Status.OK, lint.skippedSentence(), summary + " " + lint.skippedSentence(),
                    score, findings, recommendations, metrics, details);
        }
        recommendations = new ArrayList<>(recommendations);
        recommendations.addAll(perf.topRuleRecommendations(3));
        details.put("python_rule_counts", PythonLint.countByRule(perf.violations()));
        return PerspectiveResult.ok(summary + " " + pythonSentence(lint, perf), score, findings, recommendations,
                metrics, details);
    }

    private static String pythonSentence(PythonLint lint, RuffFindings perf) {
        return Plural.of(lint.pythonFiles(), "Python file") + ": " + Plural.of(perf.violations().size(), "performance finding")
                + " (ruff PERF).";
    }

    /** Python without Java: ruff's PERF rules; PMD's rules and the loop nesting are Java-only. */
    private static PerspectiveResult pythonOnly(Snapshot snapshot, PythonLint lint) {
        RuffFindings perf = RuffFindings.of(lint, RuffRules.ReportingPerspective.PERFORMANCE, snapshot);
        double density = SeverityWeights.mainCodeDensity(perf.findings(), snapshot);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("java_files", 0));
        metrics.add(Metric.of("python_files", lint.pythonFiles()));
        metrics.add(Metric.of("python_lines", snapshot.totalLines(Language.PYTHON)));
        metrics.add(Metric.of("ruff_available", 1));
        metrics.addAll(perf.ruleCountMetrics());
        metrics.add(Metric.of("weighted_findings_per_kloc", Math.round(density * 100) / 100.0));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("python", lint.details());
        details.put("python_rule_counts", PythonLint.countByRule(perf.violations()));
        return new PerspectiveResult(Status.OK, "no Java files: PMD's rules and loop nesting are Java-only; Python "
                + "checked by ruff's PERF rules", pythonSentence(lint, perf), 1 / (1 + density / 5), perf.findings(),
                perf.topRuleRecommendations(5), metrics, details);
    }

    private static Finding nestedLoops(LoopNesting loops) {
        String method = loops.type() + "#" + loops.signature();
        return Finding.of(NESTED_LOOPS, "Performance", Severity.LOW, loops.path(), loops.beginLine(), loops.endLine(),
                "Loops nested " + loops.depth() + " deep in " + method
                        + LoopFactors.multiplyingNote(loops.depth(), loops.growthDepth())
                        + ": running time grows with the input size to the power of " + loops.growthDepth(), method);
    }

    private static long count(List<PmdViolation> violations, String ruleSet) {
        return violations.stream().filter(v -> v.ruleSet().equals(ruleSet)).count();
    }

    private static List<String> recommendations(PmdFindings pmd, List<LoopNesting> deepLoops) {
        List<String> recommendations = new ArrayList<>(pmd.topRuleRecommendations(5));
        deepLoops.stream().limit(3).forEach(l -> recommendations.add("Check the " + l.depth() + "-deep loops of "
                + l.type() + "#" + l.signature() + " (" + l.path() + ":" + l.beginLine()
                + "): an index (map or set) lookup often replaces an inner loop."));
        return recommendations;
    }

    private static Map<String, Object> details(PmdReport report, List<PmdViolation> violations,
                                               List<JavaMethodRef> mostComplex) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ruleset", report.ruleset());
        details.put("rule_counts", PmdReport.countByRule(violations));
        details.put("nested_loops", report.loopNesting().stream()
                .sorted(Comparator.comparingInt(LoopNesting::depth).reversed().thenComparing(LoopNesting::path))
                .limit(20)
                .map(l -> ordered("path", l.path(), "method", l.type() + "#" + l.signature(), "line", l.beginLine(),
                        "depth", l.depth(), "growth_depth", l.growthDepth()))
                .toList());
        details.put("most_complex_methods", mostComplex.stream().map(m -> ordered("path", m.path(),
                "method", m.displayName(), "line", m.method().beginLine(), "cyclomatic", m.method().cyclomatic()))
                .toList());
        details.put("unparseable_files", report.unparseableFiles().stream().map(PmdProcessingError::path).toList());
        return details;
    }
}
