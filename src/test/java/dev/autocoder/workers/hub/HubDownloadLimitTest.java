package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.hub.HubTestApp.REPO;
import static dev.autocoder.workers.hub.HubTestApp.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A file read from the Hub is held whole, so one larger than {@code autocoder.hub.max-download-size} is not read,
 * whatever its Content-Length says: a hostile or foreign dataset cannot exhaust the heap, and the dashboard reading
 * the Hub shows the other files' rows and says which file it passed over.
 */
class HubDownloadLimitTest extends WithFakeHub {

    private static final String SMALL = "data/2026/12/04/20261204T100000000Z-000000000000.jsonl";
    private static final String LARGE = "data/2026/12/04/20261204T110000000Z-000000000000.jsonl";
    private final ObjectMapper mapper = AutocoderJson.newObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aFileLargerThanTheLimitIsNotReadWhateverItsLengthSays() throws Exception {
        byte[] small = rows(1, 2);
        byte[] large = rows(3, 400);
        hub.putFile("dataset", REPO, SMALL, small);
        hub.putFile("dataset", REPO, LARGE, large);
        HubClient client = client(hub.uri(), DataSize.ofKilobytes(16));

        assertThat(client.download(RepoType.DATASET, REPO, "main", SMALL)).isEqualTo(small);
        assertThat(large.length).isGreaterThan(16 * 1024);
        assertThatThrownBy(() -> client.download(RepoType.DATASET, REPO, "main", LARGE))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubException.Kind.TOO_LARGE);
                    assertThat(e.getMessage()).contains(LARGE, large.length + " bytes", "autocoder.hub.max-download-size")
                            .doesNotContain(TOKEN);
                });

        // an answer without a length (chunked) is cut off at the limit too
        HttpServer endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endless.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] line = "{\"worker\":\"analysis\"}\n".repeat(400).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) {
                    body.write(line);
                }
            } catch (IOException closedByTheClient) {
                // expected: the client stops reading at the limit
            }
        });
        endless.start();
        try {
            HubClient chunked = client(URI.create("http://127.0.0.1:" + endless.getAddress().getPort()),
                    DataSize.ofKilobytes(16));
            assertThatThrownBy(() -> chunked.download(RepoType.DATASET, REPO, "main", LARGE))
                    .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.getMessage())
                            .contains(LARGE + ": the file is larger than autocoder.hub.max-download-size (16384 bytes)"));
        } finally {
            endless.stop(0);
        }
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void theDashboardPassesOverAFileTooLargeToReadAndShowsTheOthers() throws Exception {
        hub.putFile("dataset", REPO, SMALL, rows(1, 2));
        hub.putFile("dataset", REPO, LARGE, rows(3, 400));
        Files.createDirectories(temp.resolve("nothing-to-analyze"));
        Map<String, Object> dashboard = HubTestApp.properties(temp.resolve("nothing-to-analyze"), temp.resolve("store"), hub);
        dashboard.put("autocoder.workers.enabled", "none");
        dashboard.put("autocoder.dashboard.source", "hub");
        dashboard.put("autocoder.dashboard.hub-refresh", "200ms");
        dashboard.put("autocoder.hub.max-file-size", "8KB");
        dashboard.put("autocoder.hub.max-download-size", "16KB");
        try (ConfigurableApplicationContext app = App.start(dashboard)) {
            int port = App.port(app);
            await("the small file's rows shown").atMost(Duration.ofMinutes(1)).until(
                    () -> HubPublishingTest.get(port, "/api/workers/analysis").contains("\"iterations\":2"));
            JsonNode dataset = mapper.readTree(HubPublishingTest.get(port, "/api/status")).path("datasets").get(0);
            assertThat(dataset.path("state").asText()).isEqualTo("read");
            assertThat(dataset.path("detail").asText()).contains(LARGE, "is larger than autocoder.hub.max-download-size");

            // passed over once: later refreshes do not download it again
            int downloads = hub.count(dev.autocoder.workers.testsupport.FakeHub.Endpoint.RESOLVE);
            int revisions = hub.count(dev.autocoder.workers.testsupport.FakeHub.Endpoint.REPO_INFO);
            await("more refreshes").atMost(Duration.ofMinutes(1))
                    .until(() -> hub.count(dev.autocoder.workers.testsupport.FakeHub.Endpoint.REPO_INFO) >= revisions + 3);
            assertThat(hub.count(dev.autocoder.workers.testsupport.FakeHub.Endpoint.RESOLVE)).isEqualTo(downloads);
        }
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void aLimitBelowTheFilesThisApplicationWritesIsRefused() {
        HubProperties settings = new HubProperties();
        settings.setMaxDownloadSize(DataSize.ofMegabytes(4));
        assertThatThrownBy(() -> HubConfiguration.validate(settings))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("autocoder.hub.max-download-size: must be at least autocoder.hub.max-file-size (8388608B)");
    }

    private HubClient client(URI endpoint, DataSize limit) {
        HubProperties settings = new HubProperties();
        settings.setEndpoint(endpoint);
        settings.setToken(TOKEN);
        settings.setMaxFileSize(DataSize.ofKilobytes(8));
        settings.setMaxDownloadSize(limit);
        settings.setRequestTimeout(Duration.ofSeconds(10));
        return new HubClient(settings, null, mapper);
    }

    /** Analysis rows {@code from} to {@code to}, one JSON line each, as a data file holds them. */
    private byte[] rows(long from, long to) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (long i = from; i <= to; i++) {
            lines.append(mapper.writeValueAsString(Rows.row(i, "architecture", List.of()))).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
