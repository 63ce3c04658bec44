package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.rule.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** PMD's shared inference failure record keeps the last run's call site (and type system) until the engine empties it. */
class InferenceFailureRecordTest {

    /** Overloads with candidates that fail, as in most real files: println(char[]) is tried for the String. */
    private static final String SOURCE = """
            package p;

            import java.util.List;

            class Overloads {
                void print(List<String> names) {
                    for (String name : names) {
                        System.out.println(String.valueOf(name.length()) + name);
                    }
                    System.out.println(List.of(1, "two"));
                }
            }
            """;

    @Test
    void aPlainPmdRunLeavesItsLastFailedCallSiteBehindAndTheEngineDoesNot(@TempDir Path root) throws Exception {
        Path file = Files.createDirectories(root.resolve("src/main/java/p")).resolve("Overloads.java");
        Files.writeString(file, SOURCE);

        try (PmdAnalysis pmd = PmdAnalysis.create(PmdEngine.configuration(0))) {
            pmd.addRuleSet(RuleSet.copy(PmdRulesets.curated()));
            pmd.files().addFile(file);
            pmd.performAnalysis();
        }
        // PMD 7.26 itself: when this fails, PMD no longer keeps the record and InferenceFailureRecord can go
        assertThat(InferenceFailureRecord.holdsACallSite()).isTrue();

        PmdReport report = new PmdEngine(PmdRulesets.curated(), 1).analyze(TestSnapshots.of(root));
        assertThat(report.processingErrors()).isEmpty();
        assertThat(InferenceFailureRecord.holdsACallSite()).isFalse();
    }
}
