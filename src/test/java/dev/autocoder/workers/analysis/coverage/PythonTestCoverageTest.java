package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage perspective on Python repositories: pytest conventions without a report, coverage.py's report with one. */
class PythonTestCoverageTest {

    @TempDir
    Path root;

    private PerspectiveResult analyze() {
        return new TestCoveragePerspective(snapshot -> {
            throw new AssertionError("no Java, so no Java model is needed");
        }, snapshot -> Optional.empty(), new AutocoderProperties()).analyze(Fixtures.context(Fixtures.snapshot(root, false)));
    }

    @Test
    void withoutAReportTestFilesMapToTheModulesTheyImportOrAreNamedAfter() {
        Fixtures.write(root, "pyproject.toml", "[project]\nname = \"shop\"\n");
        Fixtures.write(root, "src/shop/__init__.py", "from .cart import total\n");
        Fixtures.writeLines(root, "src/shop/cart.py", "def total(prices):", 30);
        Fixtures.writeLines(root, "src/shop/prices.py", "RATE = 1", 12);
        Fixtures.writeLines(root, "src/shop/report.py", "def render():", 8);
        Fixtures.writeLines(root, "src/shop/checkout.py", "def pay():", 20);
        Fixtures.writeLines(root, "src/shop/legacy/importer.py", "def load():", 240);
        Fixtures.writeLines(root, "src/shop/util.py", "def slug():", 60);
        Fixtures.write(root, "tests/conftest.py", "import pytest\n");
        Fixtures.write(root, "tests/test_cart.py", "from shop.cart import (\n    total,\n)\n\ndef test_total():\n    assert total([1]) == 1\n");
        Fixtures.write(root, "tests/test_misc.py", "from shop import prices, report as r  # both modules\n");
        Fixtures.write(root, "tests/checkout_test.py", "import importlib\nmodule = importlib.import_module('shop.checkout')\n");

        PerspectiveResult result = analyze();

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.summary()).startsWith("No readable coverage report, so Python test files were matched to modules"
                + " by pytest conventions and imports (test-mapping): 4 of 6 modules have a test, 4 test files");
        assertThat(result.findings()).extracting(Finding::file, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("src/shop/legacy/importer.py", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("src/shop/util.py", Severity.LOW));
        assertThat(result.findings().get(0).rule()).isEqualTo("untested-module");
        assertThat(result.qualityScore()).isEqualTo(4.0 / 6);
        assertThat(result.metrics()).contains(Metric.of("modules_total", 6), Metric.of("modules_tested", 4),
                Metric.of("untested_modules", 2), Metric.of("test_files", 4));
        assertThat(mapping(result)).containsExactlyInAnyOrder(
                "shop.cart <- [tests/test_cart.py]",
                "shop.prices <- [tests/test_misc.py]",
                "shop.report <- [tests/test_misc.py]",
                "shop.checkout <- [tests/checkout_test.py]",
                "shop.legacy.importer <- []",
                "shop.util <- []");
        assertThat(result.details().get("method")).isEqualTo("test-mapping");
    }

    /** The row's mapping, one "module <- [test files]" per module. */
    @SuppressWarnings("unchecked")
    private static List<String> mapping(PerspectiveResult result) {
        return ((List<Map<String, Object>>) result.details().get("mapping")).stream()
                .map(m -> m.get("module") + " <- " + m.get("tests")).toList();
    }

    /** A 3,600-line module of data, a 260-line one with a class, a 70-line one with a function. */
    private void writeModulesOfDataAndCode() {
        Fixtures.write(root, "pyproject.toml", "[project]\nname = \"shop\"\n");
        Fixtures.writeLines(root, "shop/emoji_codes.py", "EMOJI = {", 3600);
        Fixtures.writeLines(root, "shop/console.py", "class Console:", 260);
        Fixtures.writeLines(root, "shop/cells.py", "async def measure(text):", 70);
    }

    /** A module of data (no function, no class) has nothing to run: info, after every untested module with code. */
    /** A test file's imports after a long run of blank lines: read in one pass (the pattern spanned the run before). */
    @Test
    void importsAfterALongRunOfBlankLinesAreRead() {
        String text = "\n".repeat(200_000) + "from shop.cart import total\n\f import shop.orders\n";

        assertThat(PythonTestConventions.imports(text)).containsExactly("shop.cart", "shop.cart.total", "shop.orders");
    }

