package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.CLASSES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.CYCLES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.EDGES_PER_CYCLE_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.EXTERNAL_PACKAGES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HIGHLY_COUPLED_EFFERENT;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.MEMBERS_IN_MESSAGE;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.PACKAGES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.UNPARSEABLE_FILES_IN_DETAILS;
import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/** Findings, recommendations, metrics, details and summary of a {@link PythonArchitecture}. */
final class PythonArchitectureReport {

    static final String IMPORT_CYCLE = "import-cycle";
    static final String HIGHLY_COUPLED_MODULE = "highly-coupled-module";

    private PythonArchitectureReport() {
    }

    /**
     * Circular imports (high in main code; medium, in test scope, when only test modules take part; one step lower
     * when it holds by statement order, {@link ImportOrder}) and modules
     * importing more than {@value ArchitectureLimits#HIGHLY_COUPLED_EFFERENT} project modules. Hotspots are added
     * by the caller, ranked together with Java files in a mixed repository.
     */
    static List<Finding> findings(PythonArchitecture analysis) {
        List<Finding> findings = new ArrayList<>();
        for (DependencyCycle cycle : analysis.importCycles()) {
            boolean testOnly = analysis.isTestOnly(cycle);
            ImportOrder.Failure failure = analysis.failureOf(cycle);
            PythonModuleGraph.Edge reading = failure.edge();
            Severity severity = failure.holdsByOrder() ? (testOnly ? Severity.LOW : Severity.MEDIUM)
                    : testOnly ? Severity.MEDIUM : Severity.HIGH;
            Finding finding = Finding.of(IMPORT_CYCLE, ArchitectureFindings.CATEGORY, severity, reading.file(),
                    reading.line(), reading.line(),
                    "Circular import among " + Plural.of(cycle.members().size(), (testOnly ? "test " : "") + "module")
                            + ": " + failure(failure) + "; the imports: " + edgeList(cycle),
                    "import cycle " + String.join(" ", cycle.members()));
            findings.add(testOnly ? finding.withScope(Scope.TEST) : finding);
        }
        for (PythonModuleMetrics m : analysis.modules()) {
            if (m.efferent() > HIGHLY_COUPLED_EFFERENT) {
                findings.add(Finding.of(HIGHLY_COUPLED_MODULE, ArchitectureFindings.CATEGORY, Severity.MEDIUM, m.file(),
                        null, null, m.module() + " imports " + Plural.of(m.efferent(), "project module") + " (more than "
                                + HIGHLY_COUPLED_EFFERENT + ")", "module " + m.module()));
            }
        }
        return findings;
    }

    /** Where the cycle breaks: the import that reads a module still initializing, and the order that leads there. */
    private static String failure(ImportOrder.Failure failure) {
        PythonModuleGraph.Edge edge = failure.edge();
        String where = " (" + edge.file() + ":" + edge.line() + ")";
        if (failure.orderedBy() != null) {
            return "it holds only by statement order: when " + failure.first() + " is imported first, " + edge.from()
                    + " reads names of " + edge.to() + " before it has bound them" + where + ", but " + failure.orderedBy()
                    + "'s own imports load " + failure.loadedFirst() + " first; moving an import there breaks it";
        }
        if (failure.holdsByOrder() && !failure.loadedSubmodules().isEmpty()) {
            List<String> read = failure.loadedSubmodules().stream().sorted().map(name -> edge.to() + "." + name).toList();
            return "it holds only by statement order: when " + failure.first() + " is imported first, " + edge.from()
                    + " reads " + String.join(", ", read) + " while " + edge.to() + " is still initializing" + where
                    + ", bound only because an import of " + edge.from() + " above the read loads "
                    + (read.size() == 1 ? "that submodule" : "those submodules") + " first; moving an import breaks it";
        }
        return failure.holdsByOrder()
                ? "it holds only by statement order: when " + failure.first() + " is imported first, " + edge.from()
                + " reads names of " + edge.to() + " while it is still initializing, names it has bound by then" + where
                + "; moving an import in " + edge.to() + " breaks it"
                : "when " + failure.first() + " is imported first, " + edge.from() + " reads names of " + edge.to()
                + " before it has bound them" + where;
    }

    private static String edgeList(DependencyCycle cycle) {
        List<String> shown = cycle.edges().stream().limit(MEMBERS_IN_MESSAGE)
                .map(e -> e.from() + " → " + e.to() + " (" + e.file() + ":" + e.line() + ")").toList();
        String list = String.join(", ", shown);
        int more = cycle.edges().size() - shown.size();
        return more > 0 ? list + " and " + Plural.of(more, "more import") : list;
    }

