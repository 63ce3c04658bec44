package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Without ruff the rows say so, with how to install it, never "no findings"; Java-only rows do not change. */
class RuffUnavailableTest {

    @TempDir
    Path root;

    private final RuffEngine missing = new RuffEngine(Path.of("no-such-folder/ruff").toString(), Duration.ofSeconds(5));
    private final PmdEngine pmd = new PmdEngine(PmdRulesets.curated(), 1);

    @Test
    void pythonRowsSayRuffIsMissingAndHowToInstallIt() {
        PlantedPython.write(root);
        Snapshot snapshot = TestSnapshots.of(root);

        PerspectiveResult quality = new CodeQualityPerspective(pmd, new CpdRunner(100), missing)
                .analyze(TestSnapshots.context(snapshot));
        PerspectiveResult performance = new PerformancePerspective(pmd, missing).analyze(TestSnapshots.context(snapshot));
        PerspectiveResult security = new SecurityPerspective(pmd, new SecretScanner(), missing)
                .analyze(TestSnapshots.context(snapshot));

        assertThat(quality.reason()).contains("Python rules (ruff) skipped for 5 Python files: ruff is not available at",
                "pip install ruff==0.17.4", "bin/install-ruff-wasm");
        assertThat(quality.summary()).startsWith("Python rules (ruff) skipped");
        assertThat(quality.details()).extractingByKey("python").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", "skipped");
        assertThat(metric(quality, "ruff_available")).isEqualTo(0);
        assertThat(quality.findings()).noneMatch(f -> f.rule().matches("[A-Z]+[0-9]+"));

        assertThat(performance.status()).isEqualTo(Status.SKIPPED);
        assertThat(performance.reason()).startsWith("Python rules (ruff) skipped").contains("pip install ruff");
        assertThat(performance.qualityScore()).isNull();

        assertThat(security.status()).isEqualTo(Status.OK);
        assertThat(security.reason()).contains("only secret detection ran", "Python rules (ruff) skipped");
    }

    @Test
    void aJavaOnlyRepositoryIsUnaffected() {
        TestSnapshots.write(root, "src/main/java/a/Greeter.java", "package a;\n\npublic class Greeter {\n"
                + "    public String greet(String name) {\n        return \"Hello \" + name;\n    }\n}\n");
        Snapshot snapshot = TestSnapshots.of(root);

        PerspectiveResult quality = new CodeQualityPerspective(pmd, new CpdRunner(100), missing)
                .analyze(TestSnapshots.context(snapshot));
        PerspectiveResult performance = new PerformancePerspective(pmd, missing).analyze(TestSnapshots.context(snapshot));

        for (PerspectiveResult result : new PerspectiveResult[] {quality, performance}) {
            assertThat(result.status()).isEqualTo(Status.OK);
            assertThat(result.reason()).isNull();
            assertThat(result.details()).doesNotContainKey("python");
            assertThat(result.metrics()).noneMatch(m -> m.name().startsWith("python") || m.name().startsWith("ruff"));
        }
    }

    private static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).findFirst()
                .orElseThrow();
    }
}
