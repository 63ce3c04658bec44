package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.EdgeCase;
import dev.autocoder.workers.testplan.plan.FailureMode;
import dev.autocoder.workers.testplan.plan.IntegrationPoint;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Integration points, edge cases, failure modes and untrusted input on the fixture's planted code (first plan). */
class PlantedFindingsTest {

    @TempDir
    Path temp;
    TestPlanHarness harness;

    @BeforeEach
    void fixture() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));
    }

    @Test
    void integrationPointsAreFoundWithKindPlaceAndCall() throws Exception {
        PerspectiveResult result = harness.run(harness.perspective("integration-points"));
        List<IntegrationPoint> points = TestPlanHarness.analysis(result).integrationPoints();

        assertThat(points.stream().filter(p -> p.file().equals(TestPlanFixture.GATEWAY)))
                .extracting(IntegrationPoint::kind, IntegrationPoint::line, IntegrationPoint::method, IntegrationPoint::call, IntegrationPoint::risk)
                .containsExactly(
                        tuple("http", 21, "fetch(String)", "HttpClient.send", "high"),
                        tuple("database", 25, "store(String)", "DriverManager.getConnection", "high"),
                        tuple("database", 26, "store(String)", "Connection.prepareStatement", "high"),
                        tuple("database", 28, "store(String)", "PreparedStatement.executeUpdate", "high"),
                        tuple("file-system", 33, "load(Path)", "Files.readAllBytes", "medium"),
                        tuple("environment", 37, "home()", "System.getenv", "low"),
                        tuple("clock", 41, "now()", "Instant.now", "low"),
                        tuple("process", 45, "run(String)", "Runtime.exec", "high"));
        assertThat(points.stream().filter(p -> !p.file().equals(TestPlanFixture.GATEWAY)))
                .extracting(IntegrationPoint::file, IntegrationPoint::kind, IntegrationPoint::line, IntegrationPoint::call)
                .containsExactly(tuple(TestPlanFixture.PARSER, "file-system", 20, "new FileInputStream"));
        assertThat(points).allSatisfy(p -> assertThat(p.inScope()).isTrue());
        // one integration test per method and kind: store's three database calls share one
        assertThat(TestPlanHarness.analysis(result).testSpecifications()).extracting(TestSpecification::testName)
                .containsExactly("fetch_http_integration", "store_database_integration", "load_file_system_integration",
                        "home_environment_integration", "now_clock_integration", "run_process_integration",
                        "read_file_system_integration");
        assertThat(result.qualityScore()).isEqualTo(0.0); // neither Gateway nor Parser has a test class
    }

    @Test
    void edgeCasesComeFromTypesAndFromTheConstantsTheBodyComparesAgainst() throws Exception {
        PerspectiveResult result = harness.run(harness.perspective("edge-cases"));
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);

        assertThat(inputs(analysis, "rate(int)", "quantity")).containsExactly("0", "-1", "1", "Integer.MIN_VALUE",
                "Integer.MAX_VALUE", "99", "100", "101", "9", "10", "11");
        assertThat(analysis.edgeCases().stream().filter(e -> e.method().equals("rate(int)")).map(EdgeCase::source))
                .containsExactly("type", "type", "type", "type", "type", "body:6", "body:6", "body:6", "body:9", "body:9", "body:9");
        assertThat(inputs(analysis, "code(String)", "name")).containsExactly("null", "\"\"", "\" \"", "\"a\"",
                "\"\\u00fc\\u65e5\\uD83D\\uDE00\"", "\"x\".repeat(10000)", "\"x\".repeat(7)", "\"x\".repeat(8)", "\"x\".repeat(9)");
        assertThat(inputs(analysis, "total(List)", "amounts")).containsExactly("null", "java.util.List.of()",
                "java.util.Collections.singletonList(1L)", "java.util.Collections.nCopies(10000, 1L)",
                "java.util.List.of(-1L)", "java.util.List.of(0L)", "java.util.List.of(1L)");
        TestSpecification rate = analysis.testSpecifications().stream().filter(s -> s.testName().equals("rate_quantity_edgeCases"))
                .findFirst().orElseThrow();
        assertThat(rate.kind()).isEqualTo("parameterized");
        assertThat(rate.inputs()).hasSize(11);
        assertThat(rate.findingIds()).hasSize(11);
        assertThat(rate.testClass()).isEqualTo("com.shop.pricing.DiscountsEdgeCasesTest");
    }

    @Test
    void failureModesOfEveryPlantedKindWithProbabilityImpactAndTestName() throws Exception {
        PerspectiveResult result = harness.run(harness.perspective("failure-modes"));
        List<FailureMode> modes = TestPlanHarness.analysis(result).failureModes().stream()
                .filter(m -> m.file().equals(TestPlanFixture.PARSER)).toList();

        assertThat(modes).extracting(FailureMode::method, FailureMode::mode, FailureMode::exception, FailureMode::line,
                        FailureMode::probability, FailureMode::impact, FailureMode::testName)
                .containsExactly(
                        tuple("parse(String)", "unchecked-conversion", "NumberFormatException", 9, "high", "high",
                                "parse_whenValueIsMalformed_throwsNumberFormatException"),
                        tuple("find(String)", "null-return", "NullPointerException", 14, "medium", "medium",
                                "find_mayReturnNull_callersHandleIt"),
                        tuple("read(String)", "declared-exception", "IOException", 19, "medium", "high",
                                "read_whenItFails_throwsIOException"),
                        tuple("read(String)", "resource-leak", null, 20, "medium", "high",
                                "read_closesFileInputStream_whenItFails"),
                        // quiet's parseInt is inside try … catch (NumberFormatException): swallowed, not unhandled (issue 13)
                        tuple("quiet(String)", "swallowed-exception", "NumberFormatException", 27, "medium", "high",
                                "quiet_whenNumberFormatException_isNotSwallowed"),
                        tuple("text(Object)", "unchecked-cast", "ClassCastException", 32, "high", "high",
                                "text_whenNotAString_throwsClassCastException"),
                        tuple("check(int)", "thrown-exception", "IllegalArgumentException", 37, "medium", "high",
                                "check_throwsIllegalArgumentException_Negative"));
        assertThat(modes.get(0).evidence()).isEqualTo("line 9: Integer.parseInt(value.trim())");
        assertThat(result.findings().stream().filter(f -> f.file().equals(TestPlanFixture.PARSER)).map(Finding::severity).toList())
                .hasSize(7);
    }

    @Test
    void untrustedInputReachingSensitiveCallsGetsHostileInputTests() throws Exception {
        PerspectiveResult result = harness.run(harness.perspective("security"));

        // load(Path) reads the path its caller gives, which is the caller's to check (FalsePositivesTest)
        assertThat(result.findings()).extracting(Finding::rule, Finding::file, Finding::line).containsExactly(
                tuple("untrusted-input-to-command", TestPlanFixture.GATEWAY, 45));
        assertThat(TestPlanHarness.analysis(result).notes())
                .contains("No ok security row in the analysis dataset autocoder-analysis-results yet: only the untrusted-input check ran.");
        TestSpecification command = TestPlanHarness.analysis(result).testSpecifications().stream()
                .filter(s -> s.methodUnderTest().equals("run(String)")).findFirst().orElseThrow();
        assertThat(command.kind()).isEqualTo("parameterized");
        assertThat(command.inputs()).containsExactly("\"; rm -rf /\"", "\"$(id)\"", "\"a && reboot\"");
    }

    /** Java code is counted in Java's words: methods and classes (a Python repository's rows say functions and modules). */
    @Test
    void javaRowsCountMethodsAndClasses() throws Exception {
        assertThat(harness.run(harness.perspective("coverage-strategy")).summary())
                .isEqualTo("1 of 4 main classes with methods has tests across 3 packages; 0 untested methods of complexity 5 or more.");
        PerspectiveResult scope = harness.run(harness.perspective("what-are-we-testing"));
        assertThat(scope.summary()).startsWith("First plan: the whole codebase is in scope, 4 main Java files with 19 methods;");
        assertThat(scope.recommendations()).containsExactly("Add tests for the 3 in-scope classes without a test class.");
        assertThat(harness.run(harness.perspective("edge-cases")).recommendations())
                .containsExactly("Write the parameterized edge-case tests for the 13 methods whose classes have no tests yet.");
        assertThat(harness.run(harness.perspective("performance-impact")).summary()).isEqualTo("19 methods in scope: "
                + "2 loops over collections, 1 method with nested loops, 0 I/O calls inside loops, 0 complexity increases.");
        // Gateway.load(Path) and Parser.read(String) open the file their caller names: a test passes one in a temporary folder
        assertThat(harness.run(harness.perspective("mocking-strategy")).summary()).startsWith("2 classes talk to 9 external "
                + "collaborators (6 hard-wired); 2 classes can be tested with real objects;");
        assertThat(harness.run(harness.perspective("data-integrity")).summary())
                .isEqualTo("1 method writes persistent state (database × 1); 0 integrity risks.");
        assertThat(harness.run(harness.perspective("test-pyramid")).summary()).startsWith("2 test methods in 1 class: ");
    }

    /**
     * A hard-wired collaborator is one a test cannot reach without changing the code. A file the caller names (a
     * parameter, a field it was given, a local made from them) is one in the test's temporary folder, a new
     * temporary file is the test's own, {@code main} is where the environment becomes configuration, a {@code @Bean}
     * method or a constructor's {@code this(root, Clock.systemUTC())} is where a collaborator is made to be
     * injected, {@code os.arch}
     * is the platform's, a method given a timeout measures what is left of it, and a nanoTime read only to measure
     * how long something took decides nothing: none is reported; a location
     * written in the code, the environment read anywhere else and the clock are. This repository's own plan listed 204, nine in ten of the
     * {@code Files} calls on a path its caller gave, and {@code main} reading {@code System.getenv}.
     */
    @Test
    void onlyCollaboratorsATestCannotPointElsewhereAreHardWired() throws Exception {
        TestPlanHarness store = TestPlanHarness.onCommit(temp.resolve("wired"), Map.of("src/main/java/com/shop/Store.java", """
                package com.shop;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.time.Clock;
                import java.time.Instant;
                import java.util.concurrent.CountDownLatch;
                import org.springframework.context.annotation.Bean;
                import java.util.concurrent.TimeUnit;

                public class Store {
                    private static final Path DEFAULTS = Path.of("/etc/shop");
                    private final Path root;
                    private final Clock clock;

                    public Store(Path root) {
                        this(root, Clock.systemUTC());
                    }

                    Store(Path root, Clock clock) {
                        this.root = root;
                        this.clock = clock;
                    }

                    public static void main(String[] args) {
                        System.out.println(new Store(Path.of(System.getenv("SHOP_HOME"))).ready());
                    }

                    public boolean ready() {
                        return Files.isDirectory(root);
                    }

                    public String read(Path file) throws IOException {
                        return Files.readString(file);
                    }

                    public boolean has(String name) {
                        Path file = root.resolve(name);
                        return Files.exists(file);
                    }

                    public boolean installed(String name) {
                        return Files.exists(Path.of("/etc/" + name));
                    }

                    public boolean hasDefaults() {
                        return Files.exists(DEFAULTS);
                    }

                    public Path scratch() throws IOException {
                        return Files.createTempFile("shop", ".tmp");
                    }

                    public String user() {
                        return System.getenv("USER");
                    }

                    @Bean
                    static Clock clock() {
                        return Clock.systemUTC();
                    }

                    public String arch() {
                        return System.getProperty("os.arch");
                    }

                    public boolean await(CountDownLatch done, long timeout, TimeUnit unit) throws InterruptedException {
                        long end = System.nanoTime() + unit.toNanos(timeout);
                        return done.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    }

                    public Instant now() {
                        return Instant.now();
                    }

                    public String timed(Path file) throws IOException {
                        long start = System.nanoTime();
                        String text = Files.readString(file);
                        System.out.println("read in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                        return text;
                    }

                    public boolean stale(long readAt) {
                        return System.nanoTime() - readAt > 60_000_000_000L;
                    }
                }
                """));
        PerspectiveResult result = store.run(store.perspective("mocking-strategy"));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("hard-wired-collaborator")).extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "Store.installed(String) calls Files.exists (file-system) on a location fixed in the code: a "
                                + "test cannot point it at its own folder; pass the path in; real: a temporary folder (@TempDir)",
                        "Store.hasDefaults() calls Files.exists (file-system) on a location fixed in the code: a test "
                                + "cannot point it at its own folder; pass the path in; real: a temporary folder (@TempDir)",
                        "Store.user() calls System.getenv (environment) on something it creates or reaches statically: "
                                + "a test cannot replace it; stub: pass the value in as configuration",
                        "Store.now() calls Instant.now (clock) on something it creates or reaches statically: a test "
                                + "cannot replace it; stub: inject java.time.Clock, use Clock.fixed",
                        // a clock read to decide is hard-wired; one read only to measure how long something took is not
                        "Store.stale(long) calls System.nanoTime (clock) on something it creates or reaches statically: "
                                + "a test cannot replace it; stub: inject java.time.Clock, use Clock.fixed");
        assertThat(result.summary()).startsWith("1 class talks to 18 external collaborators (5 hard-wired);");
        // 13 of 18: ready, read, has, scratch, main's environment, the clock bean and the constructor's default clock,
        // the JVM's os.arch, await's two clocks, timed's file and its two clocks
        assertThat(result.qualityScore()).isEqualTo(0.7222);
        assertThat(result.recommendations())
                .containsExactly("Inject the 5 hard-wired collaborators through the constructor: file-system 2, clock 2, environment 1.");
    }

    /** The same in Python: only a location written in the code (or the working directory) is reported. */
    @Test
    void pythonFileCallsAreHardWiredOnlyOnALocationFixedInTheCode() throws Exception {
        TestPlanHarness store = TestPlanHarness.onCommit(temp.resolve("python"), Map.of("shop/store.py", """
                import os
                import tempfile
                from pathlib import Path


                class Store:
                    def __init__(self, root):
                        self.root = root

                    def read(self, name):
                        with open(os.path.join(self.root, name)) as f:
                            return f.read()

                    def load(self, path):
                        with open(path) as f:
                            return f.read()

                    def defaults(self):
                        with open("/etc/shop.cfg") as f:
                            return f.read()

                    def here(self):
                        return os.listdir()

                    def setup(self):
                        return Path("setup.cfg").read_text()

                    def scratch(self):
                        return tempfile.mkstemp()
                """));
        PerspectiveResult result = store.run(store.perspective("mocking-strategy"));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("hard-wired-collaborator"))
                .extracting(f -> f.message().substring(0, f.message().indexOf(':')))
                .containsExactlyInAnyOrder("Store.defaults() calls open (file-system) on a location fixed in the code",
                        "Store.here() calls os.listdir (file-system) on a location fixed in the code",
                        "Store.setup() calls Path.read_text (file-system) on a location fixed in the code");
    }

    private static List<String> inputs(TestPlanAnalysis analysis, String method, String parameter) {
        return analysis.edgeCases().stream().filter(e -> e.method().equals(method) && e.parameter().equals(parameter))
                .map(EdgeCase::input).toList();
    }
}
