package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.REPO;
import static dev.autocoder.workers.hub.HubTestApp.TOKEN;
import static dev.autocoder.workers.hub.HubTestApp.USER;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static dev.autocoder.workers.hub.HubTestApp.localRows;
import static org.assertj.core.api.Assertions.assertThat;

/** The application publishing its dataset to a fake Hub that enforces the Hub's protocol. */
@ExtendWith(OutputCaptureExtension.class)
class HubPublishingTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;
    private FixtureRepository fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = FixtureRepository.create(temp.resolve("repo"));
    }

    @Test
    void firstPublishCreatesAPrivateDatasetWithItsCardAndEveryRowLandsOnceInOrder(CapturedOutput output) throws Exception {
        Path store = temp.resolve("store");
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), store, hub);
        // rows come faster than commits, however loaded the machine: the batching below is then visible
        properties.put("autocoder.hub.commit-interval", "2s");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            // the Hub holds a commit's rows a moment before the application has read its answer and counted it
            await("rows on the Hub, their commit confirmed").atMost(LIMIT).until(() -> hub.exists("dataset", REPO)
                    && hubRows(hub, mapper).size() >= 4
                    && meters.find("autocoder.hub.commits").tag("dataset", DATASET).tag("outcome", "committed").counter() != null);
            String status = get(App.port(app), "/api/status");
            assertThat(status).contains("\"repo_id\":\"" + REPO + "\"").contains("\"url\":\"" + hub.uri() + "/datasets/" + REPO + "\"")
                    .doesNotContain(TOKEN);
            String page = get(App.port(app), "/");
            assertThat(page).contains("Datasets on the Hub").contains(DATASET).doesNotContain(TOKEN);
            assertThat(meters.find("autocoder.hub.commits").tag("dataset", DATASET).tag("outcome", "committed").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(meters.find("autocoder.hub.last.commit").tag("dataset", DATASET).gauge().value()).isPositive();
            assertThat(meters.find("autocoder.hub.outbox.pending").tag("dataset", DATASET).gauge()).isNotNull();
            assertThat(meters.find("autocoder.hub.request").tag("operation", "commit").timer().count()).isPositive();
        }
        // the final commit at shutdown sent what was left: the Hub holds exactly the local rows, in order
        assertThat(iterations(hubRows(hub, mapper))).isEqualTo(iterations(localRows(store)));
        assertThat(hub.isPrivate("dataset", REPO)).isTrue();
        assertThat(hub.violations()).isEmpty();

        String card = hub.fileText("dataset", REPO, "README.md");
        JsonNode front = new ObjectMapper(new YAMLFactory()).readTree(card.substring(4, card.indexOf("\n---\n", 4)));
        assertThat(front.path("configs").get(0).path("data_files").get(0).path("path").asText()).isEqualTo("data/*/*/*/*.jsonl");
        assertThat(hub.files("dataset", REPO).keySet()).filteredOn(p -> p.startsWith("data/"))
                .allMatch(p -> p.matches("data/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{9}Z-\\d{12}\\.jsonl"));
        // the card went with the first rows: one commit, never one per row
        List<FakeHub.Commit> commits = hub.commits("dataset", REPO);
        assertThat(commits.stream().filter(c -> c.paths().contains("README.md"))).hasSize(1);
        assertThat(commits.size()).isLessThan(localRows(store).size());

        assertNoTokenAnywhere(output, store);
    }

    @Test
    void rowsLandExactlyOnceThroughServerErrorsARateLimitAndALostAnswer(CapturedOutput output) throws Exception {
        Path store = temp.resolve("store");
        hub.failNext(FakeHub.Endpoint.COMMIT, 2, 503);
        hub.rateLimitNext(FakeHub.Endpoint.COMMIT, 1, 1);
        hub.applyThenDropNext(FakeHub.Endpoint.COMMIT, 1);
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), store, hub))) {
            await("the faults are used up and rows landed").atMost(LIMIT).until(
                    () -> hub.count(FakeHub.Endpoint.COMMIT) >= 5 && hubRows(hub, mapper).size() >= 6);
        }
        List<Long> onHub = iterations(hubRows(hub, mapper));
        assertThat(onHub).doesNotHaveDuplicates().isEqualTo(iterations(localRows(store)));
        // the lost answer was checked on the Hub before anything was sent again
        assertThat(hub.count(FakeHub.Endpoint.PATHS_INFO)).isPositive();
        assertThat(hub.violations()).isEmpty();
        assertNoTokenAnywhere(output, store);
    }

    @Test
    void filesTheHubWantsInLfsGoThroughLfsAndListingsArePaged() throws Exception {
        Path store = temp.resolve("store");
        hub.setLfsThreshold(300);
        hub.setTreePageSize(2);
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), store, hub))) {
            await("rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= 4);
        }
        assertThat(iterations(hubRows(hub, mapper))).isEqualTo(iterations(localRows(store)));
        assertThat(hub.files("dataset", REPO).keySet()).filteredOn(p -> p.startsWith("data/"))
                .isNotEmpty().allMatch(p -> hub.isLfs("dataset", REPO, p));
        assertThat(hub.count(FakeHub.Endpoint.LFS_BATCH)).isPositive();
        assertThat(hub.count(FakeHub.Endpoint.LFS_UPLOAD)).isPositive();

        // a restart on an empty disk walks the paged listing newest first
        Path emptyDisk = temp.resolve("empty");
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), emptyDisk, hub))) {
            DatasetStore local = app.getBean(DatasetStore.class);
            await("a row on the new disk").atMost(LIMIT).until(() -> !local.rows(DATASET).isEmpty());
            List<Row> published = localRows(store);
            assertThat(local.rows(DATASET).get(0).iteration()).isGreaterThan(published.get(published.size() - 1).iteration());
        }
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void aCrashBetweenSendingAndConfirmingNeverDuplicatesRows() throws Exception {
        Path store = temp.resolve("store");
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), store, hub);
        // rows are there by the first commit, which then carries rows and the card
        properties.put("autocoder.hub.commit-interval", "3s");
        hub.applyThenDropNext(FakeHub.Endpoint.COMMIT, 1);
        // the process dies before it learns the outcome: it cannot ask the Hub about it until it is gone
        hub.failNext(FakeHub.Endpoint.PATHS_INFO, 100_000, 503);
        Path state = store.resolve(".state/hub/local/" + DATASET + ".json");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            await("the first commit landed unanswered").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());
            await("the commit recorded as in flight").atMost(LIMIT).until(() -> Files.exists(state) && read(state).has("inFlight"));
        }
        assertThat(read(state).has("inFlight")).isTrue();
        hub.clearFaults();
        int commitsBefore = hub.commits("dataset", REPO).size();
        // the restart's first tick checks the commit in flight: the usual short interval, not the first run's 3s
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), store, hub))) {
            DatasetStore local = app.getBean(DatasetStore.class);
            await("more rows published").atMost(LIMIT).until(() -> hub.commits("dataset", REPO).size() > commitsBefore
                    && hubRows(hub, mapper).size() >= local.rows(DATASET).size() - 2);
        }
        assertThat(iterations(hubRows(hub, mapper))).doesNotHaveDuplicates().isEqualTo(iterations(localRows(store)));
        // the unanswered commit was found on the Hub, not sent again: the card was committed once
        assertThat(hub.commits("dataset", REPO).stream().filter(c -> c.paths().contains("README.md"))).hasSize(1);
    }

    @Test
    void aRestartWithAnEmptyDiskContinuesTheNumberingFromTheHub() throws Exception {
        Path firstDisk = temp.resolve("disk-1");
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), firstDisk, hub))) {
            await("rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= 3);
        }
        List<Row> published = hubRows(hub, mapper);
        Row last = published.get(published.size() - 1);

        Path secondDisk = temp.resolve("disk-2");
        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), secondDisk, hub))) {
            DatasetStore store = app.getBean(DatasetStore.class);
            await("a row on the new disk").atMost(LIMIT).until(() -> !store.rows(DATASET).isEmpty());
            Row first = store.rows(DATASET).get(0);
            assertThat(first.iteration()).isEqualTo(last.iteration() + 1);
            assertThat(first.perspectiveId()).isNotEqualTo(last.perspectiveId());
        }
        List<Long> all = iterations(hubRows(hub, mapper));
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void aRejectedTokenKeepsRowsLocallyAndSaysSoWithoutTheToken(CapturedOutput output) throws Exception {
        Path store = temp.resolve("store");
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), store, hub);
        String revoked = "hf_" + "Revoked" + "Zyxwvutsrqponmlkjihgfedcba98765";
        properties.put("autocoder.hub.token", revoked);
        properties.put("autocoder.hub.owner", USER);
        try (ConfigurableApplicationContext app = App.start(properties)) {
            DatasetStore local = app.getBean(DatasetStore.class);
            await("the rejection shown").atMost(LIMIT).until(() -> get(App.port(app), "/api/status").contains("token-rejected"));
            await("rows keep accumulating").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= 4);
            String status = get(App.port(app), "/api/status");
            assertThat(status).contains("Hub rejected the token").doesNotContain(revoked);
            assertThat(get(App.port(app), "/")).contains("token-rejected").doesNotContain(revoked);
            int attempts = hub.requests().size();
            await("a few more ticks").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= 6);
            // retried slowly: not on every tick
            assertThat(hub.requests().size()).isEqualTo(attempts);
        }
        assertThat(hub.exists("dataset", REPO)).isFalse();
        assertNoTokenAnywhere(output, store, revoked);
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private void assertNoTokenAnywhere(CapturedOutput output, Path store, String... more) throws Exception {
        for (String token : Stream.concat(Stream.of(TOKEN), Stream.of(more)).toList()) {
            assertThat(output.getAll()).doesNotContain(token);
            try (Stream<Path> files = Files.walk(store)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(token);
                }
            }
        }
    }

    static String get(int port, String path) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().map().toString()).doesNotContain(TOKEN);
            return answer.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
