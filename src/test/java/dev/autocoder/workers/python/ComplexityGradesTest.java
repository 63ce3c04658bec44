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
                        "`dispatch` is too complex (52 > 10); also: 51 branches (PLR0912), 103 statements (PLR0915) "
                                + Severity.HIGH);
    }

    /**
     * prompt_toolkit's {@code load_vi_bindings} (222) registers some hundred small key handlers: ruff counts each
     * nested function into it. Where most of the complexity is in the functions it defines, it stays medium, saying
     * why; a function with as many branches of its own is high.
     */
    @Test
    void aFunctionWhoseComplexityIsMostlyInTheFunctionsItDefinesStaysMedium() {
        StringBuilder registry = new StringBuilder("def load_bindings(registry, strict):\n    if strict:\n"
                + "        registry.clear()\n");
        for (int i = 0; i < 30; i++) {
            registry.append("\n    @registry.add('key").append(i).append("')\n    def handle").append(i)
                    .append("(event):\n        if event.repeat:\n            event.count += ").append(i)
                    .append("\n        return event\n");
        }
        registry.append("\n    return registry\n");
        TestSnapshots.write(root, "app/bindings.py", registry + "\n\n" + function("dispatch", 51));

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("C901"))
                .extracting(f -> f.message() + " " + f.severity())
                .containsExactlyInAnyOrder("`load_bindings` is too complex (62 > 10) (most of it is in the functions it "
                        + "defines, which ruff counts in and reports each on its own where it is complex: a set of small "
                        + "handlers, not one branchy function); also: 92 statements (PLR0915) " + Severity.MEDIUM,
                        "`dispatch` is too complex (52 > 10); also: 51 branches (PLR0912), 103 statements (PLR0915) "
                                + Severity.HIGH);
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
