package dev.autocoder.workers.python;

import dev.autocoder.workers.pythonmodel.PythonModelProvider.Site;
import dev.autocoder.workers.pythonmodel.PythonModules;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Python part of the code-quality row: ruff's quality rules (everything but the security {@code S} and
 * performance {@code PERF} families), a {@code parse-error} finding for each file ruff cannot parse, and each
 * function's McCabe complexity for the complexity distribution.
 */
public final class PythonQuality {

    /** The McCabe complexity from which a C901 is high, as Java's complex-method (SizeChecks) is. */
    static final int VERY_COMPLEX = 50;

    /** Ruff's F822 message, naming the export. */
    private static final Pattern UNDEFINED_EXPORT = Pattern.compile("^Undefined name `([^`]+)` in `__all__`");
    /** An undefined name that is a builtin of Python 2 only ({@code file}, {@code unicode}, {@code long}, ...). */
    private static final Pattern PYTHON2_BUILTIN = Pattern.compile("^Undefined name `(file|unicode|long|basestring|"
            + "xrange|raw_input|unichr|reduce|execfile|cmp|buffer|apply|intern|coerce|reload|StandardError)`");

    /** A B006 by what its function does with the default, where that is less than changing it or handing it out. */
    private static final Map<Site, RuffFindings.Rated> MUTABLE_DEFAULT_RATINGS = Map.of(
            Site.READ_DEFAULT, new RuffFindings.Rated(Severity.LOW,
                    "the function only reads it: no state is shared across calls"),
            Site.PASSED_DEFAULT, new RuffFindings.Rated(Severity.MEDIUM,
                    "the function hands it to another call, which may change it"),
            Site.STORED_DEFAULT, new RuffFindings.Rated(Severity.MEDIUM, "it is kept in an attribute that the class "
                    + "only reads: every instance made without it shares one object, changed only where a caller "
                    + "changes the attribute"),
            Site.MEMO_DEFAULT, new RuffFindings.Rated(Severity.LOW, "a private parameter (its name starts with `_`) "
                    + "that the function changes: the one object every call shares is its memory across calls, a "
                    + "cache by design"));

    private final PythonLint lint;
    private final RuffFindings ruff;
    private final Snapshot snapshot;
    private final LeftOut leftOut;

    private PythonQuality(PythonLint lint, RuffFindings ruff, Snapshot snapshot, LeftOut leftOut) {
        this.lint = lint;
        this.ruff = ruff;
        this.snapshot = snapshot;
        this.leftOut = leftOut;
    }

    public static PythonQuality of(PythonLint lint, Snapshot snapshot) {
        return of(lint, snapshot, ModelFacts.NONE);
    }

