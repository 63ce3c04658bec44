package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.autocoder.workers.analysis.coverage.Fixtures.file;
import static dev.autocoder.workers.analysis.coverage.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The static test-mapping method on a planted tree: FooTest, BarIT, TestBaz, untested classes, an interface. */
class TestCoveragePerspectiveMappingTest {

    private static final String MAIN = "src/main/java/com/acme/";

    @TempDir
    Path root;

    @BeforeEach
    void tree() {
        Fixtures.writeLines(root, MAIN + "Foo.java", "package com.acme;", 30);
        Fixtures.writeLines(root, MAIN + "Bar.java", "package com.acme;", 20);
        Fixtures.writeLines(root, MAIN + "Baz.java", "package com.acme;", 15);
        Fixtures.writeLines(root, MAIN + "Qux.java", "package com.acme;", 40);
        Fixtures.writeLines(root, MAIN + "Ledger.java", "package com.acme;", 25);
        Fixtures.writeLines(root, MAIN + "Shape.java", "package com.acme;", 8);
        Fixtures.writeLines(root, MAIN + "Audited.java", "package com.acme;", 6);
        Fixtures.writeLines(root, MAIN + "internal/Helper.java", "package com.acme.internal;", 10);
        Fixtures.writeLines(root, "src/test/java/com/acme/FooTest.java", "package com.acme;", 25);
        Fixtures.writeLines(root, "src/it/java/com/acme/BarIT.java", "package com.acme;", 18);
        Fixtures.writeLines(root, "src/test/java/com/acme/TestBaz.java", "package com.acme;", 12);
        Fixtures.writeLines(root, "src/test/java/com/acme/support/Fixtures.java", "package com.acme.support;", 22);
        Fixtures.write(root, "README.md", "# acme\n");
    }

    private static JavaModelProvider model() {
        return snapshot -> new JavaModel(snapshot.key(), List.of(
                file(MAIN + "Audited.java", "com.acme", type("com.acme.Audited", "annotation", true, false, 3, 6)),
                file(MAIN + "Bar.java", "com.acme", type("com.acme.Bar", "class", true, false, 3, 20, 2)),
                file(MAIN + "Baz.java", "com.acme", type("com.acme.Baz", "class", true, false, 3, 15, 1)),
                file(MAIN + "Foo.java", "com.acme", type("com.acme.Foo", "class", true, false, 3, 30, 3, 4)),
                file(MAIN + "Ledger.java", "com.acme", type("com.acme.Ledger", "record", true, false, 3, 25, 2, 3)),
                file(MAIN + "Qux.java", "com.acme",
                        type("com.acme.Qux", "class", true, false, 3, 40, 6, 8),
                        type("com.acme.Qux.Node", "class", false, false, 30, 38, 2)),
                file(MAIN + "Shape.java", "com.acme", type("com.acme.Shape", "interface", true, false, 3, 8)),
                file(MAIN + "internal/Helper.java", "com.acme.internal",
                        type("com.acme.internal.Helper", "class", false, false, 3, 10, 2)),
                file("src/it/java/com/acme/BarIT.java", "com.acme", type("com.acme.BarIT", "class", true, true, 3, 18, 1)),
                file("src/test/java/com/acme/FooTest.java", "com.acme",
                        type("com.acme.FooTest", "class", false, true, 3, 25, 1, 1)),
                file("src/test/java/com/acme/TestBaz.java", "com.acme",
                        type("com.acme.TestBaz", "class", false, true, 3, 12, 1)),
                file("src/test/java/com/acme/support/Fixtures.java", "com.acme.support",
                        type("com.acme.support.Fixtures", "class", false, false, 3, 22, 1))));
    }

