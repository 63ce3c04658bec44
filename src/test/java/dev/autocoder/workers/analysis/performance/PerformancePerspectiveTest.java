package dev.autocoder.workers.analysis.performance;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdFixtures;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class PerformancePerspectiveTest {

    static final String MATRIX = """
            package com.acme.shop;

            class Matrix {
                long multiplyCount(int n) {
                    long count = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int k = 0; k < n; k++) {
                                count++;
                            }
                        }
                    }
                    return count;
                }

                long total(java.util.List<java.util.List<int[]>> planes) {
                    long total = 0;
                    for (java.util.List<int[]> plane : planes) {
                        for (int[] row : plane) {
                            for (int cell : row) {
                                total += cell;
                            }
                        }
                    }
                    return total;
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void stringConcatenationInALoopAndThreadingIssuesAreFound() {
        PmdFixtures.writeShop(root);
        TestSnapshots.write(root, "src/main/java/com/acme/shop/Matrix.java", MATRIX);
        PerspectiveResult result = new PerformancePerspective(new PmdEngine(PmdRulesets.curated(), 2))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.findings()).extracting(Finding::rule, Finding::category, Finding::file, Finding::line)
                .containsExactlyInAnyOrder(
                        tuple("UseStringBufferForStringAppends", "Performance", PmdFixtures.ORDER_SERVICE,
                                PmdFixtures.STRING_APPEND_LINE),
                        tuple("InefficientStringBuffering", "Performance", PmdFixtures.REGISTRY, 24),
                        tuple("UseConcurrentHashMap", "Multithreading", PmdFixtures.REGISTRY, 8),
                        tuple("NonThreadSafeSingleton", "Multithreading", PmdFixtures.REGISTRY, 11),
                        tuple("AvoidSynchronizedAtMethodLevel", "Multithreading", PmdFixtures.REGISTRY, 17),
                        tuple("nested-loops", "Performance", "src/main/java/com/acme/shop/Matrix.java", 4));
        Finding loops = result.findings().stream().filter(f -> f.rule().equals("nested-loops")).findFirst().orElseThrow();
        assertThat(loops.severity()).isEqualTo(Severity.LOW);
        assertThat(loops.endLine()).isEqualTo(14);
        assertThat(loops.message()).startsWith("Loops nested 3 deep in com.acme.shop.Matrix#multiplyCount(int)");

        Map<String, Double> metrics = result.metrics().stream().collect(Collectors.toMap(Metric::name, Metric::value));
        assertThat(metrics).containsEntry("pmd_violations", 5.0)
                .containsEntry("pmd.UseStringBufferForStringAppends", 1.0)
                .containsEntry("performance_violations", 2.0)
                .containsEntry("multithreading_violations", 3.0)
                // total(..) walks each plane's rows and each row's cells: three deep, but the work grows with the cells
                .containsEntry("methods_with_nested_loops", 2.0)
                .containsEntry("methods_with_deep_loops", 1.0)
                .containsEntry("max_loop_depth", 3.0)
                .containsEntry("cyclomatic_max", 21.0)
                .containsEntry("unparseable_files", 1.0)
                .containsEntry("skipped_java_files", 1.0);
        assertThat(metrics).doesNotContainKey("pmd.EmptyCatchBlock");

        double density = SeverityWeights.weighted(result.findings()) * 1000 / Math.max(1000, metrics.get("java_lines"));
        assertThat(result.qualityScore()).isCloseTo(1 / (1 + density / 5), within(1e-9));
        assertThat(result.recommendations()).contains("Check the 3-deep loops of com.acme.shop.Matrix#multiplyCount(int)"
                + " (src/main/java/com/acme/shop/Matrix.java:4): an index (map or set) lookup often replaces an inner loop.");
    }

    @Test
    void sharesTheCachedPassWithOtherPerspectives() {
        PmdFixtures.writeShop(root);
        PmdEngine engine = new PmdEngine(PmdRulesets.curated(), 2);
        engine.analyze(TestSnapshots.of(root));

        PerspectiveResult result = new PerformancePerspective(engine).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.metrics()).contains(Metric.of("files_analyzed", 0), Metric.of("files_from_cache", 5));
    }

    @Test
    void unparseableAndBinaryFilesAloneDoNotBreakIt() {
        TestSnapshots.write(root, PmdFixtures.BROKEN, "class Broken { void m( }");
        TestSnapshots.writeBytes(root, PmdFixtures.BINARY, new byte[]{0, 1, 2, 3});
        PerspectiveResult result = new PerformancePerspective(new PmdEngine(PmdRulesets.curated(), 1))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.findings()).isEmpty();
        assertThat(result.qualityScore()).isEqualTo(1.0);
        assertThat(result.summary()).endsWith("; not checked because PMD cannot parse them: 1 file.");
    }

    @Test
    void withoutJavaFilesItIsSkippedWithAReason() {
        TestSnapshots.write(root, "index.js", "console.log('hi');\n");
        PerformancePerspective perspective = new PerformancePerspective(new PmdEngine(PmdRulesets.curated(), 1));
        PerspectiveResult result = perspective.analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).startsWith("No Java files in the snapshot");
        assertThat(result.metrics()).containsExactly(Metric.of("java_files", 0));
        assertThat(List.of(perspective.id(), perspective.name(), perspective.worker()))
                .containsExactly("performance", "Performance Analysis", "analysis");
    }
}
