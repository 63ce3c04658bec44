package dev.autocoder.workers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dashboard.WorkerControl;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The implementation worker's first iteration waits for the analysis worker's first row (routes/workers.yaml
 * {@code waitFor: analysis}): the real application on the shop fixture, an analysis worker whose own schedule never
 * fires during the test (its rows come only when the test asks with Run now), and the real store in a temp folder.
 */
class FirstIterationWaitTest {

    static final String IMPLEMENTATION = "autocoder-implementation-results";
    static final String ANALYSIS = "autocoder-analysis-results";
    static final String WAITING = "waiting for the analysis worker's first row";

    @TempDir
    Path temp;

    private Map<String, Object> properties() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(repo, temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis,implementation");
        properties.put("autocoder.workers.analysis.perspectives", "code-quality");
        properties.put("autocoder.workers.analysis.delay", "1h");
        properties.put("autocoder.workers.implementation.period", "100ms");
        properties.put("autocoder.workers.implementation.delay", "0");
        return properties;
    }

    @Test
    void theFirstStageWaitsWithoutARowUntilTheFirstAnalysisRowThenRunsAsIterationOne() throws Exception {
        try (ConfigurableApplicationContext context = App.start(properties())) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("the implementation worker says it waits").atMost(Duration.ofMinutes(1))
                    .until(() -> health(context).startsWith(WAITING));
            // twenty periods of 100 ms: a tick that did not wait would have written rows by now
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> store.rows(IMPLEMENTATION).isEmpty() && health(context).startsWith(WAITING));
            assertThat(context.getBean(WorkerRegistry.class).find("implementation").orElseThrow().nextIteration()).isEqualTo(1);

            context.getBean(WorkerControl.class).runNow("analysis");
            await("the first implementation row").atMost(Duration.ofMinutes(2)).until(() -> !store.rows(IMPLEMENTATION).isEmpty());
            Row first = store.rows(IMPLEMENTATION).get(0);
            Row analysis = store.rows(ANALYSIS).get(0);
            assertThat(first.iteration()).isEqualTo(1);
            assertThat(first.perspectiveId()).isEqualTo("deep-understanding");
            // it picked its task from that analysis row: no "no analysis rows yet" skip
            assertThat(first.status()).isEqualTo(Status.OK);
            assertThat(java.time.Instant.parse(first.timestamp())).isAfterOrEqualTo(java.time.Instant.parse(analysis.timestamp()));
            assertThat(health(context)).doesNotStartWith(WAITING);
        }
    }

    @Test
    void aStopWhileWaitingEndsTheTickWithoutARowAndAfterStartTheWorkerWaitsAgain() throws Exception {
        try (ConfigurableApplicationContext context = App.start(properties())) {
            DatasetStore store = context.getBean(DatasetStore.class);
            WorkerControl control = context.getBean(WorkerControl.class);
            CamelContext camel = context.getBean(CamelContext.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> health(context).startsWith(WAITING));

            control.stop("implementation");
            // the waiting tick ends at once: Camel's suspension does not sit out its 20 s in-flight timeout
            await("the route suspended").atMost(Duration.ofSeconds(20))
                    .until(() -> camel.getRouteController().getRouteStatus("implementation-worker") == ServiceStatus.Suspended);
            assertThat(workerJson(context).get("state").asText()).isEqualTo("stopped");
            assertThat(store.rows(IMPLEMENTATION)).isEmpty();

            control.start("implementation");
            assertThat(camel.getRouteController().getRouteStatus("implementation-worker")).isEqualTo(ServiceStatus.Started);
            await("waiting again").atMost(Duration.ofMinutes(1)).until(() -> health(context).startsWith(WAITING));
            assertThat(store.rows(IMPLEMENTATION)).isEmpty();

            control.runNow("analysis");
            await("the first implementation row").atMost(Duration.ofMinutes(2)).until(() -> !store.rows(IMPLEMENTATION).isEmpty());
            assertThat(store.rows(IMPLEMENTATION).get(0).iteration()).isEqualTo(1);
            assertThat(store.rows(IMPLEMENTATION).get(0).perspectiveId()).isEqualTo("deep-understanding");
        }
    }

    @Test
    void afterTheLongestWaitTheFirstIterationRunsWithoutTheAnalysisRow() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("autocoder.workers.implementation.analysis-wait", "1s");
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("the first implementation row").atMost(Duration.ofMinutes(1)).until(() -> !store.rows(IMPLEMENTATION).isEmpty());
            assertThat(store.rows(ANALYSIS)).isEmpty();
            List<Row> rows = store.rows(IMPLEMENTATION);
            assertThat(rows.get(0).iteration()).isEqualTo(1);
            assertThat(rows.get(0).perspectiveId()).isEqualTo("deep-understanding");
        }
    }

    /** The implementation worker as GET /api/workers/implementation shows it. */
    private static JsonNode workerJson(ConfigurableApplicationContext context) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + App.port(context) + "/api/workers/implementation")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(answer.body());
        return body.has("worker") && body.get("worker").isObject() ? body.get("worker") : body;
    }

    private static String health(ConfigurableApplicationContext context) throws Exception {
        return workerJson(context).path("health").asText("");
    }
}