    private PerspectiveResult analyze(JavaModelProvider model, ChurnProvider churn, boolean gitHistory) {
        return new TestCoveragePerspective(model, churn, new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, gitHistory)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void mapsTestsByNameAndRanksUntestedClassesByComplexityTimesChurn() {
        ChurnProvider churn = snapshot -> Optional.of(List.of(
                new FileChurn(MAIN + "Qux.java", 1, 30, 2),
                new FileChurn(MAIN + "Ledger.java", 4, 12, 9),
                new FileChurn(MAIN + "Foo.java", 3, 5, 5)));

        PerspectiveResult result = analyze(model(), churn, true);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).isNull();
        assertThat(result.details()).containsEntry("method", "test-mapping").containsEntry("churn", "available");
        assertThat(listOfMaps(result.details().get("mapping")))
                .extracting(m -> m.get("class"), m -> m.get("file"), m -> m.get("tests"))
                .containsExactly(
                        tuple("com.acme.Bar", MAIN + "Bar.java", List.of("com.acme.BarIT")),
                        tuple("com.acme.Baz", MAIN + "Baz.java", List.of("com.acme.TestBaz")),
                        tuple("com.acme.Foo", MAIN + "Foo.java", List.of("com.acme.FooTest")),
                        tuple("com.acme.Ledger", MAIN + "Ledger.java", List.of()),
                        tuple("com.acme.Qux", MAIN + "Qux.java", List.of()),
                        tuple("com.acme.internal.Helper", MAIN + "internal/Helper.java", List.of()));
        // Test lines 25 + 18 + 12 + 22 = 77; main lines 30 + 20 + 15 + 40 + 25 + 8 + 6 + 10 = 154.
        assertThat(result.metrics()).containsExactly(
                Metric.of("coverage_reports", 0),
                Metric.of("coverage_reports_ignored", 0),
                Metric.of("coverage_reports_unreadable", 0),
                Metric.of("classes_total", 6),
                Metric.of("classes_tested", 3),
                Metric.of("public_classes", 5),
                Metric.of("untested_public_classes", 2),
                Metric.of("test_classes", 4),
                Metric.of("test_lines", 77),
                Metric.of("main_lines", 154),
                Metric.of("test_to_source_line_ratio", 0.5),
                Metric.of("java_files_unparseable", 0));
        assertThat(result.qualityScore()).isEqualTo(0.6);
        // Ledger: complexity 5 x 4 commits = 20 beats Qux: (6 + 8 + nested Node 2) x 1 commit = 16.
        assertThat(listOfMaps(result.details().get("untested_public_classes")))
                .extracting(u -> u.get("class"), u -> u.get("complexity"), u -> u.get("commits"), u -> u.get("score"))
                .containsExactly(tuple("com.acme.Ledger", 5, 4, 20L), tuple("com.acme.Qux", 16, 1, 16L));
        assertThat(result.findings())
                .extracting(Finding::rule, Finding::category, Finding::severity, Finding::file, Finding::line,
                        Finding::endLine, Finding::message)
                .containsExactly(
                        tuple("untested-class", "test-coverage", Severity.LOW, MAIN + "Ledger.java", 3, 25,
                                "public record com.acme.Ledger (complexity 5, 4 commits in window) has no test class"
                                        + " (looked for LedgerTest, LedgerTests, LedgerIT, TestLedger)"),
                        tuple("untested-class", "test-coverage", Severity.MEDIUM, MAIN + "Qux.java", 3, 40,
                                "public class com.acme.Qux (complexity 16, 1 commit in window) has no test class"
                                        + " (looked for QuxTest, QuxTests, QuxIT, TestQux)"));
        assertThat(result.summary()).isEqualTo("No readable coverage report, so test classes were matched to classes"
                + " by name (test-mapping): 3 of 6 classes have a test class (3 of 5 public), 4 test classes,"
                + " test-to-source line ratio 0.50. 2 public classes have no test class; first by complexity x churn:"
                + " com.acme.Ledger (complexity 5, 4 commits in window).");
        assertThat(result.recommendations()).first()
                .isEqualTo("Add a test class LedgerTest for com.acme.Ledger (complexity 5, 4 commits in window).");
    }

