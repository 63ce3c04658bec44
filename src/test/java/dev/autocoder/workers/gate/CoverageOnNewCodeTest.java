package dev.autocoder.workers.gate;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's "coverage on new code" over a real git history (a tagged release, then a commit that adds lines) and
 * real coverage reports in the work tree: covered / coverable new lines.
 */
class CoverageOnNewCodeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private static final List<GateCondition> COVERAGE = List.of(GateCondition.parse("new_code_coverage_percent >= 80"));
    private static final String PRICES = "src/main/java/com/acme/Prices.java";
    private static final String COVERAGE_PY = "/usr/bin/python3-coverage";

    @TempDir
    Path dir;

    private Path repo;
    private Git git;

    private String commit(String message, Instant when) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent ident = new PersonIdent("Gate", "gate@example.org", java.util.Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call().name();
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), content);
    }

    /** Release v1 with one method, then a commit that adds a second method at lines 8-13. */
    private String javaHistory() throws Exception {
        repo = dir.resolve("repo");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write(".gitignore", "target/\n");
        write(PRICES, """
                package com.acme;

                public class Prices {
                    public int total(int a, int b) {
                        return a + b;
                    }
                }
                """);
        commit("Release", Instant.parse("2026-10-01T10:00:00Z"));
        git.tag().setName("v1").setAnnotated(true).setMessage("v1").call();
        write(PRICES, """
                package com.acme;

                public class Prices {
                    public int total(int a, int b) {
                        return a + b;
                    }

                    public int discounted(int amount, int percent) {
                        if (percent < 0) {
                            throw new IllegalArgumentException("negative");
                        }
                        return amount * (100 - percent) / 100;
                    }
                }
                """);
        return commit("Discounts", Instant.parse("2026-11-20T10:00:00Z"));
    }

    /** A JaCoCo XML report as jacoco-maven-plugin's report goal writes it; {@code lines} are {@code nr:mi:ci}. */
    private void jacoco(String... lines) throws Exception {
        StringBuilder sourceLines = new StringBuilder();
        long covered = 0;
        long missed = 0;
        for (String line : lines) {
            String[] parts = line.split(":");
            sourceLines.append("      <line nr=\"").append(parts[0]).append("\" mi=\"").append(parts[1])
                    .append("\" ci=\"").append(parts[2]).append("\" mb=\"0\" cb=\"0\"/>\n");
            if (Integer.parseInt(parts[2]) > 0) {
                covered++;
            } else {
                missed++;
            }
        }
        String lineCounter = "<counter type=\"LINE\" missed=\"" + missed + "\" covered=\"" + covered + "\"/>";
        write("target/site/jacoco/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="prices">
                  <sessioninfo id="ci-1" start="1763632800000" dump="1763632805000"/>
                  <package name="com/acme">
                    <class name="com/acme/Prices" sourcefilename="Prices.java">
                      %s
                    </class>
                    <sourcefile name="Prices.java">
                %s      %s
                    </sourcefile>
                    %s
                  </package>
                  %s
                </report>
                """.formatted(lineCounter, sourceLines, lineCounter, lineCounter, lineCounter));
    }

    private static Row coverageRow(String commit, String method, String reportPath, String format) {
        String details = reportPath == null ? "{\"method\":\"" + method + "\"}"
                : "{\"method\":\"" + method + "\",\"reports_used\":[{\"path\":\"" + reportPath + "\",\"format\":\"" + format + "\"}]}";
        return new Row(Row.SCHEMA_VERSION, "analysis", 2, "2026-11-20T11:00:00Z", 4, "test-coverage", "Test Coverage Analysis",
                "/repo", commit, 10, Status.OK, null, null, "summary", 0.5, 0, List.<Finding>of(), null, null,
                List.of(), List.of(Metric.of("coverage_reports", 1)), details, Map.of());
    }

    private GateReport evaluate(Row row, String newCode) {
        AnalysisHistory history = new AnalysisHistory();
        history.add(row);
        try (GitHistory history1 = GitHistory.open(repo).orElseThrow()) {
            return new GateEvaluator(COVERAGE, NewCodeSetting.parse(newCode), NOW, AutocoderJson.newObjectMapper()).evaluate(history, history1);
        }
    }

    @Test
    void coveredOverCoverableNewLinesFromAJacocoReportFailsBelowEightyAndPassesAbove() throws Exception {
        String head = javaHistory();
        // the old method's line 5 is missed, but it is not new code; of the new lines 8-13, 9 10 12 are coverable
        jacoco("3:0:3", "5:2:0", "8:0:1", "9:0:4", "10:5:0", "12:0:9");
        Row row = coverageRow(head, "coverage-report (jacoco)", "target/site/jacoco/jacoco.xml", "jacoco");

        GateReport failing = evaluate(row, null);

        assertThat(failing.newCode().description()).startsWith("tag v1");
        assertThat(failing.status()).isEqualTo(GateStatus.FAILED);
        assertThat(failing.conditions()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(75.0);
            assertThat(c.detail()).isEqualTo("3 of 4 new coverable lines covered (from target/site/jacoco/jacoco.xml)");
        });

        jacoco("3:0:3", "5:2:0", "8:0:1", "9:0:4", "10:0:5", "12:0:9");
        GateReport passing = evaluate(row, null);

        assertThat(passing.status()).isEqualTo(GateStatus.PASSED);
        assertThat(passing.conditions().get(0).value()).isEqualTo(100.0);
    }

    @Test
    void noNewCoverableLinesPassesAndNoReportDoesNotApply() throws Exception {
        javaHistory();
        write("README.md", "# Prices\n");
        String head = commit("Docs", Instant.parse("2026-11-21T10:00:00Z"));
        jacoco("3:0:3", "5:2:0", "8:0:1", "9:0:4", "10:5:0", "12:0:9");

        GateReport docsOnly = evaluate(coverageRow(head, "coverage-report (jacoco)", "target/site/jacoco/jacoco.xml", "jacoco"),
                "commit:HEAD~1");

        assertThat(docsOnly.status()).isEqualTo(GateStatus.PASSED);
        assertThat(docsOnly.conditions().get(0).value()).isNull();
        assertThat(docsOnly.conditions().get(0).detail()).startsWith("no new coverable lines");

        GateReport noReport = evaluate(coverageRow(head, "test-mapping", null, null), null);
        assertThat(noReport.conditions().get(0).status()).isEqualTo(GateStatus.NOT_APPLICABLE);
        assertThat(noReport.conditions().get(0).detail()).isEqualTo("no coverage report in the repository");

        Files.delete(repo.resolve("target/site/jacoco/jacoco.xml"));
        GateReport reportGone = evaluate(coverageRow(head, "coverage-report (jacoco)", "target/site/jacoco/jacoco.xml", "jacoco"), null);
        assertThat(reportGone.status()).isEqualTo(GateStatus.UNKNOWN);
        assertThat(reportGone.conditions().get(0).detail()).contains("could not be read", "target/site/jacoco/jacoco.xml");
    }

    @Test
    void aCoveragePyJsonReportMadeByCoveragePyMeasuresTheNewPythonLines() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(COVERAGE_PY)),
                COVERAGE_PY + " is missing: install Debian's python3-coverage (.ci/run does) to run this test");
        repo = dir.resolve("py");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write(".gitignore", ".coverage\ncoverage.json\n__pycache__/\n");
        write("shop/__init__.py", "");
        write("shop/cart.py", """
                def total(prices):
                    return sum(prices)
                """);
        write("tests/__init__.py", "");
        write("tests/test_cart.py", """
                import unittest

                from shop.cart import total


                class TotalTest(unittest.TestCase):
                    def test_sum(self):
                        self.assertEqual(total([1, 2]), 3)
                """);
        commit("Release", Instant.parse("2026-10-01T10:00:00Z"));
        git.tag().setName("v1").call();
        write("shop/cart.py", """
                def total(prices):
                    return sum(prices)


                def describe(prices):
                    if not prices:
                        return "empty"
                    return f"{len(prices)} items"
                """);
        write("tests/test_cart.py", """
                import unittest

                from shop.cart import describe, total


                class TotalTest(unittest.TestCase):
                    def test_sum(self):
                        self.assertEqual(total([1, 2]), 3)

                    def test_describe_empty(self):
                        self.assertEqual(describe([]), "empty")
                """);
        String head = commit("Describe", Instant.parse("2026-11-20T10:00:00Z"));
        run(COVERAGE_PY, "run", "--branch", "--source=shop,tests", "-m", "unittest", "discover", "-s", "tests", "-t", ".");
        run(COVERAGE_PY, "json", "-o", "coverage.json");

        GateReport report = evaluate(coverageRow(head, "coverage-report (coverage.py)", "coverage.json", "coverage.py"), null);

        // new coverable lines of shop/cart.py: 5 (def, run at import), 6, 7 (run by the new test), 8 (never run);
        // the new lines of tests/test_cart.py are test code and do not count
        assertThat(report.conditions()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(75.0);
            assertThat(c.detail()).isEqualTo("3 of 4 new coverable lines covered (from coverage.json)");
            assertThat(c.status()).isEqualTo(GateStatus.FAILED);
        });
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
