package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.analysis.pmd.TestModels;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.testsupport.PathologicalJava;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, items 5 and 7 for the test planner's model (built from PMD's parse): a file over the per-file time budget is skipped
 * with the budget named and the skip kept for that content; a file that overflows the parser's stack is reported,
 * and the other files are modelled.
 */
class CodeModelBudgetTest {

    private static final String SMALL = "src/main/java/p/Small.java";
    private static final String LONG = "src/main/java/p/Long.java";
    private static final String PARENS = "src/main/java/p/Parens.java";

    @TempDir
    Path root;

    @Test
    @Timeout(120)
    void aFileOverTheBudgetIsSkippedOnceAndTheOthersAreModelled() {
        TestSnapshots.write(root, SMALL, "package p;\n\npublic class Small {\n    public int one() {\n        return 1;\n    }\n}\n");
        TestSnapshots.write(root, LONG, PathologicalJava.LONG_METHOD.source("Long", 20_000));
        TestSnapshots.write(root, PARENS, PathologicalJava.NESTED_PARENTHESES.source("Parens", 10_000));
        Snapshot snapshot = TestSnapshots.of(root);
        CodeModelProvider provider = TestModels.provider(Duration.ofMillis(300));

        long start = System.nanoTime();
        CodeModel first = provider.codeModel(snapshot);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(first.file(SMALL).orElseThrow().parsed()).isTrue();
        assertThat(first.file(LONG).orElseThrow().parseError())
                .contains("per-file time budget", "autocoder.analysis.file-time-budget");
        assertThat(first.file(PARENS).orElseThrow().parseError()).contains("StackOverflowError");
        // building this model took 47 s before (JavaParser's printer sorted 20,000 siblings for each statement)
        assertThat(took).isLessThan(Duration.ofSeconds(20));

        long again = System.nanoTime();
        CodeModel second = provider.codeModel(snapshot);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(1));
        assertThat(second.file(LONG).orElseThrow().parseError()).isEqualTo(first.file(LONG).orElseThrow().parseError());
    }

    @Test
    @Timeout(120)
    void aLongMethodIsModelledWithinAGenerousBudget() {
        TestSnapshots.write(root, LONG, PathologicalJava.LONG_METHOD.source("Long", 20_000));
        CodeModel model = TestModels.provider(Duration.ofSeconds(60)).codeModel(TestSnapshots.of(root));

        FileModel file = model.file(LONG).orElseThrow();
        assertThat(file.parsed()).isTrue();
        assertThat(file.types().get(0).methods()).extracting(MethodModel::name).containsExactly("sum");
    }
}
