package dev.autocoder.workers.analysis.architecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.CLASSES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.CYCLES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.EDGES_PER_CYCLE_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.EXTERNAL_PACKAGES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HIGHLY_COUPLED_EFFERENT;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HOTSPOTS_REPORTED;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.OVERSIZED_LINES;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.OVERSIZED_METHODS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.PACKAGES_IN_DETAILS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.UNPARSEABLE_FILES_IN_DETAILS;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/** The {@code details} structure of an architecture row: plain maps and lists, so any JSON writer can encode it. */
final class ArchitectureDetails {

    private ArchitectureDetails() {
    }

    static Map<String, Object> of(ArchitectureAnalysis analysis) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("graph", graph(analysis));
        details.put("cycles", cycles(analysis));
        details.put("largest_classes", classes(analysis, ClassMetrics::lines));
        details.put("most_methods_classes", classes(analysis, ClassMetrics::methods));
        details.put("most_coupled_classes", classes(analysis, ClassMetrics::efferent));
        details.put("most_depended_upon_classes", classes(analysis, ClassMetrics::afferent));
        details.put("top_external_packages", externalPackages(analysis));
        if (analysis.hotspotsAvailable()) {
            details.put("hotspots", ArchitectureFindings.topHotspots(analysis).stream().map(ArchitectureDetails::hotspot).toList());
        } else {
            details.put("hotspots_unavailable_reason", analysis.hotspotsUnavailableReason());
        }
        details.put("unparseable_files", analysis.unparseableFiles().stream().limit(UNPARSEABLE_FILES_IN_DETAILS).toList());
        details.put("thresholds", thresholds());
        return details;
    }

    private static Map<String, Object> graph(ArchitectureAnalysis analysis) {
        List<PackageMetrics> listed = analysis.packages().stream()
                .sorted(Comparator.comparingInt((PackageMetrics p) -> -(p.afferent() + p.efferent()))
                        .thenComparing(PackageMetrics::name))
                .limit(PACKAGES_IN_DETAILS)
                .toList();
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("packages_total", analysis.packages().size());
        graph.put("dependencies_total", analysis.graph().edgeCount());
        graph.put("packages_listed", listed.size());
        graph.put("packages", listed.stream().map(p -> packageEntry(analysis.graph(), p)).toList());
        return graph;
    }

    private static Map<String, Object> packageEntry(PackageGraph graph, PackageMetrics p) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", ArchitectureFindings.displayName(p.name()));
        entry.put("files", p.files());
        entry.put("types", p.types());
        entry.put("abstract_types", p.abstractTypes());
        entry.put("ca", p.afferent());
        entry.put("ce", p.efferent());
        entry.put("instability", rounded(p.instability()));
        entry.put("abstractness", rounded(p.abstractness()));
        entry.put("distance", rounded(p.distance()));
        entry.put("external_imports", p.externalImports());
        entry.put("depends_on", graph.dependenciesOf(p.name()).stream().map(ArchitectureFindings::displayName).toList());
        return entry;
    }

    private static List<Map<String, Object>> cycles(ArchitectureAnalysis analysis) {
        List<Map<String, Object>> cycles = new ArrayList<>();
        for (DependencyCycle cycle : analysis.cycles().stream().limit(CYCLES_IN_DETAILS).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("members", cycle.members().stream().map(ArchitectureFindings::displayName).toList());
            entry.put("edges_total", cycle.edges().size());
            entry.put("edges", cycle.edges().stream().limit(EDGES_PER_CYCLE_IN_DETAILS).map(e -> {
                Map<String, Object> edge = new LinkedHashMap<>();
                edge.put("from", ArchitectureFindings.displayName(e.from()));
                edge.put("to", ArchitectureFindings.displayName(e.to()));
                edge.put("file", e.file());
                edge.put("line", e.line());
                return edge;
            }).toList());
            cycles.add(entry);
        }
        return cycles;
    }

    private static List<Map<String, Object>> classes(ArchitectureAnalysis analysis, Function<ClassMetrics, Integer> key) {
        return analysis.classes().stream()
                .filter(c -> key.apply(c) > 0)
                .sorted(Comparator.comparing(key).reversed().thenComparing(ClassMetrics::file))
                .limit(CLASSES_IN_DETAILS)
                .map(c -> ordered("file", c.file(), "type", c.type(), "lines", c.lines(), "methods", c.methods(),
                        "complexity", c.complexity(), "efferent", c.efferent(), "afferent", c.afferent()))
                .toList();
    }

    private static List<Map<String, Object>> externalPackages(ArchitectureAnalysis analysis) {
        return analysis.graph().externalPackageUsage().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EXTERNAL_PACKAGES_IN_DETAILS)
                .map(e -> ordered("package", e.getKey(), "files", e.getValue()))
                .toList();
    }

    static Map<String, Object> hotspot(Hotspot h) {
        return ordered("rank", h.rank(), "file", h.file(), "commits", h.commits(), "complexity", h.complexity(),
                "score", h.score(), "lines_changed", h.linesChanged());
    }

    private static Map<String, Object> thresholds() {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("highly_coupled_class_efferent", HIGHLY_COUPLED_EFFERENT);
        thresholds.put("oversized_class_lines", OVERSIZED_LINES);
        thresholds.put("oversized_class_methods", OVERSIZED_METHODS);
        thresholds.put("hotspots_reported", HOTSPOTS_REPORTED);
        return thresholds;
    }

    private static Double rounded(Double value) {
        return value == null ? null : ArchitectureFindings.round(value);
    }
}
