package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Python repository with planted problems through the three analysis perspectives that run ruff: each problem is
 * found with the right rule, severity and scope, in the right row.
 */
class PythonFindingsTest {

    @TempDir
    static Path root;
    private static PerspectiveResult quality;
    private static PerspectiveResult security;
    private static PerspectiveResult performance;

    @BeforeAll
    static void analyze() {
        RuffEngine ruff = new RuffEngine(RuffCli.path(), Duration.ofSeconds(60));
        PlantedPython.write(root);
        Snapshot snapshot = TestSnapshots.of(root);
        PmdEngine pmd = new PmdEngine(PmdRulesets.curated(), 1);
        quality = new CodeQualityPerspective(pmd, new CpdRunner(100), ruff).analyze(TestSnapshots.context(snapshot));
        security = new SecurityPerspective(pmd, new SecretScanner(), ruff).analyze(TestSnapshots.context(snapshot));
        performance = new PerformancePerspective(pmd, ruff).analyze(TestSnapshots.context(snapshot));
    }

    @Test
    void codeQualityReportsMutableDefaultsBareExceptUnusedImportsAndComplexFunctions() {
        assertThat(quality.status()).isEqualTo(Status.OK);
        assertThat(quality.reason()).startsWith("no Java files").contains("Python checked by ruff");
        assertThat(one(quality, "B006", "app/store.py")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.scope()).isEqualTo(Scope.MAIN);
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.category()).isEqualTo("Bugbear");
        });
        assertThat(one(quality, "E722", "app/store.py").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(one(quality, "F401", "app/store.py").message()).contains("`os` imported but unused");
        assertThat(one(quality, "C901", "app/rules.py").message()).contains("`classify` is too complex (13 > 10)");
        // the same mutable default in a test is reported, in the test scope
        assertThat(one(quality, "B006", "tests/test_store.py").scope()).isEqualTo(Scope.TEST);
        // security and performance rules are theirs, not code quality's
        assertThat(quality.findings()).noneMatch(f -> f.rule().startsWith("S") || f.rule().startsWith("PERF"));
        assertThat(metric(quality, "ruff.B006")).hasValue(2);
        assertThat(metric(quality, "python_functions")).hasValue(7);
        assertThat(metric(quality, "cyclomatic_max")).hasValue(13);
        assertThat(metric(quality, "ruff_available")).hasValue(1);
        assertThat(quality.summary()).contains("5 Python files", "1 function with complexity over 10");
        assertThat(quality.recommendations()).anyMatch(r -> r.startsWith("Fix the 2 B006 findings (ruff, Bugbear, high)"));
        assertThat(quality.recommendations()).anyMatch(r -> r.startsWith("Split classify (app/rules.py:1, complexity 13)"));
    }

    @Test
    void securityReportsShellTrueAndRequestsWithoutTimeoutButNotAssertsInTests() {
        assertThat(one(security, "S602", "app/net.py")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.category()).isEqualTo("Bandit");
            assertThat(f.scope()).isEqualTo(Scope.MAIN);
        });
        assertThat(one(security, "S113", "app/net.py").severity()).isEqualTo(Severity.HIGH);
        // S101 (assert) is advice for shipped code: a test's assert is what tests are made of
        assertThat(security.findings()).noneMatch(f -> f.rule().equals("S101"));
        assertThat(metric(security, "ruff_violations_out_of_scope")).hasValue(1);
        assertThat(security.summary()).contains("2 Python security rule findings (ruff S rules) in 5 files.")
                .doesNotContain("Java");
        // two high findings in main code: 1 / (1 + 2 × 2 / 4)
        assertThat(security.qualityScore()).isEqualTo(0.5);
    }

    @Test
    void performanceReportsPerflintInsteadOfSkippingPythonRepositories() {
        assertThat(performance.status()).isEqualTo(Status.OK);
        assertThat(performance.findings()).extracting(f -> f.rule() + " " + f.file() + ":" + f.line())
                .containsExactly("PERF401 app/net.py:18");
        assertThat(performance.summary()).isEqualTo("5 Python files: 1 performance finding (ruff PERF).");
        assertThat(performance.details()).containsEntry("python_rule_counts", Map.of("PERF401", 1L));
    }

    private static Finding one(PerspectiveResult result, String rule, String file) {
        List<Finding> matching = result.findings().stream()
                .filter(f -> f.rule().equals(rule) && file.equals(f.file())).toList();
        assertThat(matching).as("%s findings in %s among %s", rule, file, result.findings()).hasSize(1);
        return matching.get(0);
    }

    private static OptionalDouble metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).findFirst();
    }
}
