package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.Await;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.worker.Row;
import dev.autocoder.workers.worker.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.autocoder.workers.hub.HubTestApp.TOKEN;
import static dev.autocoder.workers.hub.HubTestApp.USER;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker in a process of its own (as in its Space), with an empty disk: it takes its tasks from
 * the analysis rows another process published to the (fake) Hub.
 */
class ImplementationReadsTheHubTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String DATASET = "autocoder-implementation-results";
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;
    private FakeHub hub;

    @BeforeEach
    void startHub() {
        hub = FakeHub.start();
        hub.addUser(USER, TOKEN, false);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void picksItsTaskFromTheAnalysisRowsOnTheHub() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Map<String, Object> analysis = HubTestApp.properties(repo, temp.resolve("analysis-store"), hub);
        analysis.put("autocoder.workers.enabled", "analysis");
        analysis.put("autocoder.workers.analysis.perspectives", "code-quality");
        try (ConfigurableApplicationContext ignored = App.start(analysis)) {
            Await.until("an analysis row on the Hub", LIMIT, () -> !hubRows(hub, mapper).isEmpty());
        }

        Path store = temp.resolve("implementation-store");
        Map<String, Object> implementation = HubTestApp.properties(repo, store, hub);
        implementation.put("autocoder.workers.enabled", "implementation");
        implementation.put("autocoder.workers.implementation.period", "100ms");
        implementation.put("autocoder.workers.implementation.delay", "0");
        DatasetStore rows = new DatasetStore(store, "local", 1 << 26, mapper, Clock.systemUTC());
        try (ConfigurableApplicationContext ignored = App.start(implementation)) {
            Await.until("a Deep Understanding row", LIMIT, () -> first(rows).isPresent());
        }

        Row understanding = first(rows).orElseThrow();
        assertThat(understanding.status()).isEqualTo(Status.OK);
        assertThat(rows.rows("autocoder-analysis-results")).isEmpty();
        JsonNode task = mapper.valueToTree(understanding).get("analysis").get("task");
        assertThat(task.get("rule").asText()).isEqualTo("UnusedPrivateField");
        assertThat(task.get("file").asText()).isEqualTo(ImplementationFixture.SRC + "Inventory.java");
        assertThat(task.get("source_perspective").asText()).isEqualTo("code-quality");
    }

    private static Optional<Row> first(DatasetStore rows) {
        return rows.rows(DATASET).stream().filter(r -> r.perspectiveId().equals("deep-understanding")).findFirst();
    }
}
