package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.dashboard.DashboardRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers (analysis and a test "sidecar"), no admin token: the status line from operational through
 * partial to offline (a stopped worker; a clock shifted past the stale limit), the loopback rule, and whether a
 * stopped worker stays stopped across restarts.
 */
class DashboardStatusTest {

    private static final String SIDECAR = "sidecar-results";
    private static final String ANALYSIS = "autocoder-analysis-results";

    @TempDir
    Path temp;

    @Test
    void statusTransitionsLoopbackControlsAndRememberedStops() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), storePath);
        // pinned: the status figures below count exactly these workers
        properties.put("autocoder.workers.enabled", "analysis,sidecar");
        properties.put("autocoder.workers.analysis.perspectives", "architecture");
        properties.put("autocoder.workers.analysis.period", "300ms");
        properties.put("camel.main.routes-include-pattern", "classpath:routes/*.yaml,classpath:dashboard-test/*.yaml");

        try (ConfigurableApplicationContext app = App.start(properties, SidecarWorker.class)) {
            Http http = new Http(App.port(app));
            DatasetStore store = app.getBean(DatasetStore.class);
            await("rows of both workers").atMost(Duration.ofMinutes(1)).until(
                    () -> store.rows(SIDECAR).size() >= 2 && store.rows(ANALYSIS).size() >= 2);
            // read again until a fresh row: a stall longer than three periods says "stale" in between
            await("operational").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("label").asText()
                    .equals("All Systems Operational"));
            JsonNode status = json(http.get("/api/status"));
            assertThat(status.get("workers_total").asInt()).isEqualTo(2);

            // no admin token: a form from this machine with a CSRF token may stop a worker
            String csrf = http.csrfFrom("/workers/sidecar");
            assertThat(http.get("/workers/sidecar").body()).contains("No admin token is configured");
            HttpResponse<String> stop = http.postForm("/workers/sidecar/stop", Http.fields("_csrf", csrf), "Origin", http.base());
            assertThat(stop.statusCode()).isEqualTo(303);
            assertThat(stop.headers().firstValue("Location")).hasValue("/workers/sidecar");
            await("partial").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("status").asText().equals("partial"));
            status = json(http.get("/api/status"));
            assertThat(status.get("label").asText()).isEqualTo("Partial Operation (1/2 workers)");
            await("the page says partial").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(http.get("/").body()).contains("Partial Operation (1/2 workers)"));
            // a script on this machine takes its form token from /api/csrf; a Bearer token means nothing here
            String scriptCsrf = json(http.get("/api/csrf")).get("token").asText();
            assertThat(http.postForm("/workers/sidecar/run", Http.fields("_csrf", scriptCsrf)).statusCode()).isEqualTo(303);
            assertThat(http.post("/workers/sidecar/run", "Authorization", "Bearer guess").statusCode()).isEqualTo(403);

            // an hour later without a row, the running analysis worker is stale: offline, and health fails
            SidecarWorker.ShiftedClock clock = app.getBean(SidecarWorker.ShiftedClock.class);
            clock.shift(Duration.ofHours(1));
            status = json(http.get("/api/status"));
            assertThat(status.get("label").asText()).isEqualTo("System Offline");
            JsonNode analysis = json(http.get("/api/workers/analysis")).get("worker");
            assertThat(analysis.get("state").asText()).isEqualTo("stale");
            assertThat(analysis.get("health").asText()).startsWith("stale: last row 1 h");
            assertThat(http.get("/").body()).contains("<span class=\"state state-stale\">stale</span>");
            HttpResponse<String> health = http.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode workers = json(health).get("components").get("workers");
            assertThat(workers.get("status").asText()).isEqualTo("DOWN");
            assertThat(workers.get("details").get("workers").get("analysis").get("stale").asBoolean()).isTrue();
            assertThat(workers.get("details").get("workers").get("sidecar").get("state").asText()).isEqualTo("stopped");
            clock.shift(Duration.ZERO);
            await("partial again").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("status").asText().equals("partial"));
            await("healthy again").atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health").statusCode() == 200);
        }
        assertThat(Files.readString(storePath.resolve(".state/stopped-workers.json"))).isEqualTo("{\"sidecar\":\"sidecar-worker\"}");

        // restarted: the stopped worker stays stopped (its route does not even start) until Start
        try (ConfigurableApplicationContext app = App.start(properties, SidecarWorker.class)) {
            Http http = new Http(App.port(app));
            DatasetStore store = app.getBean(DatasetStore.class);
            CamelContext camel = app.getBean(CamelContext.class);
            int sidecarRows = store.rows(SIDECAR).size();
            int analysisRows = store.rows(ANALYSIS).size();
            assertThat(camel.getRouteController().getRouteStatus("sidecar-worker")).isEqualTo(ServiceStatus.Stopped);
            assertThat(json(http.get("/api/workers/sidecar")).get("worker").get("state").asText()).isEqualTo("stopped");
            await("analysis writes on").atMost(Duration.ofMinutes(1)).until(() -> store.rows(ANALYSIS).size() >= analysisRows + 3);
            assertThat(store.rows(SIDECAR)).hasSize(sidecarRows);

            String csrf = http.csrfFrom("/workers/sidecar");
            assertThat(http.postForm("/workers/sidecar/start", Http.fields("_csrf", csrf)).statusCode()).isEqualTo(303);
            assertThat(camel.getRouteController().getRouteStatus("sidecar-worker")).isEqualTo(ServiceStatus.Started);
            await("sidecar writes again").atMost(Duration.ofMinutes(1)).until(() -> store.rows(SIDECAR).size() >= sidecarRows + 2);
            await("operational again").atMost(Duration.ofSeconds(30)).until(() -> json(http.get("/api/status")).get("label").asText()
                    .equals("All Systems Operational"));
            assertThat(http.postForm("/workers/sidecar/stop", Http.fields("_csrf", csrf)).statusCode()).isEqualTo(303);
        }

        // with remember-stopped=false a restart runs every worker and forgets the stop
        properties.put("autocoder.dashboard.remember-stopped", "false");
        try (ConfigurableApplicationContext app = App.start(properties, SidecarWorker.class)) {
            DatasetStore store = app.getBean(DatasetStore.class);
            int sidecarRows = store.rows(SIDECAR).size();
            assertThat(app.getBean(CamelContext.class).getRouteController().getRouteStatus("sidecar-worker"))
                    .isEqualTo(ServiceStatus.Started);
            await("sidecar runs").atMost(Duration.ofMinutes(1)).until(() -> store.rows(SIDECAR).size() >= sidecarRows + 2);
            assertThat(Files.readString(storePath.resolve(".state/stopped-workers.json"))).isEqualTo("{}");
        }
    }
}
