package dev.autocoder.workers.pythonmodel;

import dev.autocoder.workers.testplan.TestPlanHarness;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.testplan.plan.EdgeCase;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The test-planning perspectives on a real Python repository, and pytest collecting the skeletons they write. */
class PythonTestPlanningTest {

    @TempDir
    Path temp;

    @Test
    void plansPythonCodeAndWritesPytestFilesThatPytestCollects() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        Path out = temp.resolve("plans");
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), out);

        PerspectiveResult edges = harness.run(harness.perspective("edge-cases"));
        assertThat(edges.status()).isEqualTo(Status.OK);
        List<String> totalCases = TestPlanHarness.analysis(edges).edgeCases().stream()
                .filter(e -> e.method().equals("total(prices, discount, note)")).map(e -> e.parameter() + "=" + e.input()).toList();
        assertThat(totalCases).contains("prices=[]", "prices=[1]", "prices=[0] * 1", "discount=0", "discount=49",
                "discount=50", "discount=51", "discount=2 ** 63 - 1", "note=None");
        assertThat(TestPlanHarness.analysis(edges).edgeCases()).extracting(EdgeCase::parameter)
                .doesNotContain("*extras", "**options", "self");
        // the summary counts what the row's metric and list count: each edge case once
        long listed = TestPlanHarness.analysis(edges).edgeCases().size();
        assertThat(edges.metrics()).filteredOn(m -> m.name().equals("edge_cases")).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo((double) listed));
        assertThat(edges.summary()).startsWith(listed + " edge cases for ");

        PerspectiveResult failures = harness.run(harness.perspective("failure-modes"));
        assertThat(failures.status()).isEqualTo(Status.OK);
        List<FailureMode> modes = TestPlanHarness.analysis(failures).failureModes();
        assertThat(modes).extracting(m -> m.method() + " " + m.mode() + " " + m.exception()).contains(
                "total(prices, discount, note) thrown-exception ValueError",
                "total(prices, discount, note) thrown-exception OrderError",
                "total(prices, discount, note) null-return TypeError",
                "fetch_rate(currency) integration-failure requests.RequestException",
                "count_orders(path) integration-failure sqlite3.Error",
                "fetch_rate(currency) swallowed-exception BaseException");

        PerspectiveResult errors = harness.run(harness.perspective("error-handling"));
        assertThat(errors.status()).isEqualTo(Status.OK);
        assertThat(errors.findings()).extracting(f -> f.rule() + " " + f.file() + ":" + f.line()).contains(
                "empty-catch shop/orders.py:36", "over-broad-catch shop/orders.py:36", "lost-cause shop/orders.py:54");
        // in Python's words: the handler as written, re-raise, `from` (it said "empty catch of", "Handle or rethrow")
        assertThat(errors.findings()).filteredOn(f -> f.rule().equals("empty-catch")).extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).containsPattern(": empty `except[^`]*:`: the failure disappears$"));
        assertThat(errors.recommendations()).contains("Handle or re-raise in the 1 empty `except` block.",
                "Raise the new exception `from` the caught one in 1 place.");
        assertThat(errors.recommendations()).noneMatch(r -> r.contains("catch block") || r.contains("rethrow"));

        PerspectiveResult integration = harness.run(harness.perspective("integration-points"));
        assertThat(TestPlanHarness.analysis(integration).integrationPoints()).extracting(IntegrationPoint::kind, IntegrationPoint::method)
                .contains(org.assertj.core.groups.Tuple.tuple("http", "fetch_rate(currency)"),
                        org.assertj.core.groups.Tuple.tuple("process", "archive(name, retries)"),
                        org.assertj.core.groups.Tuple.tuple("database", "count_orders(path)"),
                        org.assertj.core.groups.Tuple.tuple("http", "checkout(amount, *extras, **options)"));

        // a call as Python writes it (werkzeug's read "new Thread in _reloader.run_with_reloader", "new Popen")
        assertThat(TestPlanHarness.analysis(integration).integrationPoints()).extracting(IntegrationPoint::call)
                .contains("subprocess.run", "threading.Thread", "sqlite3.connect", "requests.get")
                .noneMatch(call -> call.startsWith("new "));

        List<PerspectiveResult> all = new ArrayList<>(List.of(edges, failures, errors, integration));
        for (TestPlanningPerspective p : List.of(harness.perspective("mocking-strategy"),
                harness.perspective("security"), harness.perspective("what-are-we-testing"))) {
            PerspectiveResult result = harness.run(p);
            assertThat(result.status()).as(p.id()).isEqualTo(Status.OK);
            all.add(result);
        }
        // count_orders' sqlite3.connect(path) opens the database its caller names: a tmp_path file in a test
        assertThat(all.get(4).recommendations()).contains("Pass the 9 hard-wired collaborators in as parameters with "
                + "defaults, or replace them in tests with monkeypatch: http 2, database 2, process 1, concurrency 1, "
                + "environment 1, clock 1, randomness 1.");
        // a failure mode names the pytest test its specification holds (werkzeug's recommendation named
        // "restart_with_reloader_whenProcessFails_reportsIt")
        List<String> failureTests = TestPlanHarness.analysis(failures).testSpecifications().stream()
                .map(TestSpecification::testName).toList();
        assertThat(modes).filteredOn(m -> !m.method().startsWith("_")).isNotEmpty()
                .allSatisfy(m -> assertThat(failureTests).contains(m.testName()));
        assertThat(modes).allSatisfy(m -> assertThat(m.testName()).matches("test_[a-z0-9_]+"));
        assertThat(failures.recommendations()).isNotEmpty().allSatisfy(r -> assertThat(r).containsPattern("\\): test_[a-z0-9_]+$"));
        long planned = all.stream().map(TestPlanHarness::analysis).map(TestPlanAnalysis::testSpecifications).mapToLong(List::size).sum();
        assertThat(planned).isPositive();

        List<Path> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(written).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("test_"));
        assertThat(written).contains(out.resolve("edge-cases/test_shop_orders_edge_cases.py"));
        String edgeFile = Files.readString(out.resolve("edge-cases/test_shop_orders_edge_cases.py"));
        assertThat(edgeFile).contains("@pytest.mark.parametrize(\"value\", [", "pytest.skip(\"planned, not written yet: ",
                "class TestOrdersEdgeCases:", "import shop.orders  # the code under test");
        String failureFile = Files.readString(out.resolve("failure-modes/test_shop_orders_failure_modes.py"));
        assertThat(failureFile).contains("with pytest.raises(ValueError):");

        for (Path file : written) {
            assertThat(run(out, "python3", "-m", "py_compile", file.toString())).as(file.toString()).startsWith("exit 0");
        }
        String collected = run(out, "python3", "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", ".");
        assertThat(collected).startsWith("exit 0");
        long tests = collected.lines().filter(l -> l.contains("::")).count();
        assertThat(tests).as(collected).isGreaterThanOrEqualTo(planned);
        // a specification names the test its skeleton holds, as pytest collects it (on rich they named JUnit
        // classes and methods: "rich._filenoFailureModesTest", "get_fileno_mayReturnNone_callersHandleIt")
        for (PerspectiveResult result : all) {
            for (TestSpecification spec : TestPlanHarness.analysis(result).testSpecifications()) {
                int dot = spec.testClass().indexOf('.');
                assertThat(collected).as(spec.testClass() + " " + spec.testName())
                        .contains(spec.testClass().substring(0, dot) + ".py::" + spec.testClass().substring(dot + 1) + "::" + spec.testName());
            }
        }
        // and says it in Python's words
        assertThat(TestPlanHarness.analysis(failures).testSpecifications()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.given() + " " + s.then()).doesNotContainPattern("\\b(thrown|throws|null|method)\\b"));
        assertThat(failures.summary()).contains("raised-exception × ").doesNotContain("thrown");
        assertThat(failures.findings()).extracting(Finding::message).noneMatch(m -> m.contains("thrown-exception"));
    }

    @Test
    void rowsCountFunctionsModulesAndClassesInPythonsWords() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        // an untested module with a complex top-level function and a class with a complex method
        Files.writeString(repo.resolve("shop/rules.py"), """
                def grade(score, strict=False):
                    if score is None:
                        return "none"
                    if score > 90:
                        return "a"
                    if score > 80:
                        return "b"
                    if strict and score < 50:
                        return "f"
                    return "c"


                class Grader:
                    def grade(self, score):
                        if score is None:
                            return "none"
                        if score > 90:
                            return "a"
                        if score > 80:
                            return "b"
                        if score > 70:
                            return "c"
                        return "f"
                """);
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("plans"));

        // flask's rows said "0 of 70 main classes" for 22 modules and 48 classes, "methods" for its functions, and
        // "across 19 packages" for its 2 (a class's type names its module as its package)
        PerspectiveResult coverage = harness.run(harness.perspective("coverage-strategy"));
        // counted: what has functions to call (the orders and rules modules, Cart, Grader); not the modules holding
        // only a class or nothing (cart, errors, the package's __init__) and OrderError's `pass`
        assertThat(coverage.summary()).isEqualTo("1 of 4 main modules and classes with functions has tests across 1 "
                + "package; 2 untested functions of complexity 5 or more.");
        assertThat(coverage.findings()).extracting(Finding::message).containsExactly(
                "rules.grade(score, strict) has cyclomatic complexity 5 and its module has no test",
                "Grader.grade(score) has cyclomatic complexity 5 and its class has no test");
        assertThat(TestPlanHarness.analysis(coverage).notes()).contains("No ok test-coverage row in the analysis dataset "
                + "autocoder-analysis-results yet: goals use the test-module mapping only.");
        PerspectiveResult scope = harness.run(harness.perspective("what-are-we-testing"));
        assertThat(scope.summary()).startsWith("First plan: the whole codebase is in scope, 5 main Python files with 10 functions;");
        assertThat(scope.recommendations()).containsExactly("Add tests for the 3 in-scope modules and classes without a test module.");
        PerspectiveResult failures = harness.run(harness.perspective("failure-modes"));
        assertThat(failures.summary()).startsWith("13 failure modes in 10 functions (");
        assertThat(TestPlanHarness.analysis(failures).notes()) // count_orders' three database calls, one test
                .anySatisfy(n -> assertThat(n).contains(" with the same body as another test of the same function were merged"));
        PerspectiveResult edges = harness.run(harness.perspective("edge-cases"));
        assertThat(edges.summary()).contains(" edge cases for 9 API functions in scope");
        assertThat(edges.recommendations())
                .containsExactly("Write the parameterized edge-case tests for the 4 functions whose modules and classes have no tests yet.");
        assertThat(harness.run(harness.perspective("performance-impact")).summary())
                .startsWith("10 functions in scope: ").contains(", 0 functions with nested loops, ");
        // of the 4 with functions the coverage strategy counts, the 2 that talk to none (it said 6, counting the
        // modules holding only a class or nothing and OrderError's `pass`)
        assertThat(harness.run(harness.perspective("mocking-strategy")).summary()).startsWith("2 modules and classes talk to 10 "
                + "external collaborators (9 hard-wired); 2 modules and classes can be tested with real objects;");
        assertThat(harness.run(harness.perspective("integration-points")).summary()).endsWith("; 9 in modules that have tests.");
        assertThat(harness.run(harness.perspective("test-pyramid")).summary()).startsWith("1 test function in 1 module: ");
    }

    @Test
    void twoLikeCallsOnOneLineAreTwoIntegrationPointsButOneFinding() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        // flask's load_dotenv: one test with tmp_path covers both files
        Files.writeString(repo.resolve("shop/env.py"), """
                import os


                def load(path):
                    if path or os.path.isfile(".env") or os.path.isfile(".flaskenv"):
                        return True
                    return os.path.isfile(path)
                """);
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("plans"));

        PerspectiveResult integration = harness.run(harness.perspective("integration-points"));

        assertThat(TestPlanHarness.analysis(integration).integrationPoints()).filteredOn(p -> p.file().equals("shop/env.py"))
                .extracting(IntegrationPoint::line).containsExactly(5, 5, 7);
        assertThat(integration.findings()).filteredOn(f -> f.file().equals("shop/env.py"))
                .extracting(f -> f.rule() + ":" + f.line()).containsExactly("integration-file-system:5", "integration-file-system:7");
    }

    @Test
    void aPropertySetterIsAssignedToAndAConstructorConstructs() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        Files.writeString(repo.resolve("shop/settings.py"), """
                class Settings:
                    def __init__(self, name: str):
                        self._name = name

                    @property
                    def name(self) -> str:
                        return self._name

                    @name.setter
                    def name(self, value: str) -> None:
                        self._name = value
                """);
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("plans"));

        PerspectiveResult edges = harness.run(harness.perspective("edge-cases"));

        assertThat(TestPlanHarness.analysis(edges).testSpecifications())
                .filteredOn(s -> s.classUnderTest().equals("shop.settings.Settings"))
                .extracting(TestSpecification::given, TestSpecification::when)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("no other arguments",
                                "constructing a Settings with each boundary value of parameter name"),
                        org.assertj.core.groups.Tuple.tuple("a Settings", "setting name to each boundary value"));
        // a module's function is called on no object
        assertThat(TestPlanHarness.analysis(edges).testSpecifications())
                .filteredOn(s -> s.methodUnderTest().equals("total(prices, discount, note)"))
                .extracting(TestSpecification::given).containsOnly("typical values for the other parameters");
    }

    @Test
    void aNestedFunctionIsPartOfTheFunctionItStandsInButItsReturnsAreItsOwn() throws Exception {
        Path repo = PythonFixture.create(temp.resolve("repo"));
        Files.writeString(repo.resolve("shop/auth.py"), """
                import hashlib


                def digest_header(password: str, algorithm: str) -> str:
                    def md5_utf8(text):
                        return hashlib.md5(text.encode("utf-8")).hexdigest()

                    hash_utf8 = md5_utf8 if algorithm == "MD5" else str
                    return hash_utf8(password)


                def retrying(function):
                    def wrapper(*args, **kwargs):
                        try:
                            return function(*args, **kwargs)
                        except Exception:
                            pass

                    return wrapper
                """);
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("plans"));

        // requests' HTTPDigestAuth hashes with MD5 in a helper defined inside build_digest_header
        assertThat(harness.run(harness.perspective("security")).findings())
                .filteredOn(f -> "shop/auth.py".equals(f.file()))
                .extracting(f -> f.rule() + " " + f.line() + " " + f.message().split("\\(", 2)[0])
                .containsExactly("weak-hash 6 auth.digest_header");
        // a decorator's wrapper swallows what the decorated function raises
        assertThat(harness.run(harness.perspective("error-handling")).findings())
                .filteredOn(f -> "shop/auth.py".equals(f.file()))
                .extracting(f -> f.rule() + " " + f.line())
                .contains("empty-catch 16");
        // the wrapper's implicit None is the wrapper's, not the decorator's: retrying always returns a function
        assertThat(TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes())
                .filteredOn(m -> m.file().equals("shop/auth.py"))
                .extracting(FailureMode::mode).doesNotContain("null-return");
    }

    @Test
    void aModeAMethodRepeatsIsOneFailureModeOneFindingAndOneTest() throws Exception {
        Path repo = temp.resolve("lookup");
        Files.createDirectories(repo.resolve("shop"));
        Files.writeString(repo.resolve("shop/__init__.py"), "");
        // two `return None` of one function are one way it fails: its id leaves the line out
        Files.writeString(repo.resolve("shop/lookup.py"), """
                def find(items, key):
                    if not items:
                        return None
                    for item in items:
                        if item == key:
                            return item
                    return None
                """);
        // two HTTP calls of one function are two modes one test answers: one recommendation (werkzeug's proxy_to was
        // recommended twice, at lines 159 and 188, with the same test)
        Files.writeString(repo.resolve("shop/sync.py"), """
                import requests


                def push(url, payload):
                    requests.post(url + "/items", json=payload, timeout=5)
                    requests.post(url + "/done", timeout=5)
                """);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("lookup").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("plans"));

        PerspectiveResult failures = harness.run(harness.perspective("failure-modes"));

        List<FailureMode> modes = TestPlanHarness.analysis(failures).failureModes();
        assertThat(modes).extracting(FailureMode::method, FailureMode::mode)
                .containsOnlyOnce(org.assertj.core.groups.Tuple.tuple("find(items, key)", "null-return"));
        // click's row said "119 failure modes" with a failure_modes metric of 109: now they agree, findings too
        assertThat(failures.findings()).hasSize(modes.size());
        assertThat(failures.metrics()).filteredOn(m -> m.name().equals("failure_modes")).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo((double) modes.size()));
        assertThat(failures.summary()).startsWith(modes.size() == 1 ? "1 failure mode in " : modes.size() + " failure modes in ")
                // counts by kind read as the dashboard's groups do, not as a Java map ("{null-return=2}")
                .contains("None-return × 1").doesNotContain("{").doesNotContain("=");
        assertThat(modes).filteredOn(m -> m.method().equals("push(url, payload)")).hasSize(2);
        assertThat(failures.recommendations()).containsExactly("Test shop.sync.push(url, payload) for integration-failure "
                + "first (shop/sync.py:5, 6): test_push_when_http_fails_reports_it");
    }

    @Test
    void aTestHelperNamedLikeATestMakesNoModuleTested() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/cart.py", """
                def total(prices, discount):
                    if discount < 0:
                        raise ValueError("negative discount")
                    return sum(prices) - discount
                """,
                // Python-Markdown's markdown/test_tools.py: a TestCase base for extension authors, no test of its own
                "shop/test_tools.py", """
                import unittest

                from shop import cart


                class TestCase(unittest.TestCase):
                    def assertTotal(self, prices, expected):
                        self.assertEqual(cart.total(prices, 0), expected)
                """));

        // it said "1 of 1 … has tests" while the test pyramid found no test
        assertThat(harness.run(harness.perspective("coverage-strategy")).summary()).startsWith("0 of 1 ");
        assertThat(harness.run(harness.perspective("test-pyramid")).summary()).isEqualTo("No tests found: the pyramid is empty.");
    }

    /**
     * Passlib's tests are unittest cases named like {@code des_crypt_test(HandlerCase)}, inheriting their test methods
     * from a base in its test utilities: pytest collects them all, the pyramid said "no tests". It counts each class
     * of unittest's TestCase whatever its name, with the test methods it inherits from the project's classes; a class
     * of another name that is no TestCase holds none.
     */
    @Test
    void unittestCasesOfAnyNameCountWithTheTestMethodsTheyInherit() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/cart.py", """
                def total(prices, discount):
                    return sum(prices) - discount
                """, "tests/__init__.py", "", "tests/utils.py", """
                from unittest import TestCase as _TestCase


                class TestCase(_TestCase):
                    def assertTotal(self, prices, expected):
                        self.assertEqual(sum(prices), expected)


                class HandlerCase(TestCase):
                    def test_01_total(self):
                        self.assertTotal([1], 1)

                    def test_02_empty(self):
                        self.assertTotal([], 0)
                """, "tests/test_cart.py", """
                from shop import cart
                from tests.utils import HandlerCase


                class cart_test(HandlerCase):
                    def test_discount(self):
                        self.assertEqual(cart.total([2], 1), 1)

                    def test_01_total(self):
                        self.assertTotal([2], 2)


                class helper:
                    def test_nothing(self):
                        pass
                """));

        PerspectiveResult pyramid = harness.run(harness.perspective("test-pyramid"));

        // HandlerCase's own two, and cart_test's three: its two and the one it inherits and does not override
        assertThat(pyramid.metrics()).contains(Metric.of("unit_tests", 5), Metric.of("unit_test_classes", 2));
        assertThat(pyramid.findings()).extracting(Finding::rule).doesNotContain("no-tests");
    }

    @Test
    void twoTestsOfOneTestClassAreNamedApartInTheRowAsInTheSkeleton() throws Exception {
        // click's confirm raises Abort at two places: two specifications, both named test_confirm_throws_abort in
        // the row while the skeleton named the second test_confirm_throws_abort_2
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/prompt.py", """
                class Abort(Exception):
                    pass


                def confirm(answer):
                    if answer is None:
                        raise Abort() from None
                    if answer not in ("y", "n"):
                        raise Abort()
                    return answer == "y"
                """));

        TestPlanAnalysis analysis = TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes")));

        List<String> names = analysis.testSpecifications().stream().filter(s -> s.methodUnderTest().equals("confirm(answer)"))
                .map(TestSpecification::testName).toList();
        assertThat(names).containsExactly("test_confirm_throws_abort", "test_confirm_throws_abort_2");
        assertThat(analysis.skeletons()).singleElement().satisfies(s -> assertThat(s.source())
                .contains("def test_confirm_throws_abort(", "def test_confirm_throws_abort_2(").doesNotContain("_2_2"));
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
