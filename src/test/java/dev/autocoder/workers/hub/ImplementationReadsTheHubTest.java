package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.USER;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker in a process of its own (as in its Space), with an empty disk: it takes its tasks from
 * the analysis rows another process published to the (fake) Hub, and after a restart with an empty disk it goes on
 * with its numbering, the findings it has not taken on yet and its cumulative progress, all read from the Hub.
 */
class ImplementationReadsTheHubTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String DATASET = "autocoder-implementation-results";
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void picksItsTaskFromTheAnalysisRowsOnTheHub() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Map<String, Object> analysis = HubTestApp.properties(repo, temp.resolve("analysis-store"), hub);
        analysis.put("autocoder.workers.enabled", "analysis");
        analysis.put("autocoder.workers.analysis.perspectives", "code-quality");
        try (ConfigurableApplicationContext ignored = App.start(analysis)) {
            await("an analysis row on the Hub").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());
        }

        Path store = temp.resolve("implementation-store");
        Map<String, Object> implementation = HubTestApp.properties(repo, store, hub);
        implementation.put("autocoder.workers.enabled", "implementation");
        implementation.put("autocoder.workers.implementation.period", "100ms");
        implementation.put("autocoder.workers.implementation.delay", "0");
        DatasetStore rows = new DatasetStore(store, "local", 1 << 26, mapper, Clock.systemUTC());
        try (ConfigurableApplicationContext ignored = App.start(implementation)) {
            await("a complete cycle on the Hub").atMost(LIMIT).until(() -> hubImplementationRows().size() >= 6);
        }

        Row understanding = first(rows).orElseThrow();
        assertThat(understanding.status()).isEqualTo(Status.OK);
        assertThat(rows.rows("autocoder-analysis-results")).isEmpty();
        JsonNode task = mapper.valueToTree(understanding).get("analysis").get("task");
        assertThat(task.get("rule").asText()).isEqualTo("EmptyCatchBlock");
        assertThat(task.get("file").asText()).isEqualTo(ImplementationFixture.SRC + "Parser.java");
        assertThat(task.get("source_perspective").asText()).isEqualTo("code-quality");

        // the Space restarts with an empty disk: numbering, cycle and totals continue from the Hub
        List<Row> published = hubImplementationRows();
        JsonNode lastPublished = mapper.valueToTree(published.get(published.size() - 1)).get("cumulative_progress");
        Path fresh = temp.resolve("fresh-store");
        Map<String, Object> restarted = HubTestApp.properties(repo, fresh, hub);
        restarted.putAll(Map.of("autocoder.workers.enabled", "implementation", "autocoder.workers.implementation.period",
                "100ms", "autocoder.workers.implementation.delay", "0"));
        DatasetStore freshRows = new DatasetStore(fresh, "local", 1 << 26, mapper, Clock.systemUTC());
        try (ConfigurableApplicationContext context = App.start(restarted)) {
            // the application's own store: a second one opened on the live folder would cut a row being appended
            DatasetStore live = context.getBean(DatasetStore.class);
            await("a new Deep Understanding row").atMost(LIMIT).until(() -> first(live).isPresent());
        }
        List<Row> after = freshRows.rows(DATASET);
        assertThat(after.get(0).iteration()).isEqualTo(published.get(published.size() - 1).iteration() + 1);
        Row picked = first(freshRows).orElseThrow();
        JsonNode pickedJson = mapper.valueToTree(picked);
        Set<String> earlierFindings = new HashSet<>();
        published.stream().filter(r -> r.perspectiveId().equals("deep-understanding"))
                .forEach(r -> earlierFindings.add(mapper.valueToTree(r).get("finding_id").asText()));
        assertThat(earlierFindings).doesNotContain(pickedJson.get("finding_id").asText());
        // the cycle in progress at the restart may have finished first: compare with the row just before the pick
        int index = after.indexOf(picked);
        JsonNode before = index == 0 ? lastPublished
                : mapper.valueToTree(after.get(index - 1)).get("cumulative_progress");
        assertThat(before.get("tasks_started").asLong()).isEqualTo(lastPublished.get("tasks_started").asLong());
        assertThat(before.get("implementations_generated").asLong())
                .isGreaterThanOrEqualTo(lastPublished.get("implementations_generated").asLong()).isPositive();
        JsonNode progress = pickedJson.get("cumulative_progress");
        assertThat(progress.get("tasks_started").asLong()).isEqualTo(before.get("tasks_started").asLong() + 1);
        assertThat(progress.get("implementations_generated").asLong()).isEqualTo(before.get("implementations_generated").asLong());
        assertThat(progress.get("issues_discovered").asLong()).isEqualTo(before.get("issues_discovered").asLong());
    }

    /** The implementation rows on the fake Hub, oldest first. */
    private List<Row> hubImplementationRows() {
        Map<String, byte[]> files = new TreeMap<>(hub.files("dataset", USER + "/" + DATASET));
        List<Row> rows = new ArrayList<>();
        files.forEach((path, content) -> {
            if (path.startsWith("data/") && path.endsWith(".jsonl")) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        try {
                            rows.add(mapper.readValue(line, Row.class));
                        } catch (Exception e) {
                            throw new AssertionError("unreadable row on the Hub in " + path, e);
                        }
                    }
                }
            }
        });
        return rows;
    }

    private static Optional<Row> first(DatasetStore rows) {
        return rows.rows(DATASET).stream().filter(r -> r.perspectiveId().equals("deep-understanding")).findFirst();
    }
}
