package dev.autocoder.workers.analysis.architecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Packages that all depend on each other, directly or through one another: a strongly connected component of
 * the package graph with more than one member.
 *
 * @param members sorted package names
 * @param edges   the import edges among the members, sorted by (from, to)
 */
record DependencyCycle(List<String> members, List<Edge> edges) {

    /**
     * One edge inside a cycle with a file whose import creates it. The Java model keeps imports without line
     * numbers, so {@code line} is always null.
     */
    record Edge(String from, String to, String file, Integer line) {
    }

    /** The first file (by path) whose import takes part in the cycle. */
    String firstFile() {
        return edges.stream().map(Edge::file).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Every cycle of the graph, the largest first (ties by first member). */
    static List<DependencyCycle> find(PackageGraph graph) {
        List<DependencyCycle> cycles = new ArrayList<>();
        for (List<String> component : StronglyConnectedComponents.of(graph.adjacency())) {
            if (component.size() < 2) {
                continue;
            }
            Set<String> members = new TreeSet<>(component);
            List<Edge> edges = new ArrayList<>();
            for (String from : members) {
                for (String to : graph.dependenciesOf(from)) {
                    if (members.contains(to)) {
                        edges.add(new Edge(from, to, graph.filesCreating(from, to).first(), null));
                    }
                }
            }
            cycles.add(new DependencyCycle(List.copyOf(members), List.copyOf(edges)));
        }
        cycles.sort(Comparator.comparing((DependencyCycle c) -> -c.members().size())
                .thenComparing(c -> c.members().get(0)));
        return cycles;
    }
}
