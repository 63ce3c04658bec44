package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.TestSkeleton;
import dev.autocoder.workers.bench.SkeletonCompileRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated JUnit 5 skeletons are written to the output folder and compile against the fixture project, and
 * against a sample of classes of the benchmark corpora ({@code target/corpora/small} and {@code medium}, from
 * {@code ../shared/bench/corpora.sh}; skipped when they are not downloaded, as in CI).
 */
class SkeletonCompilationTest {

    /** Skeleton files checked per corpus: every k-th by path, so the test stays short on a large corpus. */
    private static final int CORPUS_SAMPLE = 60;

    @ParameterizedTest(name = "corpus {0}")
    @ValueSource(strings = {"small", "medium"})
    void generatedSkeletonsCompileAgainstACorpusSample(String corpus) throws Exception {
        Path root = Path.of(System.getProperty("autocoder.corpora", "target/corpora"), corpus);
        assumeTrue(Files.isRegularFile(root.resolve("CORPUS")), "corpus " + corpus + " is not downloaded (run "
                + "../shared/bench/corpora.sh target/corpora): skipped");

        SkeletonCompileRate.Rate rate = SkeletonCompileRate.measure(root.toAbsolutePath(), temp.resolve(corpus), CORPUS_SAMPLE, "");

        assertThat(rate.files()).isGreaterThan(10);
        assertThat(rate.errors()).isEmpty();
        assertThat(rate.share()).isEqualTo(1.0);
    }

    @TempDir
    Path temp;

    @Test
    void generatedSkeletonsCompileAgainstTheFixtureWithJunit5() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"), false);
        Path out = temp.resolve("plans");
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), out);
        List<TestPlanningPerspective> perspectives = List.of(harness.perspective("failure-modes"),
                harness.perspective("integration-points"), harness.perspective("edge-cases"),
                harness.perspective("performance-impact"), harness.perspective("data-integrity"),
                harness.perspective("error-handling"), harness.perspective("security"),
                harness.perspective("mocking-strategy"));
        List<TestSkeleton> skeletons = new ArrayList<>();
        for (TestPlanningPerspective perspective : perspectives) {
            skeletons.addAll(TestPlanHarness.analysis(harness.run(perspective)).skeletons());
        }
        TestPlanningPerspective compatibility = harness.perspective("backwards-compatibility");
        harness.plannedAt(compatibility.id(), fixture.first());
        skeletons.addAll(TestPlanHarness.analysis(harness.run(compatibility)).skeletons());

        Path edgeCases = out.resolve("edge-cases/com/shop/pricing/DiscountsEdgeCasesTest.java");
        assertThat(edgeCases).exists();
        String source = Files.readString(edgeCases);
        assertThat(source).contains("@ParameterizedTest(name = \"{index}: {0}\")")
                .contains("@MethodSource(\"rate_quantity_edgeCasesInputs\")")
                .contains("void rate_quantity_edgeCases(int input) {")
                .contains("Arguments.of((Object) (Integer.MIN_VALUE))")
                .contains("Arguments.of((Object) (101))");
        assertThat(out.resolve("failure-modes/com/shop/pricing/ParserFailureModesTest.java")).exists();
        assertThat(out.resolve("backwards-compatibility/com/shop/api/OrderApiBackwardsCompatibilityTest.java")).exists();

        List<Path> sources = new ArrayList<>();
        try (Stream<Path> main = Files.walk(fixture.root().resolve("src/main/java"));
             Stream<Path> plans = Files.walk(out)) {
            main.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            plans.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        long skeletonFiles = sources.stream().filter(p -> p.startsWith(out)).count();
        assertThat(skeletonFiles).isEqualTo(skeletons.size()).isGreaterThanOrEqualTo(15);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            Path classes = Files.createDirectories(temp.resolve("classes"));
            List<String> options = List.of("-d", classes.toString(), "-classpath", junitClasspath(), "-proc:none", "--release", "17");
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(null))
                    .collect(Collectors.joining("\n"));
            assertThat(errors).isEmpty();
            assertThat(ok).isTrue();
            assertThat(classes.resolve("com/shop/pricing/DiscountsEdgeCasesTest.class")).exists();
        }
    }

    /**
     * A parameter whose type is a nested generic type of a generic class ({@code Registry.Rules<V>}): the class's
     * type variable is not visible in the test, so the skeleton's parameter is the raw nested type.
     */
    @Test
    void aNestedGenericParameterOfAGenericClassCompiles() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, java.util.Map.of("src/main/java/com/acme/Registry.java", """
                package com.acme;

                import java.util.function.Function;

                public class Registry<V> {
                    public record Rules<V>(Function<V, String> name) {
                    }

                    private final Rules<V> rules;

                    public Registry(Rules<V> rules, int capacity) {
                        if (capacity < 0) {
                            throw new IllegalArgumentException("capacity");
                        }
                        this.rules = rules;
                    }

                    public String nameOf(V value) {
                        return rules.name().apply(value);
                    }
                }
                """));
        harness.run(harness.perspective("edge-cases"));

        Path skeleton = temp.resolve("plans/edge-cases/com/acme/RegistryEdgeCasesTest.java");
        assertThat(Files.readString(skeleton)).contains("(Registry.Rules input) {");
        List<Path> sources = List.of(temp.resolve("repo/src/main/java/com/acme/Registry.java"), skeleton);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            Path classes = Files.createDirectories(temp.resolve("classes"));
            List<String> options = List.of("-d", classes.toString(), "-classpath", junitClasspath(), "-proc:none", "--release", "17");
            compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getLineNumber() + " " + d.getMessage(null))).isEmpty();
        }
    }

    /** The JUnit 5 API jars this test itself runs with. */
    private static String junitClasspath() throws URISyntaxException {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(org.junit.jupiter.api.Test.class, org.junit.jupiter.params.ParameterizedTest.class,
                org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class,
                org.junit.platform.commons.annotation.Testable.class)) {
            jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }
}