    static List<String> recommendations(PythonArchitecture analysis) {
        List<String> recommendations = new ArrayList<>();
        analysis.importCycles().stream().filter(c -> !analysis.isTestOnly(c)).findFirst()
                .or(() -> analysis.importCycles().stream().findFirst())
                .ifPresent(c -> recommendations.add("Break the " + Plural.of(analysis.importCycles().size(), "circular import")
                        + ", starting with " + String.join(", ", c.members().stream().limit(MEMBERS_IN_MESSAGE).toList())
                        + ": move what both modules need into a module of its own, import inside the function that "
                        + "needs it, or import for type hints only under `if TYPE_CHECKING:`."));
        analysis.modules().stream().filter(m -> m.efferent() > HIGHLY_COUPLED_EFFERENT)
                .max(Comparator.comparingInt(PythonModuleMetrics::efferent))
                .ifPresent(m -> recommendations.add("Split " + m.module() + ", which imports "
                        + Plural.of(m.efferent(), "project module") + ", into parts that each depend on fewer of them."));
        if (!analysis.unparseableFiles().isEmpty()) {
            recommendations.add("Fix " + Plural.the(analysis.unparseableFiles().size(), "Python file")
                    + " the model could not read; " + (analysis.unparseableFiles().size() == 1 ? "it is" : "they are")
                    + " left out of the architecture review.");
        }
        return recommendations;
    }

    /** Python metrics, named apart from the Java ones so a mixed repository has both. */
    static List<Metric> metrics(PythonArchitecture analysis) {
        List<Metric> metrics = new ArrayList<>(inputMetrics(analysis));
        metrics.add(Metric.of("python_modules", analysis.mainModules()));
        metrics.add(Metric.of("python_packages", analysis.packages().size()));
        metrics.add(Metric.of("python_module_dependencies", analysis.modules().stream().mapToInt(PythonModuleMetrics::efferent).sum()));
        metrics.add(Metric.of("python_package_dependencies", analysis.packageGraph().edgeCount()));
        metrics.add(Metric.of("import_cycles", analysis.importCycles().size()));
        metrics.add(Metric.of("modules_in_import_cycles", analysis.modulesInCycles()));
        metrics.add(Metric.of("python_package_cycles", analysis.packageCycles().size()));
        metrics.add(Metric.of("deferred_project_imports", analysis.deferredImports()));
        metrics.add(Metric.of("type_checking_project_imports", analysis.typeCheckingImports()));
        metrics.add(Metric.of("script_project_imports", analysis.scriptImports()));
        metrics.add(Metric.of("import_cycles_that_cannot_fail", analysis.cyclesThatCannotFail()));
        analysis.averageInstability().ifPresent(v -> metrics.add(Metric.of("python_avg_instability", ArchitectureFindings.round(v))));
        analysis.averageDistance().ifPresent(v -> metrics.add(Metric.of("python_avg_distance_main_sequence", ArchitectureFindings.round(v))));
        metrics.add(Metric.of("max_module_efferent_coupling", analysis.modules().stream().mapToInt(PythonModuleMetrics::efferent).max().orElse(0)));
        metrics.add(Metric.of("max_module_afferent_coupling", analysis.modules().stream().mapToInt(PythonModuleMetrics::afferent).max().orElse(0)));
        metrics.add(Metric.of("highly_coupled_modules", analysis.modules().stream().filter(m -> m.efferent() > HIGHLY_COUPLED_EFFERENT).count()));
        metrics.add(Metric.of("python_external_packages", analysis.graph().externalPackageUsage().size()));
        metrics.add(Metric.of("python_unresolved_project_imports", analysis.graph().unresolvedImports()));
        return metrics;
    }

    static List<Metric> inputMetrics(PythonArchitecture analysis) {
        return List.of(Metric.of("python_files", analysis.pythonFiles()),
                Metric.of("python_unparseable_files", analysis.unparseableFiles().size()),
                Metric.of("python_test_modules", analysis.testModules()));
    }

