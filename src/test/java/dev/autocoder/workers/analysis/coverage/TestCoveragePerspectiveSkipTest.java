package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestCoveragePerspectiveSkipTest {

    @TempDir
    Path root;

    @Test
    void noReportAndNoJavaIsSkippedWithAnHonestReason() {
        Fixtures.write(root, "README.md", "# site\n");
        Fixtures.write(root, "package.json", "{\"name\":\"site\"}\n");
        Fixtures.write(root, "src/index.js", "console.log('hi');\n");
        TestCoveragePerspective perspective = new TestCoveragePerspective(snapshot -> {
            throw new AssertionError("no Java, so no Java model is needed");
        }, snapshot -> Optional.empty(), new AutocoderProperties());

        PerspectiveResult result = perspective.analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(perspective.id()).isEqualTo("test-coverage");
        assertThat(perspective.name()).isEqualTo("Test Coverage Analysis");
        assertThat(perspective.worker()).isEqualTo("analysis");
        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo("No coverage report found (looked for **/target/site/jacoco*/jacoco.xml,"
                + " **/build/reports/jacoco/**.xml, **/jacoco*.xml, **/cobertura*.xml, **/coverage.xml, **/coverage.json, **/lcov.info"
                + " up to 10 folders deep) and the repository has no Java or Python sources to match tests to by name; test"
                + " coverage cannot be measured or estimated.");
        assertThat(result.qualityScore()).isNull();
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsExactly(Metric.of("coverage_reports", 0),
                Metric.of("coverage_reports_ignored", 0), Metric.of("coverage_reports_unreadable", 0));
    }

    @Test
    void onlyAnUnreadableReportAndNoJavaIsSkippedAndNamesTheReport() {
        Fixtures.write(root, "coverage/lcov.info", "SF:src/a.js\nDA:x,1\nend_of_record\n");

        PerspectiveResult result = new TestCoveragePerspective(snapshot -> new JavaModel("k", List.of()),
                snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).endsWith("1 coverage report could not be read: coverage/lcov.info"
                + " (line 2: 'x' is not a number).");
        assertThat(result.metrics()).containsExactly(Metric.of("coverage_reports", 0),
                Metric.of("coverage_reports_ignored", 0), Metric.of("coverage_reports_unreadable", 1));
    }

    @Test
    void onlyAFixtureReportAndNoJavaIsSkippedAndSaysWhyTheReportWasIgnored() {
        Fixtures.write(root, "package.json", "{\"name\":\"site\"}\n");
        Fixtures.writeLines(root, "src/index.js", "export const answer = 42;", 4);
        Fixtures.write(root, "test/fixtures/coverage/lcov.info", "SF:src/index.js\nDA:1,1\nDA:2,0\nLF:2\nLH:1\n"
                + "end_of_record\n");

        PerspectiveResult result = new TestCoveragePerspective(snapshot -> {
            throw new AssertionError("no Java, so no Java model is needed");
        }, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        // The report even names a real file, but a fixture is a test input, never this repository's coverage.
        assertThat(result.reason()).isEqualTo("No coverage report measures this repository's main code (1 ignored)"
                + " and the repository has no Java or Python sources to match tests to by name; test coverage cannot be"
                + " measured or estimated. 1 coverage report ignored: test/fixtures/coverage/lcov.info (test"
                + " resources/fixture (test/fixtures/coverage/ is fixture scope)).");
        assertThat(result.metrics()).containsExactly(Metric.of("coverage_reports", 0),
                Metric.of("coverage_reports_ignored", 1), Metric.of("coverage_reports_unreadable", 0));
    }

    @Test
    void javaThatNeverParsesIsSkipped() {
        Fixtures.write(root, "src/main/java/a/A.java", "class {\n");

        PerspectiveResult result = new TestCoveragePerspective(snapshot -> new JavaModel("k", List.of(
                new JavaFileModel("src/main/java/a/A.java", "h", "", List.of(), List.of(), "Parse exception"))),
                snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).endsWith(" and none of the 1 Java file could be parsed, so tests cannot be"
                + " matched to classes.");
    }
}
