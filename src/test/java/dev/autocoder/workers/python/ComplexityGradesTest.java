package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruff's C901 is graded as Java's complex-method is: a function just over the threshold of 10 is medium, one of a
 * McCabe complexity of 50 or more is high, so the first screen leads with the function a reader should split first.
 */
class ComplexityGradesTest {

    @TempDir
    Path root;

    @Test
    void aFunctionFarOverTheThresholdIsHighAndOneJustOverItMedium() {
        TestSnapshots.write(root, "app/rules.py", function("classify", 11) + "\n\n" + function("dispatch", 51));

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("C901"))
                .extracting(f -> f.message() + " " + f.severity())
                .containsExactlyInAnyOrder("`classify` is too complex (12 > 10) " + Severity.MEDIUM,
                        "`dispatch` is too complex (52 > 10) " + Severity.HIGH);
    }

    /** A function of {@code branches} ifs: McCabe complexity {@code branches + 1}. */
    private static String function(String name, int branches) {
        StringBuilder text = new StringBuilder("def " + name + "(value):\n    total = 0\n");
        for (int i = 0; i < branches; i++) {
            text.append("    if value == ").append(i).append(":\n        total += ").append(i).append('\n');
        }
        return text.append("    return total\n").toString();
    }
}