    static Map<String, Object> details(PythonArchitecture analysis) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<PackageMetrics> listed = analysis.packages().stream()
                .sorted(Comparator.comparingInt((PackageMetrics p) -> -(p.afferent() + p.efferent())).thenComparing(PackageMetrics::name))
                .limit(PACKAGES_IN_DETAILS).toList();
        details.put("packages", listed.stream().map(p -> {
            Map<String, Object> entry = ordered("name", packageName(p.name()), "modules", p.files(), "classes", p.types(),
                    "abstract_classes", p.abstractTypes(), "ca", p.afferent(), "ce", p.efferent());
            entry.put("instability", rounded(p.instability()));
            entry.put("abstractness", rounded(p.abstractness()));
            entry.put("distance", rounded(p.distance()));
            entry.put("depends_on", analysis.packageGraph().dependenciesOf(p.name()).stream().map(PythonArchitectureReport::packageName).toList());
            return entry;
        }).toList());
        details.put("import_cycles", analysis.importCycles().stream().limit(CYCLES_IN_DETAILS).map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("members", c.members());
            entry.put("scope", analysis.isTestOnly(c) ? "test" : "main");
            entry.put("edges_total", c.edges().size());
            entry.put("edges", c.edges().stream().limit(EDGES_PER_CYCLE_IN_DETAILS)
                    .map(e -> ordered("from", e.from(), "to", e.to(), "file", e.file(), "line", e.line())).toList());
            return entry;
        }).toList());
        details.put("package_cycles", analysis.packageCycles().stream().limit(CYCLES_IN_DETAILS).map(c -> ordered(
                "members", c.members().stream().map(PythonArchitectureReport::packageName).toList(),
                "edges", c.edges().stream().limit(EDGES_PER_CYCLE_IN_DETAILS)
                        .map(e -> ordered("from", packageName(e.from()), "to", packageName(e.to()), "file", e.file())).toList()))
                .toList());
        details.put("largest_modules", modules(analysis, PythonModuleMetrics::lines));
        details.put("most_complex_modules", modules(analysis, PythonModuleMetrics::complexity));
        details.put("most_coupled_modules", modules(analysis, PythonModuleMetrics::efferent));
        details.put("most_depended_upon_modules", modules(analysis, PythonModuleMetrics::afferent));
        details.put("top_external_packages", analysis.graph().externalPackageUsage().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EXTERNAL_PACKAGES_IN_DETAILS).map(e -> ordered("package", e.getKey(), "files", e.getValue())).toList());
        details.put("unparseable_files", analysis.unparseableFiles().stream().limit(UNPARSEABLE_FILES_IN_DETAILS).toList());
        details.put("imports_counted", "circular imports: imports that run at import time (top level, try/if blocks, "
                + "class bodies); coupling: those and imports inside functions; never: imports under `if TYPE_CHECKING:`");
        return details;
    }

    private static List<Map<String, Object>> modules(PythonArchitecture analysis, ToIntFunction<PythonModuleMetrics> key) {
        return analysis.modules().stream().filter(m -> key.applyAsInt(m) > 0)
                .sorted(Comparator.comparingInt(key).reversed().thenComparing(PythonModuleMetrics::file))
                .limit(CLASSES_IN_DETAILS)
                .map(m -> ordered("file", m.file(), "module", m.module(), "lines", m.lines(), "functions", m.functions(),
                        "classes", m.classes(), "complexity", m.complexity(), "efferent", m.efferent(), "afferent", m.afferent()))
                .toList();
    }

    /** "12 Python modules in 1 package with 20 module dependencies; 1 circular import involving 2 modules …". */
    static String summary(PythonArchitecture analysis) {
        StringBuilder summary = new StringBuilder();
        summary.append(Plural.of(analysis.mainModules(), "Python module")).append(" in ")
                .append(Plural.of(analysis.packages().size(), "package")).append(" with ")
                .append(Plural.of(analysis.modules().stream().mapToInt(PythonModuleMetrics::efferent).sum(),
                        "module dependency", "module dependencies")).append("; ");
        if (analysis.importCycles().isEmpty()) {
            summary.append("no circular imports");
        } else {
            summary.append(Plural.of(analysis.importCycles().size(), "circular import")).append(" involving ")
                    .append(Plural.of(analysis.modulesInCycles(), "module"));
        }
        if (analysis.cyclesThatCannotFail() > 0) {
            summary.append(" (and ").append(Plural.of(analysis.cyclesThatCannotFail(), "import cycle"))
                    .append(" that cannot fail: ").append(analysis.cyclesThatCannotFail() == 1 ? "it only binds" : "they only bind")
                    .append(" modules still initializing, reading their names inside functions)");
        }
        int notCounted = analysis.deferredImports() + analysis.typeCheckingImports() + analysis.scriptImports();
        String projectImports = notCounted == 1 ? " project import)" : " project imports)";
        if (analysis.scriptImports() > 0) {
            summary.append(" (not counting ").append(analysis.deferredImports()).append(" deferred, ")
                    .append(analysis.typeCheckingImports()).append(" TYPE_CHECKING-only and ").append(analysis.scriptImports())
                    .append(" script-only (`if __name__ == \"__main__\":`)").append(projectImports);
        } else if (notCounted > 0) {
            summary.append(" (not counting ").append(analysis.deferredImports()).append(" deferred and ")
                    .append(analysis.typeCheckingImports()).append(" TYPE_CHECKING-only").append(projectImports);
        }
        // not the distance from the main sequence: duck-typed abstractions are not counted, so it reads "far" for
        // nearly every package (PyYAML's one package: 1.00, the worst figure); it stays in the metrics and details
        analysis.averageInstability().ifPresent(v -> summary.append("; average package instability ").append(format(v)));
        summary.append('.');
        if (!analysis.unparseableFiles().isEmpty()) {
            summary.append(' ').append(Plural.of(analysis.unparseableFiles().size(), "Python file"))
                    .append(" could not be modelled and ").append(analysis.unparseableFiles().size() == 1 ? "was" : "were")
                    .append(" left out.");
        }
        return summary.toString();
    }

    static String packageName(String name) {
        return name.isEmpty() ? "(top-level modules)" : name;
    }

    private static Double rounded(Double value) {
        return value == null ? null : ArchitectureFindings.round(value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
