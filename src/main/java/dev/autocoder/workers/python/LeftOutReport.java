package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModelProvider.Site;
import dev.autocoder.workers.pythonmodel.PythonModules;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Plural;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind of ruff report the code-quality row leaves out because it is no problem, counted in its metric and named
 * in the row's summary: ruff sees one file at a time and cannot know what another module imports, what a comment
 * marks on purpose, or which branch only Python 2 runs.
 */
enum LeftOutReport {

    /** An F401 whose name another module imports from the file. */
    REEXPORT("python_reexported_imports", "unused-import report", "re-exports other modules import"),
    /** An F401 whose name a type comment uses, which ruff does not read (its issue 1619). */
    TYPE_COMMENT_USE("python_type_comment_imports", "unused-import report",
            "names type comments use (`# type: Optional[Dict[str, Any]]`), which type checkers read and ruff does not"),
    /** An F821 on a line marked undefined on purpose ({@link UndefinedNameMarks}). */
    MARKED_UNDEFINED_NAME("python_marked_undefined_names", "undefined-name report",
            "marked undefined on purpose for the type checker"),
    /** A B023 in a function only the loop iteration defining it calls. */
    ITERATION_LOCAL_CLOSURE("python_iteration_local_closures", "loop-variable report",
            "the function or lambda runs within the iteration that defines it"),
    /** An F822 naming a submodule of the package ({@link #isSubmoduleExport}). */
    SUBMODULE_EXPORT("python_submodule_exports", "undefined-export report",
            "submodules a star import of the package imports"),
    /** An F821 in a branch only Python 2 runs, or of a Python 2 builtin in a module imported only from such branches. */
    PYTHON2_ONLY_NAME("python_python2_only_names", "undefined-name report",
            "in code only Python 2 runs (a version test's Python 2 branch, `__unicode__`)"),
    /** An F821 of {@code __path__} in a package's {@code __init__.py}. */
    IMPORT_SYSTEM_NAME("python_import_system_names", "undefined-name report",
            "`__path__`, which the import system gives a package's `__init__.py`"),
    /** A PLE0704 (bare raise) in a function called only from except clauses. */
    HANDLER_RERAISE("python_handler_reraises", "bare-raise report",
            "the function is called only from except clauses, whose exception it re-raises");

    /** Ruff's F822 message, naming the export. */
    private static final Pattern UNDEFINED_EXPORT = Pattern.compile("^Undefined name `([^`]+)` in `__all__`");
    /** An undefined name that is a builtin of Python 2 only ({@code file}, {@code unicode}, {@code long}, ...). */
    private static final Pattern PYTHON2_BUILTIN = Pattern.compile("^Undefined name `(file|unicode|long|basestring|"
            + "xrange|raw_input|unichr|reduce|execfile|cmp|buffer|apply|intern|coerce|reload|StandardError)`");

    private final String metric;
    private final String report;
    private final String why;

    LeftOutReport(String metric, String report, String why) {
        this.metric = metric;
        this.report = report;
        this.why = why;
    }

    String metric() {
        return metric;
    }

    /** "3 unused-import reports left out: re-exports other modules import". */
    String sentence(int count) {
        return Plural.of(count, report) + " left out: " + why;
    }

    /** Why the row leaves the report out; empty when it reports it. */
    static Optional<LeftOutReport> of(RuffViolation v, Snapshot snapshot, ModelFacts facts, UndefinedNameMarks marks) {
        LeftOutReport reason = switch (v.code()) {
            case "F401" -> facts.isReexport(v.path(), v.diagnostic()) ? REEXPORT
                    : facts.isAt(Site.TYPE_COMMENT_IMPORT, v.path(), v.diagnostic()) ? TYPE_COMMENT_USE : null;
            case "B023" -> facts.isInIterationLocalFunction(v.path(), v.diagnostic()) ? ITERATION_LOCAL_CLOSURE : null;
            case "F822" -> isSubmoduleExport(snapshot, v) ? SUBMODULE_EXPORT : null;
            case "PLE0704" -> facts.isHandlerReraise(v.path(), v.diagnostic()) ? HANDLER_RERAISE : null;
            case "F821" -> undefinedName(v, facts);
            default -> null;
        };
        return reason != null ? Optional.of(reason)
                : marks.marked(v) ? Optional.of(MARKED_UNDEFINED_NAME) : Optional.empty();
    }

    private static LeftOutReport undefinedName(RuffViolation v, ModelFacts facts) {
        if (facts.isAt(Site.PYTHON2_ONLY, v.path(), v.diagnostic())
                || PYTHON2_BUILTIN.matcher(v.diagnostic().message()).lookingAt() && facts.isPython2OnlyModule(v.path())) {
            return PYTHON2_ONLY_NAME;
        }
        return isPackagePath(v) ? IMPORT_SYSTEM_NAME : null;
    }

    /**
     * An F822 (undefined name in {@code __all__}) in a package's {@code __init__.py} naming one of the package's
     * submodules: {@code from package import *} imports the submodules {@code __all__} names (dateutil's
     * {@code __all__ = ['easter', 'parser', ...]}), so the name is defined when it is needed.
     */
    private static boolean isSubmoduleExport(Snapshot snapshot, RuffViolation undefinedExport) {
        String path = undefinedExport.path();
        Matcher name = UNDEFINED_EXPORT.matcher(undefinedExport.diagnostic().message());
        if (!PythonModules.isPackageInit(path) || !name.find()) {
            return false;
        }
        String submodule = path.substring(0, path.length() - "__init__.py".length()) + name.group(1);
        return snapshot.files().stream().map(SourceFile::path).anyMatch(p -> p.equals(submodule + ".py")
                || p.startsWith(submodule + "/") || p.startsWith(submodule + ".") && (p.endsWith(".so") || p.endsWith(".pyd")));
    }

    /**
     * An F821 (undefined name) of {@code __path__} in a package's {@code __init__.py}: the import system gives every
     * package that name, the folders its submodules are found in (Django's {@code find_commands(__path__[0])}).
     */
    private static boolean isPackagePath(RuffViolation undefinedName) {
        return PythonModules.isPackageInit(undefinedName.path())
                && undefinedName.diagnostic().message().equals("Undefined name `__path__`");
    }
}
