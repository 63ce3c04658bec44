package dev.autocoder.workers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the application in the middle of a cycle and starts it again on the same store: numbering and the stage
 * rotation continue after the last row, the stages after the restart work on the task picked before it, and the
 * cumulative progress goes on from the stored history (never reset, never counting a task twice).
 */
class ImplementationRestartTest {

    private static final String DATASET = "autocoder-implementation-results";
    private static final List<String> STAGES = List.of("deep-understanding", "architectural-analysis",
            "approach-evaluation", "risk-analysis", "testing-strategy", "implementation-plan");
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theCycleAndTheCumulativeProgressSurviveARestart() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        Map<String, Object> properties = ImplementationWorkerEndToEndTest.properties(repo, storePath);

        // stop after the first task's Approach Evaluation at the earliest: mid-cycle, the task picked
        run(properties, store -> midCycle(store.rows(DATASET)));
        List<Row> before = rows(storePath);
        Row lastBefore = before.get(before.size() - 1);

        run(properties, store -> store.rows(DATASET).size() >= before.size() + 8);
        List<Row> after = rows(storePath);

        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).iteration()).isEqualTo(i + 1L);
            assertThat(after.get(i).perspectiveId()).isEqualTo(i == 0 ? STAGES.get(0) : stageAfter(after.get(i - 1)));
        }
        Row firstAfter = after.get(before.size());
        assertThat(firstAfter.perspectiveId()).isEqualTo(stageAfter(lastBefore));
        if (!firstAfter.perspectiveId().equals("deep-understanding")) {
            assertThat(json(firstAfter).get("task_id").asText()).isEqualTo(json(lastBefore).get("task_id").asText());
        }

        // the totals are the distinct ids of all rows so far, whatever process wrote them
        Set<String> tasks = new HashSet<>();
        Set<String> issues = new HashSet<>();
        Set<String> implementations = new HashSet<>();
        for (Row row : after) {
            JsonNode json = json(row);
            JsonNode analysis = json.get("analysis");
            if (row.perspectiveId().equals("deep-understanding") && !json.get("task_id").isNull()) {
                tasks.add(json.get("task_id").asText());
            }
            if (row.perspectiveId().equals("risk-analysis")) {
                analysis.get("risks").forEach(r -> issues.add(r.get("id").asText()));
            }
            if (row.perspectiveId().equals("implementation-plan") && analysis.get("code_changes").get("verified").asBoolean()
                    && json.get("task_id").asText().equals(analysis.get("code_changes").get("task_id").asText())) {
                implementations.add(json.get("task_id").asText());
            }
            JsonNode progress = json.get("cumulative_progress");
            assertThat(progress.get("tasks_started").asLong()).as("tasks at " + row.iteration()).isEqualTo(tasks.size());
            assertThat(progress.get("issues_discovered").asLong()).as("issues at " + row.iteration()).isEqualTo(issues.size());
            assertThat(progress.get("implementations_generated").asLong()).as("patches at " + row.iteration())
                    .isEqualTo(implementations.size());
        }
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(implementations).isNotEmpty();
    }

    /** The first task is picked and its cycle has reached at least Approach Evaluation, but not its plan. */
    private static boolean midCycle(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).perspectiveId().equals("deep-understanding") && rows.get(i).status().label().equals("ok")) {
                return rows.size() >= i + 3;
            }
        }
        return false;
    }

    private JsonNode json(Row row) {
        return mapper.valueToTree(row);
    }

    /**
     * Runs the application until its own store has the rows asked for. A second store opened on the live folder would
     * repair it on first read and cut the row being appended as an unterminated line.
     */
    private static void run(Map<String, Object> properties, java.util.function.Predicate<DatasetStore> until) {
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("rows").atMost(Duration.ofMinutes(2)).until(() -> until.test(store));
        }
    }

    private List<Row> rows(Path storePath) {
        return new DatasetStore(storePath, "local", 1 << 26, mapper, Clock.systemUTC()).rows(DATASET);
    }

    /**
     * The stage of the row after this one: the next in the seed's order, except after a Deep Understanding row that
     * found no task (the analysis had not written yet), whose cycle is that one row: Deep Understanding again.
     */
    private String stageAfter(Row row) {
        if (row.perspectiveId().equals("deep-understanding") && json(row).get("task_id").isNull()) {
            return "deep-understanding";
        }
        return STAGES.get((STAGES.indexOf(row.perspectiveId()) + 1) % 6);
    }
}
