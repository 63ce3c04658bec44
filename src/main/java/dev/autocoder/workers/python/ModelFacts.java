package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModelProvider;

import java.util.Optional;

/**
 * What a model of the whole project knows of a ruff report that ruff, reading one file at a time and no call order,
 * does not. The code-quality row leaves out the reports these answer yes for, and counts them, and rates a mutable
 * default by what its function does with it.
 */
public interface ModelFacts {

    /** Without a model: every report stays. */
    ModelFacts NONE = new ModelFacts() {
        @Override
        public boolean isReexport(String path, RuffDiagnostic unusedImport) {
            return false;
        }

        @Override
        public boolean isInIterationLocalFunction(String path, RuffDiagnostic loopVariable) {
            return false;
        }

        @Override
        public Optional<PythonModelProvider.MutableDefaultUse> mutableDefaultUse(String path, RuffDiagnostic mutableDefault) {
            return Optional.empty();
        }

        @Override
        public boolean isHandlerReraise(String path, RuffDiagnostic bareRaise) {
            return false;
        }

        @Override
        public boolean runsOnlyOnPython2(String path, RuffDiagnostic undefinedName) {
            return false;
        }
    };

    /** An F401 (unused import) whose name another module of the project imports from the file. */
    boolean isReexport(String path, RuffDiagnostic unusedImport);

    /** A B023 (function does not bind loop variable) in a function only the loop iteration defining it calls. */
    boolean isInIterationLocalFunction(String path, RuffDiagnostic loopVariable);

    /** What the function of a B006 (mutable argument default) does with that parameter, when the model knows. */
    Optional<PythonModelProvider.MutableDefaultUse> mutableDefaultUse(String path, RuffDiagnostic mutableDefault);

    /**
     * A PLE0704 (bare raise not inside an exception handler) in a function the module calls only from except
     * clauses: it re-raises the handler's exception, by design.
     */
    boolean isHandlerReraise(String path, RuffDiagnostic bareRaise);

    /**
     * An F821 (undefined name) in a branch that a Python-version test sends only Python 2 to: {@code unicode},
     * {@code raw_input} and {@code basestring} exist there.
     */
    boolean runsOnlyOnPython2(String path, RuffDiagnostic undefinedName);
}
