package dev.autocoder.workers.analysis.security;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.testsupport.FakeSecrets;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The security score weighs what exposes a project, not how many hygiene notes it has: a library full of asserts
 * and non-cryptographic randoms scores well above one that ships a private key.
 */
class SecurityScoreTest {

    @TempDir
    Path temp;

    @Test
    void manyLowFindingsWeighAtMostOneMediumWhileACommittedKeyStillHalvesTheScore() {
        Path library = temp.resolve("library");
        StringBuilder checks = new StringBuilder("import random\n\n\n");
        for (int i = 0; i < 40; i++) {
            checks.append("def check_").append(i).append("(value):\n")
                    .append("    assert value is not None\n")
                    .append("    return value + random.random()\n\n\n");
        }
        TestSnapshots.write(library, "lib/checks.py", checks.toString());
        PerspectiveResult hygiene = analyze(library);

        assertThat(hygiene.findings()).filteredOn(f -> f.rule().equals("S101")).hasSize(40)
                .allMatch(f -> f.severity() == Severity.LOW);
        assertThat(hygiene.findings()).filteredOn(f -> f.rule().equals("S311")).hasSize(40);
        assertThat(hygiene.findings()).allMatch(f -> f.severity() == Severity.LOW);
        // 80 low findings weigh 0.5 together, not 8: 1 / (1 + 0.5 / 4)
        assertThat(hygiene.qualityScore()).isCloseTo(1 / 1.125, within(1e-9));

        Path leaking = temp.resolve("leaking");
        TestSnapshots.write(leaking, "lib/app.py", "def hello():\n    return 'hello'\n");
        TestSnapshots.write(leaking, "deploy/signing.pem", new FakeSecrets(7).privateKeyPem(10));
        PerspectiveResult leak = analyze(leaking);

        assertThat(leak.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("private-key", Severity.CRITICAL));
        assertThat(leak.qualityScore()).isEqualTo(0.5);
        assertThat(hygiene.qualityScore()).isGreaterThan(leak.qualityScore());
    }

    @Test
    void aMediumFindingCountsInFullBesideTheCappedLowOnes() {
        Path repo = temp.resolve("repo");
        StringBuilder code = new StringBuilder("import marshal\n\n\n");
        for (int i = 0; i < 12; i++) {
            code.append("def check_").append(i).append("(value):\n    assert value\n    return value\n\n\n");
        }
        code.append("def load(data):\n    return marshal.loads(data)\n");
        TestSnapshots.write(repo, "lib/store.py", code.toString());

        PerspectiveResult result = analyze(repo);

        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.MEDIUM).extracting(Finding::rule)
                .containsExactly("S302");
        // one medium (0.5) and twelve lows (1.2, capped at 0.5): 1 / (1 + 1 / 4)
        assertThat(result.qualityScore()).isCloseTo(0.8, within(1e-9));
        // the recommendations lead with the medium finding, not with the more numerous asserts
        assertThat(result.recommendations().get(0)).startsWith("Fix the S302 finding (ruff, Bandit, medium) at ");
        assertThat(result.recommendations().get(1)).startsWith("Fix the 12 S101 findings (ruff, Bandit, low)");
        // what ran, without a word about the Java rules a Python repository has no use for
        assertThat(result.summary()).endsWith("; 13 Python security rule findings (ruff S rules) in 1 file. "
                + "All 13 findings are in main code or build files.").doesNotContain("Java");
    }

    @Test
    void oneRuleAtTwoSeveritiesIsTwoRecommendationsAsItIsTwoFindingGroups() {
        Path repo = temp.resolve("repo");
        // ruff's S605 is high for a command built of input and low for a literal one ("seems safe")
        TestSnapshots.write(repo, "lib/pager.py", """
                import os


                def page(name):
                    return os.system("more " + name)


                def edit(name):
                    return os.system("vi " + name)


                def has_less():
                    return os.system("less --version")
                """);

        PerspectiveResult result = analyze(repo);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("S605")).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.HIGH, Severity.HIGH, Severity.LOW);
        assertThat(result.recommendations()).filteredOn(r -> r.contains(" S605 ")).containsExactly(
                "Fix the 2 S605 findings (ruff, Bandit, high), starting with lib/pager.py:5: Starting a process with a "
                        + "shell, possible injection detected",
                "Fix the S605 finding (ruff, Bandit, low) at lib/pager.py:13: Starting a process with a "
                        + "shell: seems safe, but may be changed in the future; consider rewriting without `shell`");
    }

    private static PerspectiveResult analyze(Path root) {
        RuffEngine ruff = new RuffEngine(RuffCli.path(), Duration.ofSeconds(60));
        return new SecurityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new SecretScanner(), ruff)
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));
    }
}
