package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.javamodel.TypeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Size, complexity and coupling of one main Python module, the Python counterpart of {@link ClassMetrics}.
 *
 * @param file       repository-relative path
 * @param module     dotted module name
 * @param lines      lines of the file
 * @param functions  top-level functions and methods of its top-level classes
 * @param classes    top-level classes
 * @param complexity sum of the cyclomatic complexity of those functions and methods
 * @param efferent   distinct project modules it imports at run time (import time or deferred)
 * @param afferent   distinct project modules importing it at run time
 */
record PythonModuleMetrics(String file, String module, int lines, int functions, int classes, int complexity,
                           int efferent, int afferent) {

    static List<PythonModuleMetrics> of(PythonModuleGraph graph, Map<String, List<String>> runtime,
                                        Map<String, PythonModelProvider.Modelled> mainByPath,
                                        ToIntFunction<String> linesOf) {
        Map<String, Set<String>> importers = new HashMap<>();
        runtime.forEach((from, targets) -> targets.forEach(to -> importers.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
        List<PythonModuleMetrics> metrics = new ArrayList<>();
        for (PythonModuleGraph.Module module : graph.modules().values()) {
            if (!module.main()) {
                continue;
            }
            List<TypeModel> types = mainByPath.get(module.path()).model().types();
            int functions = types.stream().mapToInt(t -> t.methods().size()).sum();
            int classes = (int) types.stream().filter(t -> "class".equals(t.kind())).count();
            int complexity = types.stream().mapToInt(PythonArchitecture::complexity).sum();
            metrics.add(new PythonModuleMetrics(module.path(), module.name(), linesOf.applyAsInt(module.path()),
                    functions, classes, complexity, runtime.getOrDefault(module.name(), List.of()).size(),
                    importers.getOrDefault(module.name(), Set.of()).size()));
        }
        return metrics;
    }
}