    /**
     * Ruff's quality rules but the reports that are no problem, each kind counted in a metric: an F401 whose name
     * another module imports from the file (ruff sees one file at a time; {@code python_reexported_imports}), an
     * F821 on a line marked undefined on purpose ({@link UndefinedNameMarks}; {@code python_marked_undefined_names}),
     * a B023 in a function only the loop iteration defining it calls ({@code python_iteration_local_closures}), an
     * F822 naming a submodule of the package ({@code python_submodule_exports}, {@link #isSubmoduleExport}), an F821
     * in a branch only Python 2 runs, or of a Python 2 builtin in a module imported only from such branches
     * ({@code python_python2_only_names});
     * a B006 is rated by what its function does with the default (only read: low, a precaution, as pylint's
     * dangerous-default-value is a warning; handed to another call, which may change it, or kept in an attribute its
     * class only reads, medium; changed in place or escaping to a caller, the table's high, what Sonar's S5717 reports,
     * but a private parameter changed in place, a cache by design, low), a PLE0101 returning a method of its class that
     * gives None is low, an F821 of a local its loop binds further down medium, a B023 in a function that only goes to
     * calls not known to keep it low, a B020 whose rebinding nothing after the loop sees low, a PLE0605 of lists joined
     * with {@code +} or taken from {@code dir(..)} low, a PLE2502 of directional marks only low, a B008 of a project
     * factory of unchanging instances, or whose parameter the function never uses (an abstract method, a stub) or only
     * tests and reads attributes of, or that is a private parameter's ({@code _fields_order=_FieldsOrder()}), low,
     * an F822 or F821 in a module that binds names through {@code globals()} (or
     * hands it to a function that may: eventlet's {@code patcher.inject(.., globals(), ..)}) low; an F821 of {@code
     * __path__} in a package's {@code __init__.py} is left out ({@code python_import_system_names}).
     */
    public static PythonQuality of(PythonLint lint, Snapshot snapshot, ModelFacts facts) {
        UndefinedNameMarks marks = new UndefinedNameMarks(snapshot);
        List<RuffViolation> reported = new ArrayList<>();
        Map<RuffViolation, RuffFindings.Rated> calibrated = new HashMap<>();
        int reexported = 0;
        int marked = 0;
        int iterationLocal = 0;
        int submoduleExports = 0;
        int handlerReraises = 0;
        int python2Only = 0;
        int importSystemNames = 0;
        for (RuffViolation v : lint.violationsFor(RuffRules.ReportingPerspective.QUALITY)) {
            if (v.code().equals("F401") && facts.isReexport(v.path(), v.diagnostic())) {
                reexported++;
            } else if (v.code().equals("B023") && facts.isInIterationLocalFunction(v.path(), v.diagnostic())) {
                iterationLocal++;
            } else if (v.code().equals("F822") && isSubmoduleExport(snapshot, v)) {
                submoduleExports++;
            } else if (v.code().equals("PLE0704") && facts.isHandlerReraise(v.path(), v.diagnostic())) {
                handlerReraises++;
            } else if (v.code().equals("F821") && (facts.isAt(Site.PYTHON2_ONLY, v.path(), v.diagnostic())
                    || PYTHON2_BUILTIN.matcher(v.diagnostic().message()).lookingAt()
                    && facts.isPython2OnlyModule(v.path()))) {
                python2Only++;
            } else if (v.code().equals("F821") && isPackagePath(v)) {
                importSystemNames++;
            } else if (marks.marked(v)) {
                marked++;
            } else {
                reported.add(v);
                if (v.code().equals("B006")) {
                    MUTABLE_DEFAULT_RATINGS.entrySet().stream().filter(r -> facts.isAt(r.getKey(), v.path(), v.diagnostic()))
                            .findFirst().ifPresent(r -> calibrated.put(v, r.getValue()));
                } else if ((v.code().equals("F822") || v.code().equals("F821"))
                        && facts.isAt(Site.GLOBALS_WRITTEN, v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "the module binds names through "
                            + "`globals()` that it does not write out (or hands it to a function that may), which ruff "
                            + "cannot follow: it is bound if that code binds it"));
                } else if (v.code().equals("F821") && facts.isAt(Site.LOOP_CARRIED_READ, v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.MEDIUM, "the loop binds it further down: this "
                            + "reads the previous iteration's value, and raises NameError only if the first iteration gets here"));
                } else if (v.code().equals("B023")) {
                    List<String> callees = facts.onlyHandedTo(v.path(), v.diagnostic());
                    if (!callees.isEmpty()) {
                        calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "it goes only to " + callees.stream()
                                .map(c -> "`" + c + "(..)`").collect(Collectors.joining(", ")) + " in this iteration, "
                                + "and none is known to keep it: it sees a later value only if one keeps it for later"));
                    }
                } else if (v.code().equals("B020") && facts.isAt(Site.REBOUND_ITERABLE, v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "the iterable is evaluated once, before the "
                            + "first rebinding, and nothing reads the name after the loop: confusing, not wrong"));
                } else if (v.code().equals("PLE0605") && facts.isAt(Site.CONCATENATED_ALL, v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "lists joined with `+` (or `dir(..)`, "
                            + "`list(..)`, `sorted(..)`) make a list when the module runs; only tools that read "
                            + "`__all__` without running it lose track of it"));
                } else if (v.code().equals("PLE2502") && facts.isAt(Site.BIDI_MARKS_ONLY, v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "only directional marks (U+200E, U+200F, "
                            + "U+061C), which cannot reorder the code as the embeddings, overrides and isolates of a "
                            + "Trojan Source attack do"));
                } else if (v.code().equals("B008")) {
                    Optional<String> unchanging = facts.unchangingDefault(v.path(), v.diagnostic());
                    if (unchanging.isPresent()) {
                        calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "`" + unchanging.get() + "` makes an "
                                + "instance no method of its class changes once made: one shared by every call is harmless"));
                    } else if (facts.isAt(Site.INSPECTED_DEFAULT, v.path(), v.diagnostic())) {
                        calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "the function never uses the parameter, "
                                + "or only tests it and reads attributes of it: nothing it does changes the one instance "
                                + "every call shares"));
                    } else if (facts.isAt(Site.PRIVATE_DEFAULT, v.path(), v.diagnostic())) {
                        calibrated.put(v, new RuffFindings.Rated(Severity.LOW, "the parameter is private (`_name`): "
                                + "the value is made once on purpose, for every call to share (a compiled pattern, a "
                                + "cache), and no caller is meant to pass one"));
                    }
                } else if (v.code().equals("C901") && isVeryComplex(v)) {
                    // graded as Java's complex-method: a function just over the threshold is not where to start
                    calibrated.put(v, facts.isAt(Site.COMPLEXITY_MOSTLY_NESTED, v.path(), v.diagnostic())
                            ? new RuffFindings.Rated(null, "most of it is in the functions it defines, which ruff counts "
                            + "in and reports each on its own where it is complex: a set of small handlers, not one "
                            + "branchy function")
                            : new RuffFindings.Rated(Severity.HIGH, null));
                } else if (v.code().equals("PLE0101") && facts.returnsNoneFromInit(v.path(), v.diagnostic())) {
                    calibrated.put(v, new RuffFindings.Rated(Severity.LOW,
                            "what it returns is None, so no TypeError: only misleading code"));
                }
            }
        }
        return new PythonQuality(lint, RuffFindings.of(reported, snapshot::scopeOf, calibrated), snapshot,
                new LeftOut(reexported, marked, iterationLocal, submoduleExports, handlerReraises, python2Only,
                        importSystemNames));
    }

    /** A C901 of a McCabe complexity of at least {@value #VERY_COMPLEX}: high, where the table rates C901 medium. */
    private static boolean isVeryComplex(RuffViolation v) {
        FunctionComplexity complexity = FunctionComplexity.of(v.path(), v.diagnostic());
        return complexity != null && complexity.complexity() >= VERY_COMPLEX;
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

    /** How many reports of each kind the row leaves out, and why ({@link #of(PythonLint, Snapshot, ModelFacts)}). */
    private record LeftOut(int reexports, int markedUndefinedNames, int iterationLocalClosures, int submoduleExports,
                           int handlerReraises, int python2OnlyNames, int importSystemNames) {
    }

    public PythonLint lint() {
        return lint;
    }

    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>(ruff.findings());
        for (RuffViolation error : lint.syntaxErrors()) {
            RuffDiagnostic d = error.diagnostic();
            findings.add(Finding.of("parse-error", "Parsing", Severity.LOW, error.path(), d.row(), d.endRow(),
                    "ruff cannot parse this file, so no rule checks it: " + d.message(), d.message()));
        }
        return findings;
    }

    /** Every function's complexity: the Python side of the complexity distribution. */
    public List<FunctionComplexity> complexities() {
        return lint.complexities();
    }

    /** The most complex functions as the row's details list them (path, method, line, cyclomatic). */
    public List<Map<String, Object>> mostComplex(int limit) {
        return lint.complexities().stream().sorted(FunctionComplexity.MOST_COMPLEX_FIRST).limit(limit)
                .map(f -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", f.path());
                    entry.put("method", f.name());
                    entry.put("line", f.line());
                    entry.put("cyclomatic", f.complexity());
                    return entry;
                }).toList();
    }

    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("python_files", lint.pythonFiles()));
        metrics.add(Metric.of("python_lines", snapshot.totalLines(Language.PYTHON)));
        metrics.add(Metric.of("main_python_lines", snapshot.files(Language.PYTHON, Scope.MAIN).stream()
                .mapToLong(SourceFile::lines).sum()));
        metrics.add(Metric.of("ruff_available", lint.ran() ? 1 : 0));
        if (lint.ran()) {
            metrics.add(Metric.of("ruff_files_analyzed", lint.filesAnalyzed()));
            metrics.add(Metric.of("ruff_files_from_cache", lint.filesFromCache()));
            metrics.add(Metric.of("python_unparseable_files", lint.syntaxErrors().size()));
            metrics.add(Metric.of("python_skipped_files", lint.skippedFiles().size()));
            metrics.addAll(ruff.ruleCountMetrics());
            metrics.add(Metric.of("python_reexported_imports", leftOut.reexports()));
            metrics.add(Metric.of("python_marked_undefined_names", leftOut.markedUndefinedNames()));
            metrics.add(Metric.of("python_iteration_local_closures", leftOut.iterationLocalClosures()));
            metrics.add(Metric.of("python_submodule_exports", leftOut.submoduleExports()));
            metrics.add(Metric.of("python_handler_reraises", leftOut.handlerReraises()));
            metrics.add(Metric.of("python_python2_only_names", leftOut.python2OnlyNames()));
            metrics.add(Metric.of("python_import_system_names", leftOut.importSystemNames()));
            metrics.add(Metric.of("python_functions", lint.complexities().size()));
            metrics.add(Metric.of("python_functions_over_" + lint.settings().maxComplexity(),
                    overThreshold()));
        }
        return metrics;
    }

    private long overThreshold() {
        return lint.complexities().stream().filter(f -> f.complexity() > lint.settings().maxComplexity()).count();
    }

    /** One sentence about the Python files for the row's summary. */
    public String summary() {
        if (!lint.ran()) {
            return lint.skippedSentence();
        }
        long lines = snapshot.totalLines(Language.PYTHON);
        return Plural.of(lint.pythonFiles(), "Python file") + " (" + Plural.of(lines, "line")
                + "): " + Plural.of(ruff.violations().size(), "ruff quality finding")
                + leftOut() + ", " + Plural.of(overThreshold(), "function") + " with complexity over "
                + lint.settings().maxComplexity()
                + (lint.syntaxErrors().isEmpty() ? "" : ", " + Plural.of(lint.syntaxErrors().size(), "file")
                + " ruff cannot parse") + ".";
    }

    /** What ruff reported and the row leaves out, and why; empty when nothing. */
    private String leftOut() {
        List<String> parts = new ArrayList<>();
        if (leftOut.reexports() > 0) {
            parts.add(Plural.of(leftOut.reexports(), "unused-import report")
                    + " left out: re-exports other modules import");
        }
        if (leftOut.markedUndefinedNames() > 0) {
            parts.add(Plural.of(leftOut.markedUndefinedNames(), "undefined-name report")
                    + " left out: marked undefined on purpose for the type checker");
        }
        if (leftOut.iterationLocalClosures() > 0) {
            parts.add(Plural.of(leftOut.iterationLocalClosures(), "loop-variable report")
                    + " left out: the function or lambda runs within the iteration that defines it");
        }
        if (leftOut.submoduleExports() > 0) {
            parts.add(Plural.of(leftOut.submoduleExports(), "undefined-export report")
                    + " left out: submodules a star import of the package imports");
        }
        if (leftOut.python2OnlyNames() > 0) {
            parts.add(Plural.of(leftOut.python2OnlyNames(), "undefined-name report")
                    + " left out: in code only Python 2 runs (a version test's Python 2 branch, `__unicode__`)");
        }
        if (leftOut.importSystemNames() > 0) {
            parts.add(Plural.of(leftOut.importSystemNames(), "undefined-name report")
                    + " left out: `__path__`, which the import system gives a package's `__init__.py`");
        }
        if (leftOut.handlerReraises() > 0) {
            parts.add(Plural.of(leftOut.handlerReraises(), "bare-raise report")
                    + " left out: the function is called only from except clauses, whose exception it re-raises");
        }
        return parts.isEmpty() ? "" : " (and " + String.join("; ", parts) + ")";
    }

    public List<String> recommendations() {
        List<String> recommendations = new ArrayList<>();
        if (!lint.syntaxErrors().isEmpty()) {
            RuffViolation first = lint.syntaxErrors().get(0);
            int count = lint.syntaxErrors().size();
            recommendations.add("Fix " + Plural.the(count, "Python file") + " ruff cannot parse, "
                    + (count == 1 ? "" : "starting with ") + first.path() + ":" + first.diagnostic().row() + " ("
                    + first.diagnostic().message() + "); no rule checks " + (count == 1 ? "it." : "them."));
        }
        recommendations.addAll(ruff.topRuleRecommendations(3));
        lint.complexities().stream().filter(f -> f.complexity() > lint.settings().maxComplexity())
                .sorted(FunctionComplexity.MOST_COMPLEX_FIRST).limit(3)
                .forEach(f -> recommendations.add("Split " + f.name() + " (" + f.path() + ":" + f.line()
                        + ", complexity " + f.complexity() + ") into smaller functions."));
        return recommendations;
    }
}
