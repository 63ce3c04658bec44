package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static dev.autocoder.workers.hub.HubTestApp.localRows;
import static org.assertj.core.api.Assertions.assertThat;

/** A graceful shutdown publishes once more whatever the backoff; only the Hub's own Retry-After stops it. */
@ExtendWith(OutputCaptureExtension.class)
class HubShutdownTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    private Map<String, Object> properties(Path store) throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), store, hub);
        // the production backoff: a shutdown falls inside it
        properties.put("autocoder.hub.initial-backoff", "30s");
        properties.put("autocoder.hub.max-backoff", "5m");
        return properties;
    }

    @Test
    void aShutdownInsideTheBackoffAfterA500StillPublishesEveryRow() throws Exception {
        Path store = temp.resolve("store");
        try (ConfigurableApplicationContext app = App.start(properties(store))) {
            DatasetStore local = app.getBean(DatasetStore.class);
            await("a first commit").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());
            int commits = hub.count(FakeHub.Endpoint.COMMIT);
            hub.failNext(FakeHub.Endpoint.COMMIT, 1, 500);
            await("the 500 answered").atMost(LIMIT).until(() -> hub.count(FakeHub.Endpoint.COMMIT) > commits
                    && HubPublishingTest.get(App.port(app), "/api/status").contains("\"state\":\"retrying\""));
            int onHub = hubRows(hub, mapper).size();
            await("rows written during the backoff").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= onHub + 3);
        }
        assertThat(iterations(hubRows(hub, mapper))).doesNotHaveDuplicates().isEqualTo(iterations(localRows(store)));
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void aRetryAfterStillRunningAtShutdownIsHonouredAndTheUnpublishedRowsAreCounted(CapturedOutput output) throws Exception {
        Path store = temp.resolve("store");
        HubSync sync;
        int commitsAtShutdown;
        try (ConfigurableApplicationContext app = App.start(properties(store))) {
            DatasetStore local = app.getBean(DatasetStore.class);
            sync = app.getBean(HubSync.class);
            await("a first commit").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());
            int commits = hub.count(FakeHub.Endpoint.COMMIT);
            hub.rateLimitNext(FakeHub.Endpoint.COMMIT, 1, 600);
            await("the 429 answered").atMost(LIMIT).until(() -> hub.count(FakeHub.Endpoint.COMMIT) > commits
                    && HubPublishingTest.get(App.port(app), "/api/status").contains("\"state\":\"rate-limited\""));
            int onHub = hubRows(hub, mapper).size();
            await("rows written while rate-limited").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= onHub + 3);
            commitsAtShutdown = hub.count(FakeHub.Endpoint.COMMIT);
        }
        assertThat(hub.count(FakeHub.Endpoint.COMMIT)).as("no commit against the Hub's Retry-After").isEqualTo(commitsAtShutdown);
        long unpublished = localRows(store).size() - hubRows(hub, mapper).size();
        assertThat(unpublished).isPositive();
        assertThat(output.getAll()).contains(unpublished + " rows of " + DATASET + " stay unpublished");
        PublishStatus status = sync.status(DATASET).orElseThrow();
        assertThat(status.pendingRows()).isEqualTo(unpublished);
        assertThat(status.detail()).contains(unpublished + " rows stay unpublished");
    }
}
