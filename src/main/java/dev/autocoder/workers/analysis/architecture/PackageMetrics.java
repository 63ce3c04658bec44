package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Robert C. Martin's package metrics.
 *
 * @param name           package name ("" for the default package)
 * @param files          Java files of the package
 * @param types          declared types, nested ones included
 * @param abstractTypes  abstract classes and interfaces among them
 * @param afferent       Ca: other project packages that depend on this one
 * @param efferent       Ce: project packages this one depends on
 * @param instability    I = Ce / (Ca + Ce); null when both are 0
 * @param abstractness   A = abstract types / types; null without types
 * @param distance       D = |A + I − 1|, distance from the main sequence; null when A or I is null
 * @param externalImports import statements naming something outside the project
 */
record PackageMetrics(String name, int files, int types, int abstractTypes, int afferent, int efferent,
                      Double instability, Double abstractness, Double distance, int externalImports) {

    static List<PackageMetrics> of(PackageGraph graph, Collection<JavaFileModel> files) {
        Map<String, int[]> counts = new HashMap<>(); // files, types, abstract types
        for (JavaFileModel file : files) {
            int[] c = counts.computeIfAbsent(file.packageName(), k -> new int[3]);
            c[0]++;
            c[1] += file.types().size();
            c[2] += (int) file.types().stream().filter(JavaTypeModel::isAbstract).count();
        }
        return of(graph, counts);
    }

    /** Metrics of every package of the graph from its counts: {files, types, abstract types}. */
    static List<PackageMetrics> of(PackageGraph graph, Map<String, int[]> counts) {
        List<PackageMetrics> metrics = new ArrayList<>();
        for (String name : graph.packages()) {
            int[] c = counts.getOrDefault(name, new int[3]);
            int ca = graph.dependentsOf(name).size();
            int ce = graph.dependenciesOf(name).size();
            Double instability = ca + ce == 0 ? null : (double) ce / (ca + ce);
            Double abstractness = c[1] == 0 ? null : (double) c[2] / c[1];
            Double distance = instability == null || abstractness == null
                    ? null : Math.abs(abstractness + instability - 1);
            metrics.add(new PackageMetrics(name, c[0], c[1], c[2], ca, ce, instability, abstractness, distance,
                    graph.externalImports(name)));
        }
        return metrics;
    }

    /** The mean instability of the packages where it is defined (Java and Python alike). */
    static OptionalDouble averageInstability(Collection<PackageMetrics> packages) {
        return packages.stream().map(PackageMetrics::instability).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average();
    }

    /** The mean distance from the main sequence of the packages where it is defined. */
    static OptionalDouble averageDistance(Collection<PackageMetrics> packages) {
        return packages.stream().map(PackageMetrics::distance).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average();
    }
}
