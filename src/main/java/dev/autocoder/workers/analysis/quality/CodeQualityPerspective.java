package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaMethodRef;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.analysis.pmd.CpdResult;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdCategories;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdProcessingError;
import dev.autocoder.workers.analysis.pmd.PmdReport;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.python.PythonLint;
import dev.autocoder.workers.python.PythonQuality;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * Code Quality Analysis: PMD's quality rules (every category but Performance, Multithreading, Security and
 * Autocoder Security), CPD duplication, cyclomatic complexity from the Java model and size limits.
 * <p>
 * Findings: one per PMD violation where its rule applies (rule = PMD rule name, category = its PMD category,
 * severity and applicability from the severity table, see {@link PmdFindings}); {@code duplicate-code} (see {@link DuplicationFindings});
 * {@code oversized-file}, {@code oversized-class}, {@code oversized-method}, {@code complex-method} (see
 * {@link SizeChecks}); {@code parse-error} (low) for each Java file PMD cannot parse. An OverrideBothEqualsAndHashcode
 * violation whose class inherits the missing method from a superclass that defines it is left out and counted in
 * {@code equality_pairs_inherited} ({@link InheritedEqualityPairs}); a ConstructorCallsOverridableMethod violation
 * is rated by whether a class of the project overrides the method, or one elsewhere could
 * ({@link OverridableConstructorCalls}). The size and complexity findings of one method, function or class fold
 * into its most severe one, which states the others' measures ({@link SameDeclarationFindings}; counted in
 * {@code same_declaration_findings_folded}).
 * <p>
 * Quality score: {@code 1 / (1 + d / 10) * (1 - min(p, 50) / 100)} where {@code d} is the severity-weighted
 * number of main-code findings other than duplicate-code per 1000 lines of main-code Java
 * ({@link SeverityWeights#mainCodeDensity}: critical 5, high 3,
 * medium 1, low 0.5, info 0.1; at least 1000 lines assumed) and {@code p} is the duplicated-lines percentage.
 * Clean code scores 1; 10 weighted findings per 1000 lines halve the score; duplication lowers it by up to half.
 * <p>
 * Python files get ruff's quality rules next to PMD's ({@link PythonQuality}: rule = ruff's code, severity from
 * severity/ruff-python.tsv), a parse-error for each file ruff cannot parse, and each function's McCabe complexity in
 * the distribution; their findings and main-code lines count in {@code d} like Java's. When ruff cannot run, the
 * row says so in its reason and details ({@code python}), with how to install it.
 */
@Component
public class CodeQualityPerspective extends AnalysisPerspective {

    static final String PARSE_ERROR = "parse-error";
    private static final int TOP = 10;

    private final PmdEngine engine;
    private final CpdRunner cpd;
    private final RuffEngine ruff;
    private final PythonModelProvider pythonModels;

    /** Python files are checked with the ruff on the PATH. */
    public CodeQualityPerspective(PmdEngine engine, CpdRunner cpd) {
        this(engine, cpd, RuffEngine.withDefaults());
    }

    /** Without the Python model: every unused import ruff reports is reported, re-exports too. */
    public CodeQualityPerspective(PmdEngine engine, CpdRunner cpd, RuffEngine ruff) {
        this(engine, cpd, ruff, null);
    }

    @Autowired
    public CodeQualityPerspective(PmdEngine engine, CpdRunner cpd, RuffEngine ruff, PythonModelProvider pythonModels) {
        super("code-quality", "Code Quality Analysis");
        this.engine = engine;
        this.cpd = cpd;
        this.ruff = ruff;
        this.pythonModels = pythonModels;
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        List<SourceFile> javaFiles = snapshot.files(Language.JAVA);
        // duplicates first: CPD's search is the pass's largest moment of heap, best taken before the models are built
        CpdResult cpdResult = cpd.duplication(snapshot);
        PythonLint lint = ruff.analyze(snapshot);
        PythonModelFacts facts = lint.state() == PythonLint.State.NO_PYTHON || pythonModels == null ? null
                : new PythonModelFacts(() -> pythonModels.modelled(snapshot));
        PythonQuality python = lint.state() == PythonLint.State.NO_PYTHON ? null : facts == null
                ? PythonQuality.of(lint, snapshot)
                : PythonQuality.of(lint, snapshot, facts);
        if (javaFiles.isEmpty()) {
            return python == null ? duplicationOnly(cpdResult)
                    : withoutJava(snapshot, python, Duplication.of(cpdResult, facts, null));
        }
        PmdReport report = engine.analyze(snapshot);
        Duplication cpdBlocks = Duplication.of(cpdResult, facts, report.javaModel());
        CpdResult duplication = cpdBlocks.result();
        InheritedEqualityPairs.Split equalityPairs = InheritedEqualityPairs.of(
                report.violationsNotIn(PmdCategories.NOT_QUALITY), report.codeModel(), report.javaModel());
        PmdFindings pmd = PmdFindings.of(equalityPairs.kept(), snapshot, engine.severities(),
                OverridableConstructorCalls.rate(equalityPairs.kept(), report.codeModel()));
        List<PmdViolation> violations = pmd.violations();
        List<JavaMethodRef> methods = JavaMethodRef.all(report.javaModel());
        List<Integer> complexities = new ArrayList<>(methods.stream().map(m -> m.method().cyclomatic()).toList());
        if (python != null) {
            python.complexities().forEach(f -> complexities.add(f.complexity()));
        }
        ComplexityDistribution complexity = ComplexityDistribution.ofValues(complexities);
        long javaLines = snapshot.totalLines(Language.JAVA);

        List<Finding> linted = new ArrayList<>(pmd.findings());
        List<Finding> sizeFindings = SizeChecks.findings(javaFiles, report.javaModel(), methods);
        linted.addAll(sizeFindings);
        report.unparseableFiles().forEach(e -> linted.add(parseError(e)));
        if (python != null) {
            linted.addAll(python.findings());
        }
        SameDeclarationFindings.Folded folded = SameDeclarationFindings.fold(linted, report.javaModel());
        List<Finding> scored = folded.findings();
        List<Finding> duplicates = cpdBlocks.findings();
        List<Finding> findings = new ArrayList<>(scored);
        findings.addAll(duplicates);

        double density = SeverityWeights.mainCodeDensity(scored, snapshot);
        double duplicationPercent = duplication.duplicatedLinesPercent();
        double score = 1 / (1 + density / 10) * (1 - Math.min(duplicationPercent, 50) / 100);

        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("java_files", javaFiles.size()));
        metrics.add(Metric.of("java_lines", javaLines));
        metrics.add(Metric.of("main_java_files", snapshot.files(Language.JAVA, Scope.MAIN).size()));
        metrics.add(Metric.of("main_java_lines", SeverityWeights.mainJavaLines(snapshot)));
        metrics.addAll(report.passMetrics());
        metrics.addAll(pmd.ruleCountMetrics());
        metrics.add(Metric.of("equality_pairs_inherited", equalityPairs.inherited()));
        metrics.add(Metric.of("duplicated_lines", duplication.duplicatedLines()));
        metrics.add(Metric.of("duplicated_lines_percent", round(duplicationPercent)));
        metrics.add(Metric.of("duplicate_blocks", duplication.blocks().size()));
        metrics.add(Metric.of("cpd_lines", duplication.totalLines()));
        metrics.addAll(complexity.metrics());
        metrics.add(Metric.of("oversized_files", SizeChecks.count(sizeFindings, SizeChecks.OVERSIZED_FILE)));
        metrics.add(Metric.of("oversized_classes", SizeChecks.count(sizeFindings, SizeChecks.OVERSIZED_CLASS)));
        metrics.add(Metric.of("oversized_methods", SizeChecks.count(sizeFindings, SizeChecks.OVERSIZED_METHOD)));
        metrics.add(Metric.of("complex_methods", SizeChecks.count(sizeFindings, SizeChecks.COMPLEX_METHOD)));
        metrics.add(Metric.of("same_declaration_findings_folded", folded.folded()));
        metrics.add(Metric.of("weighted_findings_per_kloc", round(density)));
        if (python != null) {
            metrics.addAll(python.metrics());
        }

        String summary = Plural.of(javaFiles.size(), "Java file") + " (" + Plural.of(javaLines, "line") + "): "
                + Plural.of(violations.size(), "PMD quality issue") + ", " + round(duplicationPercent)
                + "% duplicated lines, " + Plural.of(complexity.over10(), "method")
                + " with cyclomatic complexity over 10"
                + (report.unparseableFiles().isEmpty() ? "." : ", " + Plural.of(report.unparseableFiles().size(), "file")
                + " that PMD cannot parse.") + duplication.notSearchedSentence();
        List<String> recommendations = recommendations(report, pmd, methods, cpdBlocks, sizeFindings);
        Map<String, Object> details = details(snapshot, report, violations, complexity, methods, duplication);
        if (python == null) {
            return PerspectiveResult.ok(summary, score, findings, recommendations, metrics, details);
        }
        recommendations.addAll(python.recommendations());
        details.put("most_complex_methods", mostComplex(methods, python));
        details.put("python", python.lint().details());
        return new PerspectiveResult(Status.OK, python.lint().ran() ? null : python.lint().skippedSentence(),
                summary + " " + python.summary(), score, findings, recommendations, metrics, details);
    }

    /** Java methods and Python functions together, most complex first. */
    private static List<Map<String, Object>> mostComplex(List<JavaMethodRef> methods, PythonQuality python) {
        List<Map<String, Object>> all = new ArrayList<>(methods.stream().sorted(JavaMethodRef.MOST_COMPLEX_FIRST)
                .limit(TOP).map(CodeQualityPerspective::method).toList());
        all.addAll(python.mostComplex(TOP));
        all.sort(java.util.Comparator.comparingInt((Map<String, Object> m) -> (Integer) m.get("cyclomatic")).reversed());
        return all.subList(0, Math.min(TOP, all.size()));
    }

    /**
     * Python without Java: ruff's quality rules, the functions' complexity and CPD; the PMD rules and the size checks
     * are Java-only, which the reason says. Score as for Java, over the main-code Python lines.
     */
    private PerspectiveResult withoutJava(Snapshot snapshot, PythonQuality python, Duplication cpdBlocks) {
        CpdResult duplication = cpdBlocks.result();
        SameDeclarationFindings.Folded folded = SameDeclarationFindings.fold(python.findings(), null);
        List<Finding> scored = folded.findings();
        List<Finding> findings = new ArrayList<>(scored);
        findings.addAll(cpdBlocks.findings());
        double density = SeverityWeights.mainCodeDensity(scored, snapshot);
        double percent = duplication.duplicatedLinesPercent();
        double score = 1 / (1 + density / 10) * (1 - Math.min(percent, 50) / 100);
        ComplexityDistribution complexity = ComplexityDistribution.ofValues(
                python.complexities().stream().map(f -> f.complexity()).toList());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("java_files", 0));
        metrics.addAll(python.metrics());
        metrics.add(Metric.of("same_declaration_findings_folded", folded.folded()));
        metrics.add(Metric.of("duplicated_lines", duplication.duplicatedLines()));
        metrics.add(Metric.of("duplicated_lines_percent", round(percent)));
        metrics.add(Metric.of("duplicate_blocks", duplication.blocks().size()));
        metrics.add(Metric.of("cpd_lines", duplication.totalLines()));
        if (python.lint().ran()) {
            metrics.addAll(complexity.metrics());
            metrics.add(Metric.of("weighted_findings_per_kloc", round(density)));
        }
        List<String> recommendations = new ArrayList<>(python.recommendations());
        recommendations.addAll(cpdBlocks.recommendations());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("python", python.lint().details());
        details.put("complexity_buckets", complexity.buckets());
        details.put("most_complex_methods", python.mostComplex(TOP));
        putDuplication(details, duplication);
        String reason = python.lint().ran()
                ? "no Java files: PMD rules and size checks are Java-only; Python checked by ruff"
                : "no Java files: PMD rules and size checks are Java-only; " + python.lint().skippedSentence();
        String summary = python.summary() + " " + round(percent) + "% of " + Plural.of(duplication.totalLines(), "line")
                + " duplicated in " + Plural.of(duplication.blocks().size(), "block") + "." + duplication.notSearchedSentence();
        return new PerspectiveResult(Status.OK, reason, summary, python.lint().ran() ? score : 1 - Math.min(percent, 50) / 100,
                findings, recommendations, metrics, details);
    }

    /**
     * Every duplicated range (so the quality gate can measure duplication on new lines), CPD's settings, and the
     * files CPD left out (binary, oversized, not tokenizable, over the per-file time budget, not searched for want
     * of heap: those also under {@code cpd_not_searched}, so the gate knows it cannot say their duplication).
     */
    private static void putDuplication(Map<String, Object> details, CpdResult duplication) {
        details.put("duplicated_ranges", duplication.blocks().stream().flatMap(b -> b.occurrences().stream())
                .map(DuplicationFindings::place).distinct().toList());
        details.put("cpd_minimum_tokens", duplication.minimumTokens());
        details.put("cpd_languages", duplication.languages());
        details.put("cpd_skipped_files", duplication.skippedFiles().stream()
                .map(s -> ordered("path", s.path(), "reason", s.reason())).toList());
        if (duplication.notSearched() != null) {
            details.put("cpd_not_searched", ordered("why", duplication.notSearched(), "paths", duplication.notSearchedPaths()));
        }
    }

    /**
     * A repository without Java still gets CPD for the other languages PMD tokenizes; the PMD rules, the Java
     * model and the size checks are Java-only, which the row says. Score: the duplication factor alone.
     */
    private PerspectiveResult duplicationOnly(CpdResult duplication) {
        Duplication blocks = Duplication.of(duplication, null, null); // neither Java nor Python here
        if (duplication.totalLines() == 0) {
            return PerspectiveResult.skipped("No Java files and no file in a language CPD reads (JavaScript, TypeScript, "
                    + "Python, Kotlin): nothing for PMD, CPD or the size checks to look at.", List.of(Metric.of("java_files", 0)));
        }
        double percent = duplication.duplicatedLinesPercent();
        List<Metric> metrics = List.of(Metric.of("java_files", 0),
                Metric.of("duplicated_lines", duplication.duplicatedLines()),
                Metric.of("duplicated_lines_percent", round(percent)),
                Metric.of("duplicate_blocks", duplication.blocks().size()),
                Metric.of("cpd_lines", duplication.totalLines()));
        Map<String, Object> details = new LinkedHashMap<>();
        putDuplication(details, duplication);
        return new PerspectiveResult(Status.OK, "no Java files: PMD rules, complexity and size checks are Java-only; duplication only",
                round(percent) + "% of " + Plural.of(duplication.totalLines(), "line") + " duplicated in "
                        + Plural.of(duplication.blocks().size(), "block") + " (CPD over " + String.join(", ", duplication.languages().keySet()) + "); no Java files for PMD." + duplication.notSearchedSentence(),
                1 - Math.min(percent, 50) / 100, blocks.findings(), blocks.recommendations(), metrics, details);
    }

    /**
     * CPD's blocks as findings and recommendations, knowing which the language or the design requires to repeat:
     * {@code @typing.overload} signatures (the Python model tells) and interface method declarations without bodies
     * (Guava's Graph and ValueGraph redeclare BaseGraph's methods to document them; the Java model tells), and which
     * are data: Python tables of constants written out (chardet's character-to-order map per encoding share their
     * first 130 entries). They are reported as info and not advised to be extracted: there is no logic to extract.
     * The duplicated-lines figures stay CPD's.
     */
    private record Duplication(CpdResult result, Function<CpdResult.DuplicateBlock, String> repeatedByDesign) {

        static final String OVERLOADS = "@typing.overload signatures, which typing requires to repeat";
        static final String DECLARATIONS = "interface method declarations without bodies, redeclared to document them";
        static final String TABLES = "tables of constants written out: data, not logic to extract";

        static Duplication of(CpdResult result, PythonModelFacts facts, JavaModel java) {
            Map<String, JavaFileModel> javaFiles = java == null ? Map.of() : java.parsedFiles().stream()
                    .collect(Collectors.toMap(JavaFileModel::path, f -> f, (a, b) -> a));
            return new Duplication(result, b -> {
                if (facts != null && b.occurrences().stream().anyMatch(o -> o.path().endsWith(".py")
                        && facts.inOverloadStub(o.path(), o.beginLine(), o.endLine()))) {
                    return OVERLOADS;
                }
                if (facts != null && b.occurrences().stream().allMatch(o -> o.path().endsWith(".py")
                        && facts.inLiteralTable(o.path(), o.beginLine(), o.endLine()))) {
                    return TABLES;
                }
                return b.occurrences().stream().allMatch(o -> onlyInterfaceDeclarations(javaFiles.get(o.path()), o))
                        ? DECLARATIONS : null;
            });
        }

        /** Whether the lines lie in an interface (the innermost type around them) and in no method with a body. */
        private static boolean onlyInterfaceDeclarations(JavaFileModel file, CpdResult.Occurrence o) {
            if (file == null) {
                return false;
            }
            return file.types().stream().filter(t -> t.beginLine() <= o.beginLine() && o.endLine() <= t.endLine())
                    .max(Comparator.comparingInt(JavaTypeModel::beginLine))
                    .filter(t -> t.kind().equals("interface"))
                    .map(t -> t.methods().stream().noneMatch(m -> m.hasBody()
                            && m.beginLine() <= o.endLine() && o.beginLine() <= m.endLine()))
                    .orElse(false);
        }

        List<Finding> findings() {
            return DuplicationFindings.of(result, repeatedByDesign);
        }

        List<String> recommendations() {
            return result.blocks().stream().filter(b -> repeatedByDesign.apply(b) == null).limit(3)
                    .map(b -> "Extract the " + Plural.of(b.lines(), "duplicated line") + " at "
                            + b.occurrences().stream().map(DuplicationFindings::place).collect(Collectors.joining(" and "))
                            + " into one shared method or class.").toList();
        }
    }

    private static Finding parseError(PmdProcessingError error) {
        return Finding.of(PARSE_ERROR, "Parsing", Severity.LOW, error.path(), null, null,
                "PMD cannot parse this file, so no rule checks it: " + error.message(), error.message());
    }

    private static List<String> recommendations(PmdReport report, PmdFindings pmd,
                                                 List<JavaMethodRef> methods, Duplication duplication,
                                                 List<Finding> sizeFindings) {
        List<String> recommendations = new ArrayList<>();
        List<PmdProcessingError> unparseable = report.unparseableFiles();
        if (!unparseable.isEmpty()) {
            recommendations.add("Fix " + Plural.the(unparseable.size(), "Java file") + " PMD cannot parse, "
                    + (unparseable.size() == 1 ? "" : "starting with ") + unparseable.get(0).path() + " ("
                    + unparseable.get(0).message() + "); no rule checks " + (unparseable.size() == 1 ? "it." : "them."));
        }
        recommendations.addAll(pmd.topRuleRecommendations(3));
        // a switch counts once here: a method that only maps values is not one to split
        methods.stream().filter(m -> m.method().modifiedCyclomatic() > 10).sorted(JavaMethodRef.MOST_BRANCHING_FIRST).limit(3)
                .forEach(m -> recommendations.add("Split " + m.displayName() + " (" + m.path() + ":"
                        + m.method().beginLine() + ", cyclomatic complexity " + m.method().modifiedCyclomatic()
                        + (m.method().switchCases() == 0 ? "" : " counting each switch once") + ") into smaller methods."));
        recommendations.addAll(duplication.recommendations());
        sizeFindings.stream().filter(f -> f.rule().equals(SizeChecks.OVERSIZED_CLASS)).limit(2)
                .forEach(f -> recommendations.add("Split " + f.message() + " (" + f.file() + ")."));
        return recommendations;
    }

    private static Map<String, Object> details(Snapshot snapshot, PmdReport report, List<PmdViolation> violations,
                                               ComplexityDistribution complexity, List<JavaMethodRef> methods,
                                               CpdResult duplication) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ruleset", report.ruleset());
        // the level PMD parsed with: a parse error may mean the build declares an older Java than the code uses
        details.put("java_language_level", snapshot.javaLanguageLevels().details());
        details.put("rule_counts", PmdReport.countByRule(violations));
        details.put("category_counts", violations.stream()
                .collect(Collectors.groupingBy(PmdViolation::ruleSet, TreeMap::new, Collectors.counting())));
        details.put("complexity_buckets", complexity.buckets());
        details.put("most_complex_methods", methods.stream().sorted(JavaMethodRef.MOST_COMPLEX_FIRST).limit(TOP)
                .map(CodeQualityPerspective::method).toList());
        details.put("largest_duplicate_blocks", duplication.blocks().stream().limit(TOP).map(b -> ordered(
                "lines", b.lines(), "tokens", b.tokens(),
                "occurrences", b.occurrences().stream().map(DuplicationFindings::place).toList())).toList());
        putDuplication(details, duplication);
        details.put("unparseable_files", report.unparseableFiles().stream()
                .map(e -> ordered("path", e.path(), "message", e.message())).toList());
        details.put("skipped_files", report.skippedFiles().stream()
                .map(s -> ordered("path", s.path(), "reason", s.reason())).toList());
        details.put("thresholds", ordered("file_lines", SizeChecks.FILE_LINES, "class_lines", SizeChecks.CLASS_LINES,
                "method_lines", SizeChecks.METHOD_LINES, "complex_cyclomatic", SizeChecks.COMPLEX_CYCLOMATIC));
        return details;
    }

    static Map<String, Object> method(JavaMethodRef ref) {
        return ordered("path", ref.path(), "method", ref.displayName(), "line", ref.method().beginLine(),
                "cyclomatic", ref.method().cyclomatic(), "ncss", ref.method().ncss(), "lines", ref.method().lines());
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
