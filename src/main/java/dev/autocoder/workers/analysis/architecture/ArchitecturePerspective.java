package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Architecture Review: the dependency structure of the project's Java packages, Robert C. Martin's package
 * metrics, dependency cycles, class size and coupling, and churn × complexity hotspots; for Python the module
 * import graph from the Python model, circular imports, package metrics, module coupling and the same hotspots
 * ({@link PythonArchitecture}). A repository with both gets both, its hotspots ranked together.
 * <p>
 * Only main code counts: test, fixture and generated files (their {@link dev.autocoder.workers.repository.Scope}),
 * and files whose types all look like tests, are left out; unparseable files are counted and left out.
 * <p>
 * Quality score: {@code 1 − 0.6 × F − 0.4 × D̄}, clamped to 0..1, where F is the fraction of packages that sit in
 * a dependency cycle and D̄ the average distance from the main sequence {@code |A + I − 1|} over the packages
 * where it is defined (it is 0 when none is). For Python {@code 1 − 0.6 × F} over modules
 * ({@link PythonArchitecture#qualityScore()}); a mixed repository weighs the two by their main files.
 */
@Component
public class ArchitecturePerspective extends AnalysisPerspective {

    public static final String ID = "architecture";

    private final JavaModelProvider javaModelProvider;
    private final PythonModelProvider pythonModelProvider;
    private final ChurnProvider churnProvider;

    @Autowired
    public ArchitecturePerspective(JavaModelProvider javaModelProvider, PythonModelProvider pythonModelProvider,
                                   ChurnProvider churnProvider) {
        super(ID, "Architecture Review");
        this.javaModelProvider = javaModelProvider;
        this.pythonModelProvider = pythonModelProvider;
        this.churnProvider = churnProvider;
    }

    /** Java only: Python files are left to the churn ranking. */
    public ArchitecturePerspective(JavaModelProvider javaModelProvider, ChurnProvider churnProvider) {
        this(javaModelProvider, null, churnProvider);
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        boolean hasJava = !snapshot.files(Language.JAVA).isEmpty();
        boolean hasPython = pythonModelProvider != null && !snapshot.files(Language.PYTHON).isEmpty();
        if (!hasJava && !hasPython) {
            return churnOnly(snapshot);
        }
        ToIntFunction<String> linesOf = path -> snapshot.file(path).map(SourceFile::lines).orElse(0);
        ArchitectureAnalysis.Churn churn = churn(snapshot);
        PythonArchitecture python = hasPython
                ? PythonArchitecture.of(pythonModelProvider.modelled(snapshot), snapshot::scopeOf, linesOf, churn) : null;
        boolean pythonReviewed = python != null && python.mainModules() + python.testModules() > 0;
        if (!hasJava) {
            return pythonReviewed ? pythonOnly(python) : pythonSkipped(python);
        }
        JavaModel model = javaModelProvider.model(snapshot);
        ArchitectureAnalysis analysis = ArchitectureAnalysis.of(model, linesOf, churn,
                path -> snapshot.scopeOf(path) == dev.autocoder.workers.repository.Scope.MAIN);
        if (analysis.packages().isEmpty() && pythonReviewed) {
            return pythonOnly(python);
        }
        if (analysis.packages().isEmpty()) {
            return PerspectiveResult.skipped("No parseable production Java code: " + Plural.of(analysis.javaFiles(), "Java file")
                    + ", " + analysis.unparseableFiles().size() + " unparseable, "
                    + (analysis.skippedFiles() > 0
                            ? analysis.skippedFiles() + " skipped (binary, oversized or unreadable), " : "")
                    + Plural.of(analysis.testFiles(), "test, fixture or generated file") + ".", inputMetrics(analysis));
        }
        if (!pythonReviewed) {
            return PerspectiveResult.ok(summary(analysis), analysis.qualityScore(), ArchitectureFindings.of(analysis),
                    ArchitectureFindings.recommendations(analysis), metrics(analysis), ArchitectureDetails.of(analysis));
        }
        return mixed(analysis.withHotspots(Hotspot.merge(analysis.hotspots(), python.hotspots())), python);
    }

    /** Java and Python side by side: both reviews' findings and metrics, one hotspot ranking over both. */
    private static PerspectiveResult mixed(ArchitectureAnalysis java, PythonArchitecture python) {
        List<Finding> findings = new ArrayList<>(ArchitectureFindings.of(java));
        findings.addAll(PythonArchitectureReport.findings(python));
        List<String> recommendations = new ArrayList<>(ArchitectureFindings.recommendations(java));
        recommendations.addAll(PythonArchitectureReport.recommendations(python));
        List<Metric> metrics = new ArrayList<>(metrics(java));
        metrics.addAll(PythonArchitectureReport.metrics(python));
        Map<String, Object> details = new LinkedHashMap<>(ArchitectureDetails.of(java));
        details.put("python", PythonArchitectureReport.details(python));
        int javaFiles = java.packages().stream().mapToInt(PackageMetrics::files).sum();
        int pythonFiles = python.mainModules();
        double score = javaFiles + pythonFiles == 0 ? java.qualityScore()
                : (java.qualityScore() * javaFiles + python.qualityScore() * pythonFiles) / (javaFiles + pythonFiles);
        return PerspectiveResult.ok(summary(java) + " Python: " + PythonArchitectureReport.summary(python), score,
                findings, recommendations, metrics, details);
    }

    private static PerspectiveResult pythonOnly(PythonArchitecture python) {
        List<Finding> findings = new ArrayList<>(PythonArchitectureReport.findings(python));
        findings.addAll(ArchitectureFindings.hotspotFindings(python.hotspots()));
        List<String> recommendations = new ArrayList<>(PythonArchitectureReport.recommendations(python));
        ArchitectureFindings.hotspotRecommendation(python.hotspots()).ifPresent(r ->
                recommendations.add(python.importCycles().isEmpty() ? 0 : 1, r));
        List<Metric> metrics = new ArrayList<>(PythonArchitectureReport.metrics(python));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("python", PythonArchitectureReport.details(python));
        if (python.hotspotsAvailable()) {
            metrics.add(Metric.of("hotspots_ranked", python.hotspots().size()));
            metrics.add(Metric.of("top_hotspot_score", python.hotspots().isEmpty() ? 0 : python.hotspots().get(0).score()));
            details.put("hotspots", ArchitectureFindings.top(python.hotspots()).stream().map(ArchitectureDetails::hotspot).toList());
        } else {
            details.put("hotspots_unavailable_reason", python.hotspotsUnavailableReason());
        }
        String summary = PythonArchitectureReport.summary(python) + " "
                + hotspotSentence(python.hotspotsUnavailableReason(), python.hotspots(), "Python module with functions");
        return PerspectiveResult.ok(summary, python.qualityScore(), findings, recommendations, metrics, details);
    }

    /** Python files but none modelled: say why (often: no interpreter, and how to install one), never "no findings". */
    private static PerspectiveResult pythonSkipped(PythonArchitecture python) {
        String reason;
        if (python.modelProblem() != null) {
            reason = "No Python file could be modelled: " + python.modelProblem();
        } else {
            reason = "No Python main or test module to review: " + Plural.of(python.pythonFiles(), "Python file") + ", "
                    + python.unparseableFiles().size() + " not modelled (syntax errors or over the time budget), "
                    + Plural.of(python.otherFiles(), "fixture, generated or build file") + ".";
        }
        return PerspectiveResult.skipped(reason, PythonArchitectureReport.inputMetrics(python));
    }

    private static String hotspotSentence(String unavailableReason, List<Hotspot> hotspots, String kindOfFile) {
        if (unavailableReason != null) {
            return "Hotspots unavailable: " + unavailableReason + ".";
        }
        if (hotspots.isEmpty()) {
            return "No " + kindOfFile + " changed in the churn window, so no hotspots.";
        }
        Hotspot top = hotspots.get(0);
        return "Top hotspot: " + top.file() + " (" + ArchitectureFindings.commits(top.commits()) + " × complexity " + top.complexity() + ").";
    }

    private ArchitectureAnalysis.Churn churn(Snapshot snapshot) {
        Optional<List<FileChurn>> churn;
        try {
            churn = churnProvider.churn(snapshot);
        } catch (RuntimeException e) {
            // Only the type: a message could carry a remote URL.
            return ArchitectureAnalysis.Churn.unavailable("the git history could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        return churn.map(ArchitectureAnalysis.Churn::of)
                .orElseGet(() -> ArchitectureAnalysis.Churn.unavailable("the target has no git history"));
    }

    private static List<Metric> inputMetrics(ArchitectureAnalysis analysis) {
        return List.of(Metric.of("java_files", analysis.javaFiles()),
                Metric.of("unparseable_files", analysis.unparseableFiles().size()),
                Metric.of("skipped_java_files", analysis.skippedFiles()),
                Metric.of("test_files_excluded", analysis.testFiles()));
    }

    private static List<Metric> metrics(ArchitectureAnalysis analysis) {
        List<Metric> metrics = new ArrayList<>(inputMetrics(analysis));
        metrics.add(Metric.of("packages", analysis.packages().size()));
        metrics.add(Metric.of("package_dependencies", analysis.graph().edgeCount()));
        metrics.add(Metric.of("dependency_cycles", analysis.cycles().size()));
        metrics.add(Metric.of("packages_in_cycles", analysis.packagesInCycles()));
        analysis.averageInstability().ifPresent(v -> metrics.add(Metric.of("avg_instability", ArchitectureFindings.round(v))));
        analysis.averageDistance().ifPresent(v -> metrics.add(Metric.of("avg_distance_main_sequence", ArchitectureFindings.round(v))));
        metrics.add(Metric.of("max_efferent_coupling", analysis.packages().stream().mapToInt(PackageMetrics::efferent).max().orElse(0)));
        metrics.add(Metric.of("max_afferent_coupling", analysis.packages().stream().mapToInt(PackageMetrics::afferent).max().orElse(0)));
        metrics.add(Metric.of("types", analysis.types()));
        metrics.add(Metric.of("abstract_types", analysis.packages().stream().mapToInt(PackageMetrics::abstractTypes).sum()));
        metrics.add(Metric.of("external_packages", analysis.graph().externalPackageUsage().size()));
        metrics.add(Metric.of("unresolved_project_imports", analysis.graph().unresolvedImports()));
        metrics.add(Metric.of("max_class_efferent_coupling", analysis.classes().stream().mapToInt(ClassMetrics::efferent).max().orElse(0)));
        metrics.add(Metric.of("highly_coupled_classes", analysis.classes().stream()
                .filter(c -> c.efferent() > ArchitectureLimits.HIGHLY_COUPLED_EFFERENT).count()));
        metrics.add(Metric.of("oversized_classes", analysis.classes().stream()
                .filter(c -> c.lines() > ArchitectureLimits.OVERSIZED_LINES || c.methods() > ArchitectureLimits.OVERSIZED_METHODS).count()));
        if (analysis.hotspotsAvailable()) {
            metrics.add(Metric.of("hotspots_ranked", analysis.hotspots().size()));
            metrics.add(Metric.of("top_hotspot_score", analysis.hotspots().isEmpty() ? 0 : analysis.hotspots().get(0).score()));
        }
        return metrics;
    }

    private static String summary(ArchitectureAnalysis analysis) {
        StringBuilder summary = new StringBuilder();
        summary.append(Plural.of(analysis.packages().size(), "package")).append(" with ")
                .append(Plural.of(analysis.graph().edgeCount(), "dependency", "dependencies")).append("; ");
        if (analysis.cycles().isEmpty()) {
            summary.append("no dependency cycles");
        } else {
            summary.append(Plural.of(analysis.cycles().size(), "dependency cycle")).append(" involving ")
                    .append(Plural.of(analysis.packagesInCycles(), "package"));
        }
        analysis.averageInstability().ifPresent(v -> summary.append("; average instability ").append(format(v)));
        analysis.averageDistance().ifPresent(v -> summary.append(", average distance from the main sequence ").append(format(v)));
        summary.append(". ");
        summary.append(hotspotSentence(analysis.hotspotsUnavailableReason(), analysis.hotspots(), "Java file with methods"));
        if (!analysis.unparseableFiles().isEmpty()) {
            summary.append(' ').append(Plural.of(analysis.unparseableFiles().size(), "Java file"))
                    .append(" could not be parsed and ").append(analysis.unparseableFiles().size() == 1 ? "was" : "were")
                    .append(" left out.");
        }
        return summary.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Without Java and Python the package graph, coupling and complexity are unknown, but git churn is language-agnostic:
     * the row ranks the most changed files (no score, no findings: churn alone is not a defect).
     */
    private PerspectiveResult churnOnly(Snapshot snapshot) {
        List<FileChurn> churn;
        try {
            churn = churnProvider.churn(snapshot).orElse(null);
        } catch (RuntimeException e) {
            churn = null;
        }
        if (churn == null) {
            return PerspectiveResult.skipped("The repository has no Java or Python files (the package graph, coupling "
                    + "and complexity need one of them) and no readable git history for churn.", List.of(Metric.of("java_files", 0)));
        }
        List<FileChurn> ranked = churn.stream().filter(c -> c.commits() > 0)
                .sorted(java.util.Comparator.comparingInt(FileChurn::commits).reversed()
                        .thenComparing(java.util.Comparator.comparingInt(FileChurn::linesChanged).reversed())
                        .thenComparing(FileChurn::path))
                .toList();
        List<java.util.Map<String, Object>> top = ranked.stream().limit(10).map(c -> {
            java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("file", c.path());
            entry.put("commits", c.commits());
            entry.put("lines_changed", c.linesChanged());
            return entry;
        }).toList();
        List<Metric> metrics = List.of(Metric.of("java_files", 0),
                Metric.of("files_changed_in_window", ranked.size()),
                Metric.of("max_commits_per_file", ranked.isEmpty() ? 0 : ranked.get(0).commits()),
                Metric.of("lines_changed_in_window", ranked.stream().mapToLong(FileChurn::linesChanged).sum()));
        List<String> recommendations = ranked.stream().limit(3).map(c -> "Review " + c.path() + " first: it changed in "
                + Plural.of(c.commits(), "commit") + " (" + Plural.of(c.linesChanged(), "line") + ") within the churn window").toList();
        String summary = ranked.isEmpty()
                ? "No Java or Python files; no file changed within the churn window."
                : "No Java or Python files; " + Plural.of(ranked.size(), "file") + " changed within the churn window, most often "
                        + ranked.get(0).path() + " (" + Plural.of(ranked.get(0).commits(), "commit") + ").";
        return new PerspectiveResult(dev.autocoder.workers.row.Status.OK,
                "no Java or Python files: the package graph, coupling and complexity hotspots need one of them; files ranked by churn alone",
                summary, null, List.of(), recommendations, metrics, java.util.Map.of("most_changed_files", top));
    }
}
