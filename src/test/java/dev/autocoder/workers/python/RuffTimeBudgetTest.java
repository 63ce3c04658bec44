package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file ruff never finishes does not hold the worker: the batch over its budget is split until that file is
 * alone, it is skipped with the reason, and the other files keep their results. The "ruff" here is a script that
 * speaks ruff's JSON and hangs on one file, standing in for a pathological input.
 */
class RuffTimeBudgetTest {

    @TempDir
    Path root;
    @TempDir
    Path tools;

    @Test
    void aFileOverTheBudgetIsSkippedWithTheReasonAndTheOthersAreAnalyzed() throws Exception {
        Path fake = tools.resolve("ruff");
        Files.writeString(fake, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "ruff 0.0.0-hangs"; exit 0; fi
                for arg in "$@"; do
                  case "$arg" in *hangs.py) exec sleep 60;; esac
                done
                echo "["
                first=1
                for arg in "$@"; do
                  case "$arg" in
                    *.py) [ $first = 1 ] || echo ","; first=0
                          echo "{\\"code\\": \\"F401\\", \\"message\\": \\"unused\\", \\"filename\\": \\"$arg\\","
                          echo " \\"location\\": {\\"row\\": 1, \\"column\\": 1}, \\"end_location\\": {\\"row\\": 1, \\"column\\": 5}, \\"fix\\": null}";;
                  esac
                done
                echo "]"
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        for (int i = 0; i < 5; i++) {
            TestSnapshots.write(root, "pkg/m" + i + ".py", "import os\n");
        }
        TestSnapshots.write(root, "pkg/hangs.py", "import os\n");

        long start = System.nanoTime();
        PythonLint lint = new RuffEngine(fake.toString(), Duration.ofMillis(300)).analyze(TestSnapshots.of(root));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(lint.ran()).isTrue();
        assertThat(lint.skippedFiles()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("pkg/hangs.py");
            assertThat(s.reason()).contains("longer than its time budget", "skipped until the file changes");
        });
        assertThat(lint.violations()).extracting(RuffViolation::path)
                .containsExactlyInAnyOrder("pkg/m0.py", "pkg/m1.py", "pkg/m2.py", "pkg/m3.py", "pkg/m4.py");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }
}
