package dev.autocoder.workers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testplan.TestPlanFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the application after part of a rotation and starts it again on the same store: numbering continues and
 * the cumulative insights go on from the stored history, without counting the same items twice.
 */
class TestPlanningRestartTest {

    private static final String DATASET = "autocoder-test-planning-results";
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void cumulativeInsightsSurviveARestart() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), storePath);
        properties.put("autocoder.workers.enabled", "test-planning");
        properties.put("autocoder.workers.test-planning.period", "100ms");
        properties.put("autocoder.workers.test-planning.delay", "0");
        properties.put("autocoder.workers.test-planning.perspectives", "failure-modes,integration-points,edge-cases");
        properties.put("autocoder.testplan.output-dir", temp.resolve("plans").toString());

        run(properties, storePath, 3);
        List<Row> before = rows(storePath);
        JsonNode last = insights(before.get(before.size() - 1));
        assertThat(last.get("edge_cases_discovered").asLong()).isGreaterThan(0);
        assertThat(last.get("failure_modes_identified").asLong()).isGreaterThan(0);
        assertThat(last.get("integration_points_mapped").asLong()).isEqualTo(9);

        run(properties, storePath, before.size() + 4);
        List<Row> after = rows(storePath);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).iteration()).isEqualTo(i + 1L);
        }
        // the same commit plans the same items: the totals neither reset nor grow
        for (Row row : after.subList(before.size(), after.size())) {
            JsonNode now = insights(row);
            for (String count : List.of("edge_cases_discovered", "failure_modes_identified", "integration_points_mapped", "tests_specified")) {
                assertThat(now.get(count).asLong()).as(count + " at iteration " + row.iteration()).isEqualTo(last.get(count).asLong());
            }
        }
    }

    private JsonNode insights(Row row) {
        return mapper.valueToTree(row.extraColumns().get("cumulative_insights"));
    }

    private static void run(Map<String, Object> properties, Path storePath, int rows) {
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await(rows + " rows").atMost(Duration.ofMinutes(2)).until(() -> store.rows(DATASET).size() >= rows);
        }
    }

    private List<Row> rows(Path storePath) {
        return new DatasetStore(storePath, "local", 1 << 26, mapper, Clock.systemUTC()).rows(DATASET);
    }
}
