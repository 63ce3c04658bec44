package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.python.ModelFacts;
import dev.autocoder.workers.python.RuffDiagnostic;
import dev.autocoder.workers.pythonmodel.PythonImport;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.LoopLambdas.ParameterUse;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.LoopLambdas.PassedLambda;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Python model's answers about ruff's reports: re-exports ({@link PythonReexports}), functions only the loop
 * iteration defining them calls (or lambdas it passes to a project function that only calls them), and what a
 * function does with a mutable default. The model is asked for at the
 * first question (most snapshots raise none).
 */
final class PythonModelFacts implements ModelFacts {

    private final Supplier<List<PythonModelProvider.Modelled>> model;
    private final PythonReexports reexports;
    private Map<String, PythonModelProvider.Modelled> byPath;
    private Set<String> python2OnlyModules;

    PythonModelFacts(Supplier<List<PythonModelProvider.Modelled>> model) {
        this.model = model;
        this.reexports = new PythonReexports(this::byPath);
    }

    /** The model by path, made once for every question. */
    private Map<String, PythonModelProvider.Modelled> byPath() {
        if (byPath == null) {
            byPath = PythonModelProvider.Modelled.byPath(model.get());
        }
        return byPath;
    }

    @Override
    public boolean isReexport(String path, RuffDiagnostic unusedImport) {
        return reexports.isReexport(path, unusedImport.row(), unusedImport.message());
    }

    @Override
    public boolean isInIterationLocalFunction(String path, RuffDiagnostic loopVariable) {
        return file(path).map(f -> {
            List<PassedLambda> passed = f.loopLambdas().passedAt(loopVariable.row());
            return f.inIterationLocalFunction(loopVariable.row())
                    || !passed.isEmpty() && passed.stream().allMatch(l -> useBy(l).filter(ParameterUse.CALLED::equals).isPresent());
        }).orElse(false);
    }

    /**
     * Handed on, when every call it goes to is a project function that only calls it or passes it on to calls that
     * keep nothing, or a call the project does not define that is not known to keep it and whose value is not
     * stored beyond a local.
     */
    @Override
    public List<String> onlyHandedTo(String path, RuffDiagnostic loopVariable) {
        List<PassedLambda> passed = file(path).map(f -> f.loopLambdas().passedAt(loopVariable.row())).orElse(List.of());
        boolean handed = !passed.isEmpty() && passed.stream().allMatch(l -> useBy(l)
                .map(use -> use == ParameterUse.CALLED || use == ParameterUse.HANDED && !l.kept())
                .orElse(!l.kept()));
        return handed ? passed.stream().map(PassedLambda::callee).distinct().toList() : List.of();
    }

    /**
     * What the project's function or method the lambda goes to does with it, when a module of the project defines
     * it. The callee is named {@code module.function} or {@code module.Class.method}.
     */
    private Optional<ParameterUse> useBy(PassedLambda lambda) {
        return byPath().values().stream().filter(m -> lambda.callee().startsWith(m.module() + "."))
                .flatMap(m -> m.loopLambdas().use(lambda.callee().substring(m.module().length() + 1), lambda).stream())
                .findFirst();
    }

    @Override
    public boolean isHandlerReraise(String path, RuffDiagnostic bareRaise) {
        return file(path).map(f -> f.reraisesForHandler(bareRaise.row())).orElse(false);
    }

    /**
     * Whether lines {@code first..last} of the file overlap a function declared {@code @typing.overload}: such a
     * stub repeats the signature of its implementation and of the other overloads, as typing requires.
     */
    boolean inOverloadStub(String path, int first, int last) {
        return file(path).map(f -> f.overlapsOverloadStub(first, last)).orElse(false);
    }

    @Override
    public boolean returnsNoneFromInit(String path, RuffDiagnostic explicitReturn) {
        return file(path).map(f -> f.returnsNoneFromInit(explicitReturn.row())).orElse(false);
    }

    /** The callee's module's model names it among its factories of unchanging instances. */
    @Override
    public Optional<String> unchangingDefault(String path, RuffDiagnostic call) {
        return file(path).flatMap(f -> f.defaults().at(call.row(), call.column()))
                .map(PythonModelProvider.Defaults.Call::callee)
                .filter(callee -> {
                    int dot = callee.lastIndexOf('.');
                    String module = dot < 0 ? "" : callee.substring(0, dot);
                    return byPath().values().stream().anyMatch(m -> m.module().equals(module)
                            && m.defaults().frozenFactories().contains(callee.substring(dot + 1)));
                });
    }

    @Override
    public boolean isPython2OnlyModule(String path) {
        if (python2OnlyModules == null) {
            python2OnlyModules = python2OnlyModules(byPath().values());
        }
        return python2OnlyModules.contains(path);
    }

    /** The paths of the modules some file imports, every import of which lies in code only Python 2 runs. */
    private static Set<String> python2OnlyModules(Collection<PythonModelProvider.Modelled> files) {
        Map<String, Boolean> onlyPython2 = new HashMap<>();
        for (PythonModelProvider.Modelled importer : files) {
            for (PythonImport i : importer.imports()) {
                boolean python2 = importer.isAt(PythonModelProvider.Site.PYTHON2_ONLY, i.line(), i.column() + 1);
                onlyPython2.merge(i.module(), python2, Boolean::logicalAnd);
                if (!i.qualified().equals(i.module())) {
                    onlyPython2.merge(i.qualified(), python2, Boolean::logicalAnd);
                }
            }
        }
        Set<String> paths = new HashSet<>();
        files.stream().filter(f -> onlyPython2.getOrDefault(f.module(), false)).forEach(f -> paths.add(f.model().path()));
        return paths;
    }

    @Override
    public boolean isAt(PythonModelProvider.Site site, String path, RuffDiagnostic report) {
        return file(path).map(f -> f.isAt(site, report.row(), report.column())).orElse(false);
    }

    /** Whether lines {@code first..last} of the file lie in one table of constants written out. */
    boolean inLiteralTable(String path, int first, int last) {
        return file(path).map(f -> f.withinLiteralTable(first, last)).orElse(false);
    }

    private Optional<PythonModelProvider.Modelled> file(String path) {
        return Optional.ofNullable(byPath().get(path));
    }
}
