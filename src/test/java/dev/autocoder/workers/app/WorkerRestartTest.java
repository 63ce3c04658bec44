package dev.autocoder.workers.app;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the application mid-run, restarts it on the same store, then simulates kill -9 (a row cut short) and
 * restarts again: iteration numbers and the rotation continue with no gap and no repeat.
 */
class WorkerRestartTest {

    private static final List<String> ROTATION = List.of(
            "code-quality", "architecture", "performance", "security", "dependencies", "test-coverage");
    private static final String DATASET = "autocoder-analysis-results";

    @TempDir
    Path temp;

    @Test
    void numberingAndRotationSurviveRestartsAndACrash() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), storePath);
        // only the analysis worker's rows are checked: the other workers would only compete for the cores
        properties.put("autocoder.workers.enabled", "analysis");

        runUntilRows(properties, storePath, 4);
        int afterFirstRun = rows(storePath).size();
        runUntilRows(properties, storePath, afterFirstRun + 3);

        // kill -9 while the last row was being written: its line is cut short
        List<Row> beforeCrash = rows(storePath);
        Path lastFile = store(storePath).dataFiles(DATASET).get(store(storePath).dataFiles(DATASET).size() - 1);
        byte[] bytes = Files.readAllBytes(lastFile);
        Files.write(lastFile, Arrays.copyOf(bytes, bytes.length - 25));
        Row lost = beforeCrash.get(beforeCrash.size() - 1);

        runUntilRows(properties, storePath, beforeCrash.size() + 3);

        List<Row> rows = rows(storePath);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).iteration()).as("row %d", i).isEqualTo(i + 1L);
            assertThat(rows.get(i).perspectiveId()).as("rotation at row %d", i).isEqualTo(ROTATION.get(i % ROTATION.size()));
            assertThat(rows.get(i).perspectiveNumber()).isEqualTo(i % ROTATION.size() + 1);
        }
        // the cut row was written again, under the same number and perspective
        assertThat(rows.get((int) lost.iteration() - 1).perspectiveId()).isEqualTo(lost.perspectiveId());
        assertThat(rows.size()).isGreaterThanOrEqualTo(beforeCrash.size() + 2);
    }

    private static void runUntilRows(Map<String, Object> properties, Path storePath, int rows) {
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await(rows + " rows").atMost(Duration.ofMinutes(2)).until(() -> store.rows(DATASET).size() >= rows);
        }
    }

    private static DatasetStore store(Path storePath) {
        return new DatasetStore(storePath, "local", 1 << 26, new com.fasterxml.jackson.databind.ObjectMapper(), java.time.Clock.systemUTC());
    }

    private static List<Row> rows(Path storePath) {
        return store(storePath).rows(DATASET);
    }
}
