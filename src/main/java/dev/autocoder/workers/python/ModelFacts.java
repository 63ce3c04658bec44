package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModelProvider;

import java.util.List;
import java.util.Optional;

/**
 * What a model of the whole project knows of a ruff report that ruff, reading one file at a time and no call order,
 * does not. The code-quality row leaves out the reports these answer yes for, and counts them, and rates a mutable
 * default by what its function does with it. Without a model every answer is no, and every report stays.
 */
public interface ModelFacts {

    /** Without a model: every report stays. */
    ModelFacts NONE = new ModelFacts() {
    };

    /** An F401 (unused import) whose name another module of the project imports from the file. */
    default boolean isReexport(String path, RuffDiagnostic unusedImport) {
        return false;
    }

    /** A B023 (function does not bind loop variable) in a function only the loop iteration defining it calls. */
    default boolean isInIterationLocalFunction(String path, RuffDiagnostic loopVariable) {
        return false;
    }

    /**
     * The calls a B023's function or lambda goes to, when it goes only to calls during its iteration and none of them
     * is known to keep it (a thread's target, a registry, a container, a project function that stores it) nor gives
     * something kept: the late binding matters only if one of them keeps it anyway. Empty otherwise.
     */
    default List<String> onlyHandedTo(String path, RuffDiagnostic loopVariable) {
        return List.of();
    }

    /**
     * A PLE0704 (bare raise not inside an exception handler) in a function the module calls only from except
     * clauses: it re-raises the handler's exception, by design.
     */
    default boolean isHandlerReraise(String path, RuffDiagnostic bareRaise) {
        return false;
    }

    /**
     * A PLE0101 (explicit return in {@code __init__}) of {@code return self.method(..)} whose method never returns a
     * value, or of what a base's {@code __init__} gives: the return gives None, which {@code __init__} may.
     */
    default boolean returnsNoneFromInit(String path, RuffDiagnostic explicitReturn) {
        return false;
    }

    /**
     * For a B008 (function call in a parameter default): the qualified name of what the call makes when it is an
     * instance no method of its class changes once made (fastapi's {@code Default(JSONResponse)}), else empty.
     */
    default Optional<String> unchangingDefault(String path, RuffDiagnostic call) {
        return Optional.empty();
    }

    /**
     * Whether the file is a module the project imports only from code only Python 2 runs (eventlet's
     * {@code if six.PY2: from eventlet.greenio.py2 import *}): Python 3 never loads it.
     */
    default boolean isPython2OnlyModule(String path) {
        return false;
    }

    /** Whether the report lies in a site of that kind the model found in its file. */
    default boolean isAt(PythonModelProvider.Site site, String path, RuffDiagnostic report) {
        return false;
    }
}
