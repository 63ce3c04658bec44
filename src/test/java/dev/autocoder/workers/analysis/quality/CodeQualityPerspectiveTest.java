package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
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
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CodeQualityPerspectiveTest {

    @TempDir
    Path root;

    private CodeQualityPerspective perspective() {
        return new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 2), new CpdRunner(100));
    }

    @Test
    void plantedProblemsBecomeFindingsAtTheirExactPlaces() {
        PmdFixtures.writeShop(root);
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.OK);
        Finding emptyCatch = only(result, "EmptyCatchBlock");
        assertThat(emptyCatch.file()).isEqualTo(PmdFixtures.ORDER_SERVICE);
        assertThat(emptyCatch.line()).isEqualTo(PmdFixtures.EMPTY_CATCH_LINE);
        assertThat(emptyCatch.endLine()).isEqualTo(PmdFixtures.EMPTY_CATCH_LINE + 1);
        assertThat(emptyCatch.category()).isEqualTo("Error Prone");
        assertThat(emptyCatch.severity()).isEqualTo(Severity.MEDIUM);

        Finding complex = only(result, "complex-method");
        assertThat(complex.file()).isEqualTo(PmdFixtures.PRICING);
        assertThat(complex.line()).isEqualTo(4);
        assertThat(complex.endLine()).isEqualTo(28);
        assertThat(complex.message()).isEqualTo("com.acme.shop.Pricing#rate(String) has cyclomatic complexity 21 (limit 20); "
                + "also: cognitive complexity 20 (CognitiveComplexity)");

        Finding duplicate = only(result, "duplicate-code");
        assertThat(duplicate.file()).isEqualTo("src/main/java/p/A.java");
        assertThat(duplicate.line()).isEqualTo(5);
        assertThat(duplicate.endLine()).isEqualTo(44);
        assertThat(duplicate.message()).isEqualTo("40 duplicated lines (180 tokens), also at src/main/java/p/B.java:5-44");

        Finding parseError = only(result, "parse-error");
        assertThat(parseError.file()).isEqualTo(PmdFixtures.BROKEN);
        assertThat(parseError.severity()).isEqualTo(Severity.LOW);

        // Performance rules belong to the performance perspective.
        assertThat(result.findings()).noneMatch(f -> f.rule().equals("UseStringBufferForStringAppends"));
        assertThat(result.findings()).noneMatch(f -> f.category().equals("Performance") || f.category().equals("Multithreading"));
    }

    @Test
    void metricsCountWhatWasFound() {
        PmdFixtures.writeShop(root);
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));
        Map<String, Double> metrics = result.metrics().stream().collect(Collectors.toMap(Metric::name, Metric::value));

        // Seven Java text files plus the binary one; Pricing has 29 lines, A and B 46 each.
        assertThat(metrics).containsEntry("java_files", 8.0)
                .containsEntry("files_analyzed", 7.0)
                .containsEntry("files_from_cache", 0.0)
                .containsEntry("unparseable_files", 1.0)
                .containsEntry("skipped_java_files", 1.0)
                .containsEntry("pmd.EmptyCatchBlock", 1.0)
                .containsEntry("pmd.UnusedPrivateField", 1.0)
                .containsEntry("pmd.UnusedLocalVariable", 1.0)
                .containsEntry("duplicated_lines", 80.0)
                .containsEntry("duplicate_blocks", 1.0)
                .containsEntry("methods", 17.0)
                .containsEntry("cyclomatic_max", 21.0)
                .containsEntry("methods_over_10", 1.0)
                .containsEntry("cyclomatic_20_49", 1.0)
                .containsEntry("cyclomatic_50_plus", 0.0)
                .containsEntry("complex_methods", 1.0)
                .containsEntry("oversized_methods", 0.0);
        double ruleSum = metrics.entrySet().stream().filter(e -> e.getKey().startsWith("pmd."))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(metrics.get("pmd_violations")).isEqualTo(ruleSum);
        assertThat(metrics.get("cyclomatic_1_4") + metrics.get("cyclomatic_5_9") + metrics.get("cyclomatic_10_19")
                + metrics.get("cyclomatic_20_49") + metrics.get("cyclomatic_50_plus")).isEqualTo(17.0);
        assertThat(metrics.get("duplicated_lines_percent"))
                .isEqualTo(Math.round(100.0 * 80 / metrics.get("cpd_lines") * 100) / 100.0);
    }

    @Test
    void qualityScoreFollowsTheDocumentedFormula() {
        PmdFixtures.writeShop(root);
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        var snapshot = TestSnapshots.of(root);
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(snapshot));
        List<Finding> notDuplicates = Finding.inScopes(result.findings(), snapshot::scopeOf).stream()
                .filter(f -> !f.rule().equals("duplicate-code")).toList();
        List<Finding> scored = notDuplicates.stream()
                .filter(f -> f.scope() == dev.autocoder.workers.repository.Scope.MAIN).toList();
        assertThat(scored).as("the fixture has findings outside main code, which the score leaves out")
                .hasSizeLessThan(notDuplicates.size());
        double density = SeverityWeights.weighted(scored) * 1000 / Math.max(1000, metric(result, "main_java_lines").orElseThrow());
        double duplication = 100.0 * metric(result, "duplicated_lines").orElseThrow() / metric(result, "cpd_lines").orElseThrow();
        assertThat(result.qualityScore()).isCloseTo(1 / (1 + density / 10) * (1 - Math.min(duplication, 50) / 100),
                within(1e-9));
        assertThat(result.qualityScore()).isBetween(0.0, 1.0);
    }

    @Test
    void recommendationsComeFromTheFindings() {
        PmdFixtures.writeShop(root);
        PmdFixtures.writeTwoFilesSharingTheBlock(root);
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.recommendations().get(0)).startsWith("Fix the Java file PMD cannot parse, "
                + PmdFixtures.BROKEN);
        assertThat(result.recommendations()).contains(
                "Split com.acme.shop.Pricing#rate(String) (" + PmdFixtures.PRICING
                        + ":4, cyclomatic complexity 21) into smaller methods.",
                "Extract the 40 duplicated lines at src/main/java/p/A.java:5-44 and src/main/java/p/B.java:5-44"
                        + " into one shared method or class.");
    }

    @Test
    void oversizedCodeIsReported() {
        StringBuilder longMethod = new StringBuilder("package big;\n\npublic class Big {\n    int sum() {\n        int s = 0;\n");
        for (int i = 0; i < 600; i++) {
            longMethod.append("        s += ").append(i).append(";\n");
        }
        longMethod.append("        return s;\n    }\n}\n");
        TestSnapshots.write(root, "src/main/java/big/Big.java", longMethod.toString());
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        // 5 header lines + 600 additions + return, closing braces: the method runs from line 4 to 607.
        assertThat(only(result, "oversized-method").line()).isEqualTo(4);
        assertThat(only(result, "oversized-method").endLine()).isEqualTo(607);
        assertThat(only(result, "oversized-class").line()).isEqualTo(3);
        assertThat(result.findings()).noneMatch(f -> f.rule().equals("oversized-file"));
        assertThat(metric(result, "oversized_classes")).hasValue(1);
    }

    @Test
    void unparseableAndBinaryFilesAloneDoNotBreakIt() {
        TestSnapshots.write(root, PmdFixtures.BROKEN, "class Broken {");
        TestSnapshots.writeBytes(root, PmdFixtures.BINARY, new byte[]{0, 1, 2, 3});
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.findings()).extracting(Finding::rule).containsExactly("parse-error");
        assertThat(metric(result, "unparseable_files")).hasValue(1);
        assertThat(metric(result, "skipped_java_files")).hasValue(1);
        assertThat(metric(result, "methods")).hasValue(0);
    }

    @Test
    void withNothingCpdReadsItIsSkippedWithAReason() {
        TestSnapshots.write(root, "README.md", "# hi\n");
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).startsWith("No Java files and no file in a language CPD reads");
        assertThat(result.qualityScore()).isNull();
        assertThat(metric(result, "java_files")).hasValue(0);
    }

    @Test
    void aRepositoryWithoutJavaStillGetsDuplicationFromCpd() {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            block.append("    total = total + values[").append(i).append("] * weights[").append(i).append("]\n");
        }
        TestSnapshots.write(root, "a.py", "def score_a(values, weights):\n    total = 0\n" + block + "    return total\n");
        TestSnapshots.write(root, "b.py", "def score_b(values, weights):\n    total = 0\n" + block + "    return total\n");
        PerspectiveResult result = perspective().analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).startsWith("no Java files");
        assertThat(result.findings()).extracting(f -> f.rule() + " " + f.file()).containsExactly("duplicate-code a.py");
        assertThat(metric(result, "duplicate_blocks")).hasValue(1);
        assertThat(metric(result, "java_files")).hasValue(0);
        assertThat(result.recommendations()).singleElement().asString().contains("a.py:1-33", "b.py:1-33");
    }

    @Test
    void identifiesItself() {
        CodeQualityPerspective perspective = perspective();
        assertThat(List.of(perspective.id(), perspective.name(), perspective.worker()))
                .containsExactly("code-quality", "Code Quality Analysis", "analysis");
    }

    private static Finding only(PerspectiveResult result, String rule) {
        List<Finding> matching = result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(matching).as("findings of rule %s", rule).hasSize(1);
        return matching.get(0);
    }

    private static OptionalDouble metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).findFirst();
    }
}
