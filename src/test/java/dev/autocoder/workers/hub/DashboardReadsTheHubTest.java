package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.REPO;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard on its own (no worker, autocoder.dashboard.source=hub), showing the rows a worker in another
 * process published, and downloading each file once.
 */
class DashboardReadsTheHubTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void showsTheWorkersRowsFromTheHubAndDownloadsOnlyFilesItHasNotSeen() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> worker = HubTestApp.properties(fixture.root(), temp.resolve("worker-store"), hub);
        try (ConfigurableApplicationContext app = App.start(worker)) {
            await("rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= 3);
        }
        int published = hubRows(hub, mapper).size();

        Map<String, Object> dashboard = HubTestApp.properties(temp.resolve("nothing-to-analyze"), temp.resolve("dash-store"), hub);
        java.nio.file.Files.createDirectories(temp.resolve("nothing-to-analyze"));
        dashboard.put("autocoder.workers.enabled", "none");
        dashboard.put("autocoder.dashboard.source", "hub");
        dashboard.put("autocoder.dashboard.hub-refresh", "200ms");
        try (ConfigurableApplicationContext app = App.start(dashboard)) {
            int port = App.port(app);
            await("the published rows shown").atMost(LIMIT).until(
                    () -> HubPublishingTest.get(port, "/api/workers/analysis").contains("\"iterations\":" + published));
            JsonNode status = mapper.readTree(HubPublishingTest.get(port, "/api/status"));
            assertThat(status.path("source").asText()).isEqualTo("the Hugging Face Hub");
            assertThat(status.path("datasets").get(0).path("state").asText()).isEqualTo("read");
            assertThat(status.path("workers").get(0).path("worker").asText()).isEqualTo("analysis");
            String page = HubPublishingTest.get(port, "/workers/analysis");
            assertThat(page).contains("runs in another process").doesNotContain("id=\"stop-button\"");

            // nothing new on the Hub: refreshes ask for the revision only
            int downloads = hub.count(FakeHub.Endpoint.RESOLVE);
            int listings = hub.count(FakeHub.Endpoint.TREE);
            int revisions = hub.count(FakeHub.Endpoint.REPO_INFO);
            await("more refreshes").atMost(LIMIT).until(() -> hub.count(FakeHub.Endpoint.REPO_INFO) >= revisions + 3);
            assertThat(hub.count(FakeHub.Endpoint.RESOLVE)).isEqualTo(downloads);
            assertThat(hub.count(FakeHub.Endpoint.TREE)).isEqualTo(listings);

            // a worker publishes more: only the new file is downloaded
            try (ConfigurableApplicationContext again = App.start(worker)) {
                await("more rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= published + 2);
            }
            int total = hubRows(hub, mapper).size();
            int filesBefore = downloads;
            await("the new rows shown").atMost(LIMIT).until(
                    () -> HubPublishingTest.get(port, "/api/workers/analysis").contains("\"iterations\":" + total));
            long dataFiles = hub.files("dataset", REPO).keySet().stream().filter(p -> p.startsWith("data/")).count();
            assertThat(hub.count(FakeHub.Endpoint.RESOLVE)).isLessThanOrEqualTo(filesBefore + (int) dataFiles);
        }
        assertThat(hub.violations()).isEmpty();
    }
}
