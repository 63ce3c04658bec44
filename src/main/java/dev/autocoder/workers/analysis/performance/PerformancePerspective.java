package dev.autocoder.workers.analysis.performance;

import dev.autocoder.workers.analysis.AnalysisPerspective;
import dev.autocoder.workers.analysis.javamodel.JavaMethodRef;
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
import dev.autocoder.workers.worker.Finding;
import dev.autocoder.workers.worker.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.Severity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.analysis.OrderedMaps.ordered;

/**
 * Performance Analysis: PMD's Performance and Multithreading rules, from the same cached PMD pass as the other
 * perspectives, plus loop nesting and complexity from the Java model as context.
 * <p>
 * Findings: one per PMD violation of those categories (rule = PMD rule name, category = "Performance" or
 * "Multithreading", severity and applicability from the severity table, see {@link PmdFindings}); {@code nested-loops} (low) for each method whose loops nest
 * {@value #DEEP_LOOPS} or more deep, where running time grows with the input's cube or faster.
 * <p>
 * Quality score: {@code 1 / (1 + d / 5)} where {@code d} is the severity-weighted number of main-code findings per
 * 1000 lines of main-code Java ({@link SeverityWeights#mainCodeDensity}: critical 5, high 3, medium 1, low 0.5, info 0.1; at least 1000 lines
 * assumed). No findings score 1; 5 weighted findings per 1000 lines halve the score.
 */
@Component
public class PerformancePerspective extends AnalysisPerspective {

    static final String NESTED_LOOPS = "nested-loops";
    static final int DEEP_LOOPS = 3;
    private static final int TOP = 10;

    private final PmdEngine engine;

    public PerformancePerspective(PmdEngine engine) {
        super("performance", "Performance Analysis");
        this.engine = engine;
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        List<SourceFile> javaFiles = snapshot.files(Language.JAVA);
        if (javaFiles.isEmpty()) {
            return PerspectiveResult.skipped("No Java files in the snapshot: the performance rules (PMD) only "
                    + "check Java.", List.of(Metric.of("java_files", 0)));
        }
        PmdReport report = engine.analyze(snapshot);
        PmdFindings pmd = PmdFindings.of(report.violationsIn(PmdCategories.PERFORMANCE), snapshot, engine.severities());
        List<PmdViolation> violations = pmd.violations();
        List<LoopNesting> deepLoops = report.loopNesting().stream().filter(l -> l.depth() >= DEEP_LOOPS)
                .sorted(Comparator.comparingInt(LoopNesting::depth).reversed()
                        .thenComparing(LoopNesting::path).thenComparingInt(LoopNesting::beginLine))
                .toList();
        List<Finding> findings = new ArrayList<>(pmd.findings());
        deepLoops.forEach(l -> findings.add(nestedLoops(l)));
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

        String summary = plural(javaFiles.size(), "Java file") + " (" + javaLines + " lines): "
                + count(violations, "Performance") + " performance and " + count(violations, "Multithreading")
                + " multithreading issues, " + plural(deepLoops.size(), "method") + " with loops nested " + DEEP_LOOPS
                + " or more deep" + (report.unparseableFiles().isEmpty() ? "." : "; not checked because PMD cannot parse them: "
                + plural(report.unparseableFiles().size(), "file") + ".");
        return PerspectiveResult.ok(summary, score, findings, recommendations(pmd, deepLoops), metrics,
                details(report, violations, mostComplex));
    }

    private static Finding nestedLoops(LoopNesting loops) {
        String method = loops.type() + "#" + loops.signature();
        return Finding.of(NESTED_LOOPS, "Performance", Severity.LOW, loops.path(), loops.beginLine(), loops.endLine(),
                "Loops nested " + loops.depth() + " deep in " + method + ": running time grows with the input size "
                        + "to the power of " + loops.depth(), method);
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
                        "depth", l.depth()))
                .toList());
        details.put("most_complex_methods", mostComplex.stream().map(m -> ordered("path", m.path(),
                "method", m.displayName(), "line", m.method().beginLine(), "cyclomatic", m.method().cyclomatic()))
                .toList());
        details.put("unparseable_files", report.unparseableFiles().stream().map(PmdProcessingError::path).toList());
        return details;
    }
}