    @Test
    void anUntestedModuleOfDataOnlyComesLastAsInfo() {
        writeModulesOfDataAndCode();
        Fixtures.write(root, "tests/test_version.py", "def test_version():\n    assert True\n");

        PerspectiveResult result = analyze();

        assertThat(result.findings()).extracting(Finding::file, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop/console.py", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("shop/cells.py", Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("shop/emoji_codes.py", Severity.INFO));
        assertThat(result.findings().get(2).message()).startsWith(
                "module shop.emoji_codes (3600 lines, no function or class: data only) has no test");
        assertThat(result.summary()).contains("the largest: shop/console.py (260 lines)");
    }

    /**
     * Without a single test file the repository gets one finding that says so and where to start; each module's own
     * "has no test" repeats it, so none is above low (the eight Python packages' source trees led with up to 12
     * medium untested modules each).
     */
    @Test
    void aRepositoryWithoutTestsGetsOneNoTestsFindingAndItsModulesAtLowAtMost() {
        writeModulesOfDataAndCode();

        PerspectiveResult result = analyze();

        assertNoTestsAndModulesAtLowAtMost(result);
        assertThat(result.findings().get(0).message()).isEqualTo("The repository has no tests at all (no test file: none "
                + "named test_*.py or *_test.py, no conftest.py, none in a tests folder); start with shop.console (260 "
                + "lines), shop.cells (70 lines).");
    }

    /** The no-tests finding first, then the modules of {@link #writeModulesOfDataAndCode()} at low at most. */
    private static void assertNoTestsAndModulesAtLowAtMost(PerspectiveResult result) {
        assertThat(result.findings()).extracting(Finding::rule, Finding::file, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-tests", null, Severity.HIGH),
                org.assertj.core.groups.Tuple.tuple("untested-module", "shop/console.py", Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("untested-module", "shop/cells.py", Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("untested-module", "shop/emoji_codes.py", Severity.INFO));
    }

    /**
     * A file named like a test that holds no test function is no test: Python-Markdown ships markdown/test_tools.py,
     * a TestCase base for extension authors, and its import of markdown.core made the module "tested" and the
     * repository one with tests (no no-tests finding, eleven medium untested modules) while the test pyramid found
     * none.
     */
    @Test
    void aFileNamedLikeATestWithoutATestFunctionIsNoTest() {
        writeModulesOfDataAndCode();
        Fixtures.write(root, "shop/test_tools.py", """
                import unittest

                from shop import console


                class TestCase(unittest.TestCase):
                    def assertRenders(self, text, expected):
                        self.assertEqual(console.Console().render(text), expected)
                """);

        PerspectiveResult result = analyze();

        assertNoTestsAndModulesAtLowAtMost(result);
        assertThat(result.findings().get(0).message()).startsWith("The repository has no tests at all (no test function "
                + "in any file named or placed as a test); start with shop.console (260 lines)");
        assertThat(result.summary()).contains(": 0 of 3 modules have a test, 0 test files", "1 file named or placed as "
                + "a test holds no test function, so pytest collects nothing from it (shop/test_tools.py): not counted as tests.");
        assertThat(result.metrics()).contains(Metric.of("test_files", 0), Metric.of("modules_tested", 0));

        // one test function anywhere makes it a repository with tests, and the helper's import counts again
        Fixtures.write(root, "tests/test_console.py", "from shop.test_tools import TestCase\n\n\n"
                + "class TestConsole(TestCase):\n    def test_render(self):\n        self.assertRenders('a', 'a')\n");

        PerspectiveResult withTests = analyze();

        assertThat(withTests.findings()).extracting(Finding::rule).doesNotContain("no-tests");
        assertThat(mapping(withTests)).contains("shop.console <- [shop/test_tools.py, tests/test_console.py]");
    }

    /**
     * Pytest collects every subclass of unittest's TestCase, whatever its name: passlib's tests are
     * {@code des_crypt_test(HandlerCase)}, {@code HandlerCase(TestCase)} in its test utilities, that one a
     * {@code unittest.TestCase}, and the handler tests inherit their test methods. Both rows said "no tests at all" (a
     * high finding on the first screen); the test-coverage row maps the tests now (the test pyramid's side:
     * {@code PythonTestPlanningTest}). A class of another name that is no TestCase holds no test.
     */
    @Test
    void unittestCasesOfAnyNameThroughTheProjectsOwnBasesAreTests() {
        writeModulesOfDataAndCode();
        Fixtures.write(root, "shop/tests/__init__.py", "");
        Fixtures.write(root, "shop/tests/utils.py", """
                from unittest import TestCase as _TestCase


                class TestCase(_TestCase):
                    def assertRenders(self, text, expected):
                        self.assertEqual(text, expected)


                class HandlerCase(TestCase):
                    handler = None

                    def test_01_required_attributes(self):
                        self.assertTrue(self.handler)

                    def test_02_config(self):
                        self.assertRenders("a", "a")
                """);
        Fixtures.write(root, "shop/tests/test_handlers.py", """
                from shop import console
                from shop.tests.utils import HandlerCase


                class console_test(HandlerCase):
                    handler = console

                    def test_render(self):
                        self.assertRenders("a", "a")


                class helper:
                    def test_nothing(self):
                        pass
                """);

        PerspectiveResult result = analyze();

        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("no-tests");
        assertThat(mapping(result)).contains("shop.console <- [shop/tests/test_handlers.py]");
    }

    /**
     * Imports as Python reads them (the Python model's ast): a relative import in a test package is followed, an
     * import written in a docstring is not one, a package below a folder without {@code __init__.py} is imported by
     * its package name; a test file the ast cannot parse (Python 2) still counts by its import lines, and is named.
     */
    @Test
    void testImportsAreReadByPythonsAstAndModulesAnswerToTheirPackageNames() {
        Fixtures.write(root, "pyproject.toml", "[project]\nname = \"shop\"\n");
        Fixtures.write(root, "shop/__init__.py", "");
        Fixtures.write(root, "shop/cart.py", "def total(prices):\n    return sum(prices)\n");
        Fixtures.write(root, "shop/util.py", "def slug(text):\n    return text.lower()\n");
        Fixtures.write(root, "shop/report.py", "def render():\n    return ''\n");
        // data only, whatever its docstring shows: the ast sees no function and no class
        Fixtures.write(root, "shop/codes.py", "\"\"\"Codes.\n\n    def lookup(code):\n        return CODES[code]\n\"\"\"\nCODES = {'a': 1}\n");
        Fixtures.write(root, "shop/tests/__init__.py", "");
        Fixtures.write(root, "shop/tests/test_checkout.py", "\"\"\"Checkout.\n\nfrom shop.util import slug is not used here.\n\"\"\"\n"
                + "from ..cart import total\n\n\ndef test_total():\n    assert total([1]) == 1\n");
        Fixtures.write(root, "plugins/fees/__init__.py", "");
        Fixtures.write(root, "plugins/fees/rates.py", "def rate():\n    return 1\n");
        Fixtures.write(root, "tests/test_fees.py", "from fees.rates import rate\n\n\ndef test_rate():\n    assert rate() == 1\n");
        Fixtures.write(root, "tests/test_legacy.py", "from shop.report import render\n\ndef test_render():\n    print render()\n");

        PerspectiveResult result = analyze();

        assertThat(mapping(result)).containsExactlyInAnyOrder(
                "shop.cart <- [shop/tests/test_checkout.py]",
                "shop.util <- []",
                "shop.codes <- []",
                "shop.report <- [tests/test_legacy.py]",
                "fees.rates <- [tests/test_fees.py]");
        assertThat(result.findings()).extracting(Finding::file).containsExactly("shop/util.py", "shop/codes.py");
        assertThat(result.findings().get(1).message()).contains("no function or class: data only");
        assertThat(result.summary()).contains("3 of 5 modules have a test")
                .contains("1 test file could not be parsed by Python's ast (the first: tests/test_legacy.py: ")
                .contains("its import lines were read as text.");
    }

    @Test
    void aCoveragePyReportMeasuresTheMainModulesAndLeavesTheTestFilesOut() throws Exception {
        for (String file : List.of("shop/__init__.py", "shop/cart.py", "tests/__init__.py", "tests/test_cart.py", "coverage.json")) {
            Fixtures.write(root, file, CoverageReportReadersTest.resource("coverage-py/" + file));
        }

        PerspectiveResult result = analyze();

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.details().get("method")).isEqualTo("coverage-report (coverage.py)");
        assertThat(result.summary()).startsWith("Line coverage 63.6% (7 of 11 lines), branch coverage 50.0% (3 of 6 branches)"
                + " by coverage-report (coverage.py) from coverage.json");
        assertThat(result.metrics()).contains(Metric.of("lines_covered", 7), Metric.of("lines_missed", 4));
    }
}