    @Test
    void withoutGitHistoryRanksByComplexityAloneAndSaysSo() {
        PerspectiveResult result = analyze(model(), snapshot -> Optional.empty(), false);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason())
                .isEqualTo("Churn unavailable (no git history): untested classes are ranked by complexity alone.");
        assertThat(result.details()).containsEntry("churn", "unavailable: no git history");
        assertThat(listOfMaps(result.details().get("untested_public_classes")))
                .extracting(u -> u.get("class"), u -> u.get("complexity"), u -> u.get("commits"), u -> u.get("score"))
                .containsExactly(tuple("com.acme.Qux", 16, null, 16L), tuple("com.acme.Ledger", 5, null, 5L));
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "public class com.acme.Qux (complexity 16, churn unavailable) has no test class"
                        + " (looked for QuxTest, QuxTests, QuxIT, TestQux)",
                "public record com.acme.Ledger (complexity 5, churn unavailable) has no test class"
                        + " (looked for LedgerTest, LedgerTests, LedgerIT, TestLedger)");
        assertThat(result.summary()).endsWith("2 public classes have no test class; first by complexity:"
                + " com.acme.Qux (complexity 16, churn unavailable). Churn unavailable (no git history):"
                + " untested classes are ranked by complexity alone.");
        assertThat(result.qualityScore()).isEqualTo(0.6);
    }

    /**
     * Without a single test class the repository gets one finding that says so and where to start; each class's own
     * "has no test class" repeats it, so none is above low (Guava's source tree led its first screen with 112 high
     * untested classes).
     */
    @Test
    void aRepositoryWithoutTestsGetsOneNoTestsFindingAndItsClassesAtLowAtMost() {
        JavaModelProvider mainOnly = snapshot -> {
            JavaModel all = model().model(snapshot);
            return new JavaModel(all.snapshotKey(), all.files().stream().filter(f -> f.path().startsWith(MAIN)).toList());
        };

        PerspectiveResult result = analyze(mainOnly, snapshot -> Optional.empty(), false);

        assertThat(result.findings()).extracting(Finding::rule, Finding::file, Finding::severity).containsExactly(
                tuple("no-tests", null, Severity.HIGH),
                tuple("untested-class", MAIN + "Qux.java", Severity.LOW),
                tuple("untested-class", MAIN + "Foo.java", Severity.LOW),
                tuple("untested-class", MAIN + "Ledger.java", Severity.LOW),
                tuple("untested-class", MAIN + "Bar.java", Severity.INFO),
                tuple("untested-class", MAIN + "Baz.java", Severity.INFO));
        assertThat(result.findings().get(0).message()).isEqualTo("The repository has no tests at all (no test class: "
                + "none in test sources, none named *Test, *Tests, *IT, Test*); start with Qux (complexity 16), Foo "
                + "(complexity 7), Ledger (complexity 5).");
    }

    @Test
    void failingChurnProviderOnlyCostsTheChurnFactor() {
        PerspectiveResult result = analyze(model(), snapshot -> {
            throw new IllegalStateException("repository at https://user:hunter2@example.com is locked");
        }, true);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).isEqualTo("Churn unavailable (churn could not be computed: IllegalStateException):"
                + " untested classes are ranked by complexity alone.");
        assertThat(result.toString()).doesNotContain("hunter2");
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    void samePackageTestWinsAndOtherPackageTestsCountOnlyWhenUnambiguous() {
        Path other = root.resolve("other");
        Fixtures.writeLines(other, "src/main/java/com/acme/a/Util.java", "package com.acme.a;", 10);
        Fixtures.writeLines(other, "src/main/java/com/acme/b/Util.java", "package com.acme.b;", 10);
        Fixtures.writeLines(other, "src/test/java/com/acme/a/UtilTest.java", "package com.acme.a;", 10);
        Fixtures.writeLines(other, "src/main/java/com/acme/text/Parser.java", "package com.acme.text;", 10);
        Fixtures.writeLines(other, "src/test/java/com/acme/ParserTests.java", "package com.acme;", 10);
        Fixtures.writeLines(other, "src/main/java/com/acme/SelfCheck.java", "package com.acme;", 10);
        Fixtures.writeLines(other, "src/main/java/com/acme/Broken.java", "package com.acme;", 10);
        JavaModelProvider model = snapshot -> new JavaModel(snapshot.key(), List.of(
                file("src/main/java/com/acme/a/Util.java", "com.acme.a",
                        type("com.acme.a.Util", "class", true, false, 3, 10, 3)),
                file("src/main/java/com/acme/b/Util.java", "com.acme.b",
                        type("com.acme.b.Util", "class", true, false, 3, 10, 3)),
                file("src/test/java/com/acme/a/UtilTest.java", "com.acme.a",
                        type("com.acme.a.UtilTest", "class", false, true, 3, 10, 1)),
                file("src/main/java/com/acme/text/Parser.java", "com.acme.text",
                        type("com.acme.text.Parser", "class", true, false, 3, 10, 9)),
                file("src/test/java/com/acme/ParserTests.java", "com.acme",
                        type("com.acme.ParserTests", "class", false, true, 3, 10, 1)),
                file("src/main/java/com/acme/SelfCheck.java", "com.acme",
                        type("com.acme.SelfCheck", "class", true, true, 3, 10, 1)),
                new JavaFileModel("src/main/java/com/acme/Broken.java", "h", "", List.of(), List.of(),
                        "Parse exception at line 4")));
        PerspectiveResult result = new TestCoveragePerspective(model, snapshot -> Optional.of(List.of()),
                new AutocoderProperties()).analyze(Fixtures.context(Fixtures.snapshot(other, true)));

        assertThat(listOfMaps(result.details().get("mapping")))
                .extracting(m -> m.get("class"), m -> m.get("tests"))
                .containsExactly(
                        tuple("com.acme.a.Util", List.of("com.acme.a.UtilTest")),
                        tuple("com.acme.b.Util", List.of()),
                        tuple("com.acme.text.Parser", List.of("com.acme.ParserTests")));
        // SelfCheck is marked a test by the model, so it is neither a source class nor main lines.
        assertThat(result.metrics()).contains(Metric.of("test_classes", 3), Metric.of("classes_total", 3),
                Metric.of("test_lines", 30), Metric.of("main_lines", 40), Metric.of("java_files_unparseable", 1));
        // Churn is available but empty: untouched classes score 0 and fall back to complexity order.
        assertThat(result.findings()).extracting(Finding::file, Finding::message).containsExactly(tuple(
                "src/main/java/com/acme/b/Util.java", "public class com.acme.b.Util (complexity 3, 0 commits in window)"
                        + " has no test class (looked for UtilTest, UtilTests, UtilIT, TestUtil)"));
        assertThat(result.reason()).isEqualTo("1 Java file could not be parsed and was left out.");
    }
}
