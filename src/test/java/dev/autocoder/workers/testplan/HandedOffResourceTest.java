package dev.autocoder.workers.testplan;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.testplan.plan.FailureMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource handed to a project method that closes it (here in a wrapper's try-with-resources) is no missing
 * try-with-resources, as it is no resource leak for the failure modes. Seen on this repository:
 * {@code DatasetStore.readFile} passes {@code Files.newBufferedReader(file)} to {@code RowLines.parse}, which closes it.
 */
class HandedOffResourceTest {

    private static final String JAVA = """
            package shop;

            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.Reader;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Rows {
                public int count(Path file) throws IOException {
                    return parse(Files.newBufferedReader(file));
                }

                public int leak(Path file) throws IOException {
                    BufferedReader reader = Files.newBufferedReader(file);
                    return reader.read();
                }

                static int parse(Reader content) throws IOException {
                    try (BufferedReader lines = new BufferedReader(content)) {
                        return lines.read();
                    }
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void onlyTheResourceNobodyClosesIsReported() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("src/main/java/shop/Rows.java", JAVA));

        assertThat(harness.run(harness.perspective("error-handling")).findings())
                .filteredOn(f -> f.rule().equals("missing-try-with-resources")).extracting(Finding::line)
                .containsExactly(15);
        assertThat(TestPlanHarness.analysis(harness.run(harness.perspective("failure-modes"))).failureModes())
                .filteredOn(m -> m.mode().equals("resource-leak")).extracting(FailureMode::method)
                .containsExactly("leak(Path)");
    }
}
