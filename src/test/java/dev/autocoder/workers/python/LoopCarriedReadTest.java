package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * networkx's eccentricity bounds read {@code maxuppernode} in a {@code while} loop that binds it further down, after
 * a flag the first round never sets: ruff (0.17) reports an undefined name, high ("NameError when the line runs"),
 * seven times on its first screen. Such a read takes the previous iteration's value; it fails only if the first
 * iteration reaches it: medium, saying so. A name bound nowhere stays high.
 */
class LoopCarriedReadTest {

    @TempDir
    Path root;

    @Test
    void aReadOfWhatTheLoopBindsFurtherDownIsMedium() {
        TestSnapshots.write(root, "bounds.py", """
                def select(candidates):
                    high = False
                    while candidates:
                        if high:
                            current = best
                        else:
                            current = candidates[0]
                        best = None
                        for node in candidates:
                            best = node
                        high = True
                        candidates = candidates[1:]
                    return current


                def typo(candidates):
                    return [bset for best in candidates]
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder("5 MEDIUM Undefined name `best` (the loop binds it further down: this reads "
                        + "the previous iteration's value, and raises NameError only if the first iteration gets here)",
                        "17 HIGH Undefined name `bset`");
    }
}
