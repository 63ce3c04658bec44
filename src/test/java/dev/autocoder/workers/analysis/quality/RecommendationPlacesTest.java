package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's recommendation starts where the findings table does: at its largest case, not its first file's. */
class RecommendationPlacesTest {

    @TempDir
    Path root;

    @Test
    void aComplexityRecommendationStartsWithTheMostComplexFunction() throws IOException {
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/a_first.py"), branches("slightly_tangled", 11));
        Files.writeString(root.resolve("lib/b_second.py"), branches("very_tangled", 20));

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Fix the 2 C901 findings")).singleElement()
                .satisfies(r -> assertThat(r).contains("starting with lib/b_second.py:1: `very_tangled` is too complex (21 > 10)"));
    }

    /** A function with {@code ifs} independent branches: complexity ifs + 1. */
    private static String branches(String name, int ifs) {
        StringBuilder code = new StringBuilder("def " + name + "(x):\n    total = 0\n");
        for (int i = 0; i < ifs; i++) {
            code.append("    if x == ").append(i).append(":\n        total += ").append(i).append("\n");
        }
        return code.append("    return total\n").toString();
    }
}
