package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.repository.FileChurn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToIntFunction;

/**
 * Everything the architecture review computes from one Java model and the churn of its files.
 *
 * @param javaFiles                 Java files in the model
 * @param unparseableFiles          paths of files the parser rejected (left out of everything else)
 * @param skippedFiles              Java files never parsed: binary, over the size limit or unreadable
 * @param testFiles                 parsed files that are not main code (test, fixture, generated), left out
 * @param graph                     the package dependency graph of the production code
 * @param packages                  metrics per package, in package-name order
 * @param cycles                    dependency cycles, largest first
 * @param classes                   size and coupling per file
 * @param hotspots                  every ranked hotspot; empty when unavailable
 * @param hotspotsUnavailableReason why hotspots could not be computed; null when they were
 */
record ArchitectureAnalysis(int javaFiles, List<String> unparseableFiles, int skippedFiles, int testFiles,
                            PackageGraph graph,
                            List<PackageMetrics> packages, List<DependencyCycle> cycles, List<ClassMetrics> classes,
                            List<Hotspot> hotspots, String hotspotsUnavailableReason) {

    /**
     * @param linesOf lines of a file by path, 0 when unknown
     * @param churn   churn per file, or a reason why there is none
     * @param isMain  whether a path is main code (its {@link dev.autocoder.workers.repository.Scope}); test, fixture
     *                and generated code does not shape the architecture
     */
    static ArchitectureAnalysis of(JavaModel model, ToIntFunction<String> linesOf, Churn churn,
                                   java.util.function.Predicate<String> isMain) {
        List<String> unparseable = model.unparseableFiles().stream().map(JavaFileModel::path).sorted().toList();
        List<JavaFileModel> parsed = model.parsedFiles().stream()
                .filter(f -> f.path() != null)
                .map(ArchitectureAnalysis::withoutNulls)
                .toList();
        List<JavaFileModel> production = parsed.stream().filter(f -> isMain.test(f.path()) && !isTestCode(f)).toList();
        ImportResolver resolver = new ImportResolver(production);
        PackageGraph graph = PackageGraph.build(production, resolver);
        List<Hotspot> hotspots = churn.files().map(files -> Hotspot.rank(production, files)).orElse(List.of());
        return new ArchitectureAnalysis(model.files().size(), unparseable, model.skippedFiles().size(),
                parsed.size() - production.size(), graph,
                PackageMetrics.of(graph, production), DependencyCycle.find(graph),
                ClassMetrics.of(production, resolver, linesOf), hotspots, churn.unavailableReason());
    }

    /** Churn of the target's files, or why it is not known. */
    record Churn(Optional<List<FileChurn>> files, String unavailableReason) {
        static Churn of(List<FileChurn> files) {
            return new Churn(Optional.of(files), null);
        }

        static Churn unavailable(String reason) {
            return new Churn(Optional.empty(), Objects.requireNonNull(reason));
        }
    }

    /** The same file model with null parts replaced by empty ones, so one odd model cannot fail the review. */
    private static JavaFileModel withoutNulls(JavaFileModel file) {
        List<String> imports = file.imports() == null ? List.of()
                : file.imports().stream().filter(Objects::nonNull).toList();
        List<JavaTypeModel> types = file.types() == null ? List.of()
                : file.types().stream().filter(t -> t != null && t.qualifiedName() != null).toList();
        return new JavaFileModel(file.path(), file.contentHash(), Objects.requireNonNullElse(file.packageName(), ""),
                imports, types, null);
    }

    /**
     * Test code the scopes did not recognize: a {@code src/test/} path, or every type it declares looks like a test.
     */
    static boolean isTestCode(JavaFileModel file) {
        String path = "/" + file.path();
        if (path.contains("/src/test/")) {
            return true;
        }
        return !file.types().isEmpty() && file.types().stream().allMatch(JavaTypeModel::isTest);
    }

    /** The same analysis with other hotspots: those ranked over the Java and Python files of a mixed repository. */
    ArchitectureAnalysis withHotspots(List<Hotspot> ranked) {
        return new ArchitectureAnalysis(javaFiles, unparseableFiles, skippedFiles, testFiles, graph, packages, cycles,
                classes, ranked, hotspotsUnavailableReason);
    }

    boolean hotspotsAvailable() {
        return hotspotsUnavailableReason == null;
    }

    int packagesInCycles() {
        return cycles.stream().mapToInt(c -> c.members().size()).sum();
    }

    int types() {
        return packages.stream().mapToInt(PackageMetrics::types).sum();
    }

    OptionalDouble averageInstability() {
        return PackageMetrics.averageInstability(packages);
    }

    OptionalDouble averageDistance() {
        return PackageMetrics.averageDistance(packages);
    }

    /**
     * 1 − 0.6 × (packages in cycles / packages) − 0.4 × (average distance from the main sequence), clamped to
     * 0..1; the average counts packages where D is defined and is 0 when none is.
     */
    double qualityScore() {
        double cycleFraction = packages.isEmpty() ? 0 : (double) packagesInCycles() / packages.size();
        double score = 1 - 0.6 * cycleFraction - 0.4 * averageDistance().orElse(0);
        return Math.max(0, Math.min(1, score));
    }
}
