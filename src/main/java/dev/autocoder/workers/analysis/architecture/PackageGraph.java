package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency graph of the project's own packages: an edge p → q when a file of p imports a type of q (or
 * q by wildcard). Each edge keeps the files whose imports create it. Imports of anything else are counted as
 * external dependencies and never become edges.
 */
final class PackageGraph {

    private final SortedSet<String> packages = new TreeSet<>();
    private final Map<String, SortedMap<String, SortedSet<String>>> edges = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();
    private final Map<String, Integer> externalImports = new HashMap<>();
    /** External package → files importing it (each file counted once). */
    private final Map<String, Set<String>> externalUsers = new HashMap<>();
    private int unresolvedImports;

    static PackageGraph build(Collection<JavaFileModel> files, ImportResolver resolver) {
        PackageGraph graph = new PackageGraph();
        files.forEach(file -> graph.packages.add(file.packageName()));
        for (JavaFileModel file : files) {
            String from = file.packageName();
            for (String written : file.imports()) {
                ResolvedImport target = resolver.resolve(written);
                switch (target.kind()) {
                    case PROJECT_TYPE, PROJECT_PACKAGE -> graph.addEdge(from, target.packageName(), file.path());
                    case EXTERNAL -> graph.addExternal(from, target.packageName(), file.path());
                    case UNRESOLVED -> graph.unresolvedImports++;
                }
            }
        }
        return graph;
    }

    /**
     * A graph of the given packages and edges (each {@code {from, to, file}}), for languages without a
     * {@link JavaFileModel}; edges to packages outside the set are left out.
     */
    static PackageGraph of(Collection<String> packages, Collection<String[]> edges) {
        PackageGraph graph = new PackageGraph();
        graph.packages.addAll(packages);
        for (String[] edge : edges) {
            if (graph.packages.contains(edge[0]) && graph.packages.contains(edge[1])) {
                graph.addEdge(edge[0], edge[1], edge[2]);
            }
        }
        return graph;
    }

    private void addEdge(String from, String to, String file) {
        if (from.equals(to)) {
            return;
        }
        edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(file);
        dependents.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
    }

    private void addExternal(String from, String externalPackage, String file) {
        externalImports.merge(from, 1, Integer::sum);
        externalUsers.computeIfAbsent(externalPackage, k -> new TreeSet<>()).add(file);
    }

    /** Every project package, sorted. */
    SortedSet<String> packages() {
        return packages;
    }

    /** Packages p depends on, sorted. */
    Set<String> dependenciesOf(String packageName) {
        return edges.getOrDefault(packageName, new TreeMap<>()).keySet();
    }

    /** Packages depending on p. */
    Set<String> dependentsOf(String packageName) {
        return dependents.getOrDefault(packageName, Set.of());
    }

    /** The files of {@code from} whose imports create the edge from → to, sorted; empty without the edge. */
    SortedSet<String> filesCreating(String from, String to) {
        SortedMap<String, SortedSet<String>> targets = edges.get(from);
        SortedSet<String> files = targets == null ? null : targets.get(to);
        return files == null ? new TreeSet<>() : files;
    }

    int edgeCount() {
        return edges.values().stream().mapToInt(Map::size).sum();
    }

    /** Import statements of the package's files that name something outside the project. */
    int externalImports(String packageName) {
        return externalImports.getOrDefault(packageName, 0);
    }

    /** External package → number of project files importing it. */
    Map<String, Integer> externalPackageUsage() {
        Map<String, Integer> usage = new TreeMap<>();
        externalUsers.forEach((name, users) -> usage.put(name, users.size()));
        return usage;
    }

    /** Imports that look like project packages but name no declared type (e.g. declared in an unparseable file). */
    int unresolvedImports() {
        return unresolvedImports;
    }

    /** The adjacency as a plain map, every package a key, for graph algorithms. */
    Map<String, List<String>> adjacency() {
        Map<String, List<String>> adjacency = new TreeMap<>();
        packages.forEach(p -> adjacency.put(p, List.copyOf(dependenciesOf(p))));
        return adjacency;
    }
}
