package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.config.AutocoderJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coverage reports read line by line, beside the per-class figures (which stay as they were). */
class LineByLineCoverageTest {

    private final CoverageReportLoader loader = new CoverageReportLoader(AutocoderJson.newObjectMapper());

    @TempDir
    Path root;

    private static FileLines file(CoverageReport report, String declaredPath) {
        return report.lines().stream().filter(l -> l.declaredPath().equals(declaredPath)).findFirst().orElseThrow();
    }

    @Test
    void jacocoSourceFileLinesAreCoveredWhenAnyInstructionRan() throws Exception {
        Path file = Fixtures.write(root, "target/site/jacoco/jacoco.xml", CoverageReportReadersTest.resource("jacoco.xml"));

        CoverageReport report = loader.read(file, "target/site/jacoco/jacoco.xml");

        FileLines cart = file(report, "com/acme/shop/cart/Cart.java");
        assertThat(cart.missed()).containsExactly(19, 32);
        assertThat(cart.covered()).contains(12, 13, 17, 29, 44).doesNotContain(19, 32).hasSize(22);
        // the per-class LINE counters of Cart and Cart$Item say the same: 22 covered, 2 missed
        long classCovered = report.classes().stream().filter(c -> c.declaredPath().equals("com/acme/shop/cart/Cart.java"))
                .mapToLong(c -> c.counts().linesCovered()).sum();
        assertThat(classCovered).isEqualTo(cart.covered().size());
    }

    @Test
    void coberturaClassLinesMergePerFileAndSkipTheMethodRepeats() throws Exception {
        Path file = Fixtures.write(root, "coverage.xml", CoverageReportReadersTest.resource("cobertura.xml"));

        CoverageReport report = loader.read(file, "coverage.xml");

        FileLines cart = file(report, "com/acme/shop/cart/Cart.java");
        assertThat(cart.covered()).containsExactly(12, 16, 17, 19, 27, 28, 29, 41, 42);
        assertThat(cart.missed()).containsExactly(18);
    }

    @Test
    void coveragePyJsonWrittenByCoverage650IsReadPerFileAndLineByLine() throws Exception {
        Path file = Fixtures.write(root, "coverage.json", CoverageReportReadersTest.resource("coverage-py/coverage.json"));

        CoverageReport report = loader.read(file, "coverage.json");

        assertThat(report.format()).isEqualTo(CoverageFormat.COVERAGE_PY);
        assertThat(report.classes()).contains(new ClassCoverage(CoverageFormat.COVERAGE_PY, "shop", "cart.py",
                "shop/cart.py", null, new CoverageCounts(7, 4, 3, 3)));
        FileLines cart = file(report, "shop/cart.py");
        assertThat(cart.covered()).containsExactly(1, 2, 4, 5, 6, 7, 10);
        assertThat(cart.missed()).containsExactly(3, 11, 12, 13);
        assertThat(ReportCoverageAnalysis.method(List.of(report))).isEqualTo("coverage-report (coverage.py)");
    }

    @Test
    void aCoverageJsonOfAnotherToolIsNoReportWhileABrokenCoveragePyReportIsUnreadable() {
        Path file = Fixtures.write(root, "coverage.json", "{\"total\": {\"lines\": {\"pct\": 80}}}");
        Fixtures.write(root, "py/coverage.json", "{\"meta\": {}, \"files\": {\"a.py\": {\"executed_lines\": [\"x\"]}}}");

        assertThatThrownBy(() -> loader.read(file, "coverage.json"))
                .isInstanceOf(MalformedReportException.class)
                .hasMessageContaining("not a coverage.py JSON report");
        FoundReports found = loader.load(root);
        assertThat(found.readable()).isEmpty();
        assertThat(found.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.path()).isEqualTo("py/coverage.json");
            assertThat(u.reason()).contains("executed_lines");
        });
    }

    @Test
    void lineCoverageResolvesReportPathsAgainstRepositoryFilesAndLeavesTestFilesOut() {
        Fixtures.write(root, "coverage.json", resourceText("coverage-py/coverage.json"));

        LineCoverage lines = LineCoverage.read(root, List.of("coverage.json", "missing.xml"),
                List.of("shop/__init__.py", "shop/cart.py", "tests/__init__.py", "tests/test_cart.py"), AutocoderJson.newObjectMapper());

        assertThat(lines.reportsRead()).containsExactly("coverage.json");
        assertThat(lines.problems()).singleElement().asString().startsWith("missing.xml");
        assertThat(lines.of("shop/cart.py")).hasValueSatisfying(l -> {
            assertThat(l.covered()).containsExactly(1, 2, 4, 5, 6, 7, 10);
            assertThat(l.coverable()).containsExactly(1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13);
        });
        assertThat(lines.of("tests/test_cart.py")).isEmpty();
    }

    private static String resourceText(String name) {
        try {
            return CoverageReportReadersTest.resource(name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
