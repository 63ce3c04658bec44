package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.pythonmodel.PythonImport;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.javamodel.MethodModel;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The architecture review of a repository's Python code, from the Python model (Python's own {@code ast}).
 * <p>
 * Which imports count: a <b>circular import</b> is a cycle of imports that run while the modules are imported
 * ({@link PythonImport.When#IMPORT_TIME}: top level, also inside try/if blocks and class bodies), because only
 * those can fail with "partially initialized module". Imports inside functions (deferred) and under
 * {@code if TYPE_CHECKING:} are the usual ways to break such a cycle, so they never make one; deferred imports
 * still count as dependencies for coupling (the code depends on the module when it runs), {@code TYPE_CHECKING}
 * imports do not. Test modules take part in the cycle search (a cycle among them is reported in test scope) but
 * not in coupling, packages or hotspots, as test code is left out of the Java review.
 *
 * @param pythonFiles      Python files of the snapshot
 * @param unparseableFiles files the model could not build (syntax errors, budget, no interpreter), left out
 * @param otherFiles       fixture, generated and build files, left out
 * @param testModules      test modules (in the cycle search only)
 * @param graph            the module import graph
 * @param importCycles     circular imports among modules, largest first
 * @param packageGraph     the runtime dependency graph of the main code's packages
 * @param packages         Martin's metrics per package (types: classes; abstract: ABC or abstractmethod)
 * @param packageCycles    cycles among packages (a sub-package importing its parent is common in Python: not a
 *                         finding, reported in the details)
 * @param modules          size, complexity and coupling per main module
 * @param hotspots         main modules ranked by churn × complexity; empty when unavailable
 * @param hotspotsUnavailableReason why there are no hotspots; null when there are
 * @param deferredImports  project imports inside functions
 * @param typeCheckingImports project imports under {@code if TYPE_CHECKING:}
 * @param scriptImports    project imports under {@code if __name__ == "__main__":}
 * @param cyclesThatCannotFail import cycles left out: no import in them reads a name of a module still
 *                         initializing, whichever module is imported first ({@link ImportOrder})
 * @param failures         for each reported import cycle (by its members, space-separated), an import that reads
 *                         names of a module still initializing and the module imported first that leads to it
 * @param modelProblem     why no file could be modelled when that is one reason for all (no interpreter); else null
 */
record PythonArchitecture(int pythonFiles, List<String> unparseableFiles, int otherFiles, int testModules,
                          PythonModuleGraph graph, List<DependencyCycle> importCycles, Set<String> testOnlyCycles,
                          PackageGraph packageGraph, List<PackageMetrics> packages, List<DependencyCycle> packageCycles,
                          List<PythonModuleMetrics> modules, List<Hotspot> hotspots, String hotspotsUnavailableReason,
                          int deferredImports, int typeCheckingImports, int scriptImports, int cyclesThatCannotFail,
                          Map<String, ImportOrder.Failure> failures, String modelProblem) {

    static final Set<PythonImport.When> IMPORT_TIME = EnumSet.of(PythonImport.When.IMPORT_TIME);
    /** What the code depends on when it runs, for coupling: a script block's imports too. */
    static final Set<PythonImport.When> RUNTIME = EnumSet.of(PythonImport.When.IMPORT_TIME, PythonImport.When.DEFERRED,
            PythonImport.When.SCRIPT);

    /**
     * @param files   every Python file of the snapshot as modelled
     * @param scopeOf a path's scope
     * @param linesOf lines of a file by path, 0 when unknown
     * @param churn   churn per file, or why there is none
     */
    static PythonArchitecture of(List<PythonModelProvider.Modelled> files, Function<String, Scope> scopeOf,
                                 ToIntFunction<String> linesOf, ArchitectureAnalysis.Churn churn) {
        List<String> unparseable = new ArrayList<>();
        List<PythonModelProvider.Modelled> included = new ArrayList<>();
        Set<String> problems = new HashSet<>();
        int other = 0;
        int tests = 0;
        Set<String> leftOut = new HashSet<>();
        for (PythonModelProvider.Modelled file : files) {
            if (!file.model().parsed()) {
                unparseable.add(file.model().path());
                problems.add(file.model().parseError());
                leftOut.add(file.module());
                continue;
            }
            Scope scope = scopeOf.apply(file.model().path());
            if (scope == Scope.MAIN) {
                included.add(file);
            } else if (scope == Scope.TEST) {
                included.add(file);
                tests++;
            } else {
                other++;
                leftOut.add(file.module());
            }
        }
        unparseable.sort(Comparator.naturalOrder());
        String modelProblem = included.isEmpty() && problems.size() == 1 ? problems.iterator().next() : null;
        PythonModuleGraph graph = PythonModuleGraph.build(included, path -> scopeOf.apply(path) == Scope.MAIN, leftOut);
        List<DependencyCycle> cannotFail = new ArrayList<>();
        Map<String, ImportOrder.Failure> failures = new HashMap<>();
        List<DependencyCycle> cycles = importCycles(graph, failures, cannotFail);
        Set<String> testOnly = new TreeSet<>();
        for (DependencyCycle cycle : cycles) {
            if (cycle.members().stream().noneMatch(m -> graph.modules().get(m).main())) {
                testOnly.add(String.join(" ", cycle.members()));
            }
        }

        Map<String, PythonModelProvider.Modelled> mainByPath = new LinkedHashMap<>();
        included.stream().filter(f -> scopeOf.apply(f.model().path()) == Scope.MAIN)
                .forEach(f -> mainByPath.put(f.model().path(), f));
        Map<String, List<String>> runtime = graph.adjacency(RUNTIME, PythonModuleGraph.Module::main);
        Map<String, int[]> counts = new HashMap<>();
        Set<String> packageNames = new TreeSet<>();
        List<String[]> packageEdges = new ArrayList<>();
        for (PythonModuleGraph.Module module : graph.modules().values()) {
            if (!module.main()) {
                continue;
            }
            packageNames.add(module.packageName());
            int[] c = counts.computeIfAbsent(module.packageName(), k -> new int[3]);
            c[0]++;
            for (TypeModel type : mainByPath.get(module.path()).model().types()) {
                if ("class".equals(type.kind())) {
                    c[1]++;
                    c[2] += type.isAbstract() ? 1 : 0;
                }
            }
            for (String target : runtime.get(module.name())) {
                PythonModuleGraph.Module to = graph.modules().get(target);
                packageEdges.add(new String[]{module.packageName(), to.packageName(),
                        Objects.requireNonNull(graph.edge(module.name(), target, RUNTIME)).file()});
            }
        }
        PackageGraph packageGraph = PackageGraph.of(packageNames, packageEdges);
        List<PythonModuleMetrics> modules = PythonModuleMetrics.of(graph, runtime, mainByPath, linesOf);
        Map<String, Integer> complexity = new LinkedHashMap<>();
        modules.forEach(m -> complexity.put(m.file(), m.complexity()));
        List<Hotspot> hotspots = churn.files().map(c -> Hotspot.rank(complexity, c)).orElse(List.of());
        return new PythonArchitecture(files.size(), List.copyOf(unparseable), other, tests, graph, cycles, testOnly,
                packageGraph, PackageMetrics.of(packageGraph, counts), DependencyCycle.find(packageGraph), modules,
                hotspots, churn.unavailableReason(), graph.projectImports(PythonImport.When.DEFERRED),
                graph.projectImports(PythonImport.When.TYPE_CHECKING), graph.projectImports(PythonImport.When.SCRIPT),
                cannotFail.size(), Map.copyOf(failures), modelProblem);
    }

    /**
     * The strongly connected components of the import-time graph with more than one module that can fail
     * ({@link ImportOrder}), largest first; those that cannot go to {@code cannotFail}.
     */
    private static List<DependencyCycle> importCycles(PythonModuleGraph graph, Map<String, ImportOrder.Failure> failures,
                                                      List<DependencyCycle> cannotFail) {
        List<DependencyCycle> cycles = new ArrayList<>();
        Map<String, List<String>> adjacency = graph.adjacency(IMPORT_TIME, m -> true);
        for (List<String> component : StronglyConnectedComponents.of(adjacency)) {
            if (component.size() < 2) {
                continue;
            }
            Set<String> members = new TreeSet<>(component);
            List<DependencyCycle.Edge> edges = new ArrayList<>();
            for (String from : members) {
                for (String to : adjacency.get(from)) {
                    if (members.contains(to)) {
                        PythonModuleGraph.Edge edge = graph.edge(from, to, IMPORT_TIME);
                        edges.add(new DependencyCycle.Edge(from, to, edge.file(), edge.line()));
                    }
                }
            }
            DependencyCycle cycle = new DependencyCycle(List.copyOf(members), List.copyOf(edges));
            Optional<ImportOrder.Failure> failure = new ImportOrder(graph, adjacency, members).failure();
            failure.ifPresent(f -> failures.put(String.join(" ", cycle.members()), f));
            (failure.isPresent() ? cycles : cannotFail).add(cycle);
        }
        cycles.sort(Comparator.comparing((DependencyCycle c) -> -c.members().size())
                .thenComparing(c -> c.members().get(0)));
        return cycles;
    }

    /** The import of a reported cycle that reads a module still initializing, and what leads to it. */
    ImportOrder.Failure failureOf(DependencyCycle cycle) {
        return failures.get(String.join(" ", cycle.members()));
    }

    boolean isTestOnly(DependencyCycle cycle) {
        return testOnlyCycles.contains(String.join(" ", cycle.members()));
    }

    /** Main modules. */
    int mainModules() {
        return modules.size();
    }

    /** Main modules that sit in a circular import. */
    int mainModulesInCycles() {
        return (int) importCycles.stream().flatMap(c -> c.members().stream())
                .filter(m -> graph.modules().get(m).main()).count();
    }

    int modulesInCycles() {
        return importCycles.stream().mapToInt(c -> c.members().size()).sum();
    }

    boolean hotspotsAvailable() {
        return hotspotsUnavailableReason == null;
    }

    OptionalDouble averageInstability() {
        return PackageMetrics.averageInstability(packages);
    }

    OptionalDouble averageDistance() {
        return PackageMetrics.averageDistance(packages);
    }

    /**
     * 1 − 0.6 × (main modules in circular imports / main modules), clamped to 0..1: Java's formula with modules in
     * the place of packages (the unit a circular import breaks) and without the distance from the main sequence.
     * D is reported per package, but Python expresses most abstractions by duck typing, which no model can count,
     * so nearly every depended-upon Python package would look "concrete and stable" and lose points for it.
     */
    double qualityScore() {
        double cycleFraction = modules.isEmpty() ? 0 : (double) mainModulesInCycles() / modules.size();
        return Math.max(0, Math.min(1, 1 - 0.6 * cycleFraction));
    }

    /** Complexity of a modelled function: the model's 1 + decision points. */
    static int complexity(TypeModel type) {
        return type.methods().stream().mapToInt(MethodModel::cyclomatic).sum();
    }
}
