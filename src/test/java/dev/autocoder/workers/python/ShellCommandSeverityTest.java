package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click's pager probes for {@code less} with {@code os.system("(less) 2>/dev/null")}: a constant command, which ruff
 * (as Bandit) says "seems safe" and Bandit rates low. A command built from values stays high.
 */
class ShellCommandSeverityTest {

    @TempDir
    Path root;

    @Test
    void aConstantShellCommandIsLowAndABuiltOneHigh() {
        TestSnapshots.write(root, "pager.py", """
                import os
                import subprocess


                def has_less():
                    return os.system("(less) 2>/dev/null") == 0


                def page(filename):
                    return os.system(f'more "{filename}"')


                def edit(editor, filename):
                    return subprocess.Popen(f'{editor} "{filename}"', shell=True).wait()


                def clear():
                    return subprocess.call("clear", shell=True)
                """);

        PerspectiveResult security = new SecurityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new SecretScanner(),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().matches("S60[245]"))
                .extracting(f -> f.rule() + " " + f.severity() + " " + f.line())
                .containsExactlyInAnyOrder("S605 LOW 6", "S605 HIGH 10", "S602 HIGH 14", "S602 LOW 18");
    }
}
