package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.PytestCollection;
import dev.autocoder.workers.pythonmodel.PythonModelProvider.Modelled;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.PerspectiveResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * The static "test-mapping" method for Python, used when no coverage report of the repository's main code exists
 * (see {@link PythonTestConventions}): a main-scope module has a test when a test file ({@code test_*.py},
 * {@code *_test.py}, {@code conftest.py}, or any Python file of the test scope) imports it
 * ({@code from pkg.x import …}, {@code from pkg import x}, {@code import pkg.x}, {@code from ..pkg import x}) or is
 * named after it ({@code test_x.py}, {@code x_test.py}; by name only when one module has that name). Imports are the
 * Python model's (Python's own {@code ast}: relative imports made absolute, nothing read from strings or comments);
 * a test file the ast cannot parse has its import lines read as text, and the summary says so. A module answers to
 * the name the import system gives it (its enclosing packages) and to its path's, without a leading {@code src/}
 * ({@link ModuleNames}). {@code __init__.py}, {@code __main__.py} and {@code setup.py} are not modules
 * to test by themselves. Each module without a test is an {@code untested-module} finding ranked by its lines
 * (no complexity here): medium from 200 lines, low from 50, info below. A module that defines no function and no
 * class holds only data (rich's 3,610-line table of emoji codes): nothing in it runs, so it is info and comes after
 * every module with code. A repository with no test file at all gets one {@code no-tests} finding instead, and its
 * untested modules are low at most ({@link NoTests}).
 */
final class PythonTestMappingAnalysis {

    static final String METHOD = "test-mapping";
    static final int LISTED_MODULES = 50;
    private static final Set<String> NOT_MODULES = Set.of("__init__.py", "__main__.py", "setup.py", "conftest.py");

    PerspectiveResult analyze(Snapshot snapshot, ReportSelection reports, List<UnreadableReport> unreadable,
                              List<Modelled> modelled) {
        Map<String, Modelled> models = Modelled.byPath(modelled);
        List<SourceFile> tests = new ArrayList<>();
        List<SourceFile> modules = new ArrayList<>();
        for (SourceFile file : snapshot.files(Language.PYTHON)) {
            Scope scope = snapshot.scopeOf(file.path());
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (scope == Scope.TEST || (scope == Scope.MAIN && PythonTestConventions.isTestFile(name))) {
                tests.add(file);
            } else if (scope == Scope.MAIN && !NOT_MODULES.contains(name)) {
                modules.add(file);
            }
        }
        // pytest collects nothing from a file without a test function (Python-Markdown's markdown/test_tools.py, test
        // helpers it ships for extension authors): when no such file holds one, the repository has no tests
        PytestCollection pytest = new PytestCollection(modelled.stream().map(Modelled::model).toList());
        List<String> withoutTests = tests.stream().filter(t -> models.containsKey(t.path())
                && !pytest.mayHoldTests(models.get(t.path()).model())).map(SourceFile::path).toList();
        boolean noTests = withoutTests.size() == tests.size();
        if (noTests) {
            tests = List.of();
        }
        ModuleIndex index = new ModuleIndex(modules, models);
        Map<String, SourceFile> byModule = index.byModule;
        Map<String, String> nameOf = index.nameOf;
        TestsOfModules mapped = TestsOfModules.of(snapshot, tests, models, index);
        Map<String, Set<String>> testsOf = mapped.testsOf();
        List<UntestedModule> untestedModules = byModule.entrySet().stream().filter(e -> testsOf.get(e.getKey()).isEmpty())
                .map(e -> new UntestedModule(e.getValue(), definitions(snapshot, e.getValue(), models.get(e.getValue().path()))))
                .sorted(Comparator.comparing(UntestedModule::dataOnly)
                        .thenComparing(Comparator.comparingInt((UntestedModule m) -> m.file().lines()).reversed())
                        .thenComparing(m -> m.file().path()))
                .toList();
        List<SourceFile> untested = untestedModules.stream().map(UntestedModule::file).toList();
        long testLines = tests.stream().mapToLong(SourceFile::lines).sum();
        long mainLines = modules.stream().mapToLong(SourceFile::lines).sum();
        int tested = modules.size() - untested.size();
        Double quality = modules.isEmpty() ? null : (double) tested / modules.size();

        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("coverage_reports", 0));
        metrics.add(Metric.of("coverage_reports_ignored", reports.ignored().size()));
        metrics.add(Metric.of("coverage_reports_unreadable", unreadable.size()));
        metrics.add(Metric.of("modules_total", modules.size()));
        metrics.add(Metric.of("modules_tested", tested));
        metrics.add(Metric.of("untested_modules", untested.size()));
        metrics.add(Metric.of("test_files", tests.size()));
        metrics.add(Metric.of("test_lines", testLines));
        metrics.add(Metric.of("main_lines", mainLines));
        if (mainLines > 0) {
            metrics.add(Metric.of("test_to_source_line_ratio", (double) testLines / mainLines));
        }

        StringBuilder summary = new StringBuilder(reports.ignored().isEmpty() ? "No readable coverage report"
                : "No coverage report measures this repository's main code")
                .append(", so Python test files were matched to modules by pytest conventions and imports (")
                .append(METHOD).append("): ").append(tested).append(" of ").append(Plural.of(modules.size(), "module"))
                .append(tested == 1 ? " has" : " have").append(" a test, ").append(Plural.of(tests.size(), "test file"));
        if (mainLines > 0) {
            summary.append(", test-to-source line ratio ").append(String.format(Locale.ROOT, "%.2f", (double) testLines / mainLines));
        }
        summary.append('.');
        if (!untested.isEmpty()) {
            summary.append(' ').append(untested.size()).append(untested.size() == 1 ? " module has" : " modules have")
                    .append(" no test; the largest: ").append(untested.get(0).path()).append(" (")
                    .append(Plural.of(untested.get(0).lines(), "line")).append(").");
        }
        List<String> notes = notes(noTests, withoutTests, reports, unreadable, mapped);
        notes.forEach(n -> summary.append(' ').append(n));

        List<String> recommendations = new ArrayList<>();
        untested.stream().limit(5).forEach(m -> recommendations.add("Add tests/test_"
                + m.path().substring(m.path().lastIndexOf('/') + 1) + " for " + nameOf.get(m.path()) + " ("
                + Plural.of(m.lines(), "line") + ")."));
        recommendations.add("Publish a coverage report (coverage.py: `coverage run -m pytest` then `coverage json`"
                + " writes coverage.json) so measured line and branch coverage replace this estimate.");

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", METHOD);
        details.put("language", "python");
        details.put("conventions", "pytest: test_*.py, *_test.py, conftest.py and test-scope files; a module is tested"
                + " when a test file imports it or is named after it");
        details.put("test_lines", testLines);
        details.put("main_lines", mainLines);
        details.put("quality_formula", "modules with a test / modules");
        details.put("mapping", byModule.entrySet().stream().map(e -> ordered("module", e.getKey(), "file",
                e.getValue().path(), "tests", List.copyOf(testsOf.get(e.getKey())))).toList());
        details.put("untested_modules", untestedModules.stream().limit(LISTED_MODULES).map(m -> ordered("module",
                nameOf.get(m.file().path()), "file", m.file().path(), "lines", m.file().lines(),
                "functions_and_classes", m.definitions())).toList());
        details.put("reports_ignored", reports.ignoredDetails());
        details.put("unreadable_reports", unreadable.stream()
                .map(u -> Map.of("path", u.path(), "reason", u.reason())).toList());

        List<Finding> findings = new ArrayList<>();
        if (noTests && !untestedModules.isEmpty()) {
            findings.add(NoTests.finding(withoutTests.isEmpty() ? "no test file: none named test_*.py or *_test.py, no "
                    + "conftest.py, none in a tests folder" : "no test function in any file named or placed as a test",
                    untestedModules.stream().filter(m -> !m.dataOnly()).limit(3).map(m ->
                    nameOf.get(m.file().path()) + " (" + Plural.of(m.file().lines(), "line") + ")").toList()));
        }
        untestedModules.stream().map(m -> finding(m, nameOf.get(m.file().path()), noTests)).forEach(findings::add);
        return new PerspectiveResult(Status.OK, notes.isEmpty() ? null : String.join(" ", notes), summary.toString(),
                quality, findings, recommendations, metrics, details);
    }

    /** What the row's reason says: files taken for tests that hold none, reports left aside, tests not read. */
    private static List<String> notes(boolean noTests, List<String> withoutTests, ReportSelection reports,
                                      List<UnreadableReport> unreadable, TestsOfModules mapped) {
        List<String> notes = new ArrayList<>();
        if (noTests && !withoutTests.isEmpty()) {
            notes.add(Plural.of(withoutTests.size(), "file") + (withoutTests.size() == 1 ? " named or placed as a test holds"
                    : " named or placed as tests hold")
                    + " no test function, so pytest collects nothing from " + (withoutTests.size() == 1 ? "it" : "them")
                    + " (" + String.join(", ", withoutTests.stream().limit(3).toList()) + (withoutTests.size() > 3 ? ", …" : "")
                    + "): not counted as tests.");
        }
        if (reports.ignoredSentence() != null) {
            notes.add(reports.ignoredSentence());
        }
        if (!unreadable.isEmpty()) {
            notes.add(ReportCoverageAnalysis.unreadableSentence(unreadable));
        }
        if (mapped.unreadableTests() > 0) {
            notes.add(Plural.of(mapped.unreadableTests(), "test file") + " could not be read; " + (mapped.unreadableTests() == 1 ? "its" : "their")
                    + " imports were not followed.");
        }
        if (!mapped.unparsedTests().isEmpty()) {
            notes.add(Plural.of(mapped.unparsedTests().size(), "test file") + " could not be parsed by Python's ast (the first: "
                    + mapped.unparsedTests().get(0) + "); " + (mapped.unparsedTests().size() == 1 ? "its" : "their") + " import lines were read as text.");
        }
        return notes;
    }

    /**
     * The modules by the name shown for each ({@code byModule}, {@code nameOf}), and the names a test may import or be
     * named after them by.
     */
    private static final class ModuleIndex {
        final Map<String, SourceFile> byModule = new LinkedHashMap<>();
        final Map<String, String> nameOf = new HashMap<>();
        final Map<String, List<String>> byShortName = new LinkedHashMap<>();
        final Map<String, List<String>> importedAs = new HashMap<>();

        ModuleIndex(List<SourceFile> modules, Map<String, Modelled> models) {
            for (SourceFile module : modules) {
                ModuleNames names = ModuleNames.of(module.path(), models.get(module.path()));
                String dotted = byModule.containsKey(names.shown()) ? module.path() : names.shown();
                byModule.put(dotted, module);
                nameOf.put(module.path(), dotted);
                byShortName.computeIfAbsent(dotted.substring(dotted.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(dotted);
                names.all().forEach(n -> importedAs.computeIfAbsent(n, k -> new ArrayList<>()).add(dotted));
            }
        }

        /** The one module a test file's name or an imported name means; null when none or several do. */
        String named(String shortName) {
            List<String> matches = byShortName.getOrDefault(shortName, List.of());
            return matches.size() == 1 ? matches.get(0) : null;
        }

        String imported(String importedName) {
            // a name shared by several modules (a bare name outside packages) says nothing of which one
            List<String> matches = importedAs.getOrDefault(importedName, List.of());
            return matches.size() == 1 ? matches.get(0) : null;
        }
    }

    /** Each module's test files, and the test files that could not be read or parsed. */
    private record TestsOfModules(Map<String, Set<String>> testsOf, int unreadableTests, List<String> unparsedTests) {

        static TestsOfModules of(Snapshot snapshot, List<SourceFile> tests, Map<String, Modelled> models, ModuleIndex index) {
            Map<String, Set<String>> testsOf = new LinkedHashMap<>();
            index.byModule.keySet().forEach(m -> testsOf.put(m, new TreeSet<>()));
            int unreadableTests = 0;
            List<String> unparsedTests = new ArrayList<>();
            for (SourceFile test : tests) {
                String named = index.named(PythonTestConventions.testedName(
                        test.path().substring(test.path().lastIndexOf('/') + 1)));
                if (named != null) {
                    testsOf.get(named).add(test.path());
                }
                Modelled model = models.get(test.path());
                List<String> imported = new ArrayList<>();
                if (model != null && model.model().parsed()) {
                    // Python's ast: relative imports made absolute, nothing taken from strings or comments
                    model.imports().forEach(i -> {
                        imported.add(i.module());
                        imported.add(i.qualified());
                    });
                } else {
                    try {
                        imported.addAll(PythonTestConventions.imports(snapshot.read(test)));
                        unparsedTests.add(test.path() + (model == null ? "" : ": " + model.model().parseError()));
                    } catch (IOException | RuntimeException e) {
                        unreadableTests++;
                    }
                }
                imported.stream().map(index::imported).filter(Objects::nonNull)
                        .forEach(module -> testsOf.get(module).add(test.path()));
            }
            return new TestsOfModules(testsOf, unreadableTests, unparsedTests);
        }
    }

    private static Finding finding(UntestedModule untested, String name, boolean noTests) {
        SourceFile module = untested.file();
        Severity severity = NoTests.ofUntested(untested.dataOnly() ? Severity.INFO
                : module.lines() >= 200 ? Severity.MEDIUM : module.lines() >= 50 ? Severity.LOW : Severity.INFO, noTests);
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        return Finding.of("untested-module", "test-coverage", severity, module.path(), 1, module.lines(),
                "module " + name + " (" + Plural.of(module.lines(), "line")
                        + (untested.dataOnly() ? ", no function or class: data only" : "")
                        + ") has no test: no test file imports it or is named"
                        + " test_" + shortName + ".py / " + shortName + "_test.py", "untested " + name);
    }

    /** An untested module and how many functions and classes it defines (-1 when it could not be read). */
    private record UntestedModule(SourceFile file, int definitions) {
        boolean dataOnly() {
            return definitions == 0;
        }
    }

    private static final java.util.regex.Pattern DEFINITION =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*(?:async[ \\t]+def|def|class)[ \\t]+\\w");

    /**
     * How many functions, classes and methods the module defines: the Python model's, or for a file the ast cannot
     * parse its {@code def}, {@code async def} and {@code class} lines; -1 when unreadable.
     */
    private static int definitions(Snapshot snapshot, SourceFile module, Modelled model) {
        if (model != null && model.model().parsed()) {
            return model.model().types().stream()
                    .mapToInt(t -> t.methods().size() + ("class".equals(t.kind()) ? 1 : 0)).sum();
        }
        try {
            return (int) DEFINITION.matcher(snapshot.read(module)).results().count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The names a test may import a module by: the import system's (its enclosing packages, those with an
     * {@code __init__.py}: the Python model's module name) and its path's ({@code src/pkg/cart.py} is
     * {@code pkg.cart}), which is what a namespace package (a folder without {@code __init__.py}) is imported as
     * when its parent folder is on the path. Shown is the import system's name when the file is in a package or at
     * the top, else the path's ({@code shop/legacy/importer.py} below a folder without {@code __init__.py}).
     */
    private record ModuleNames(String byPackages, String byPath) {

        static ModuleNames of(String path, Modelled model) {
            String withoutSrc = path.startsWith("src/") ? path.substring(4) : path;
            String byPath = withoutSrc.substring(0, withoutSrc.length() - 3).replace('/', '.');
            return new ModuleNames(model == null ? byPath : model.module(), byPath);
        }

        String shown() {
            return byPackages.contains(".") || !byPath.contains(".") ? byPackages : byPath;
        }

        Set<String> all() {
            return new TreeSet<>(List.of(byPackages, byPath));
        }
    }
}
