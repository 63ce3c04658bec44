package dev.autocoder.workers.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.testsupport.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Many repositories in one process: real git repositories made in the test, listed in {@code autocoder.targets}
 * and a targets file, with the real application writing real files.
 */
class FleetTest {

    private static final String DATASET = "autocoder-analysis-results";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Map<String, Object> fleetProperties(Path store) {
        Map<String, Object> properties = App.fastWorkerProperties(temp, store);
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,security,performance");
        properties.put("autocoder.fleet.tick", "100ms");
        return properties;
    }

    @Test
    void eachTargetHasItsOwnRotationNumberingAndFolderAndRowsCarryItsId() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path beta = FleetRepositories.create(temp, "beta");
        Path gamma = FleetRepositories.create(temp, "gamma");
        Path targetsFile = temp.resolve("targets.yaml");
        Files.writeString(targetsFile, "targets:\n  - path: gamma\n");
        Path store = temp.resolve("store");
        Map<String, Object> properties = fleetProperties(store);
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", beta.toString());
        properties.put("autocoder.targets[1].perspectives.analysis", "security");
        properties.put("autocoder.targets-file", targetsFile.toString());
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(beta.toString(), null);
        String gammaId = TargetIds.of(gamma.toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            await("four rows on every target").atMost(Duration.ofMinutes(2)).until(() ->
                    rowsOf(store, alphaId).size() >= 4 && rowsOf(store, betaId).size() >= 4 && rowsOf(store, gammaId).size() >= 4);
        }
        for (String id : List.of(alphaId, betaId, gammaId)) {
            List<JsonNode> rows = rowsOf(store, id);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).path("iteration").asLong()).as("iteration numbers of %s", id).isEqualTo(i + 1);
                assertThat(rows.get(i).path("target_id").asText()).isEqualTo(id);
                assertThat(rows.get(i).path("status").asText()).as("row %s of %s", i, id).isIn("ok", "skipped");
            }
        }
        assertThat(perspectivesOf(rowsOf(store, alphaId))).startsWith("architecture", "security", "performance", "architecture");
        assertThat(perspectivesOf(rowsOf(store, gammaId))).startsWith("architecture", "security", "performance", "architecture");
        assertThat(perspectivesOf(rowsOf(store, betaId))).containsOnly("security");
        assertThat(rowsOf(store, alphaId).get(0).path("repository").asText()).isEqualTo(alpha.toString());
        assertThat(rowsOf(store, gammaId).get(0).path("repository").asText()).isEqualTo(gamma.toString());
        // the single target's layout (data/yyyy/...) holds nothing: every row is in its target's folder
        try (Stream<Path> folders = Files.list(store.resolve("local").resolve(DATASET).resolve("data"))) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(alphaId, betaId, gammaId);
        }
    }

    @Test
    void theTargetsFileIsReReadWhenItChanges() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        FleetRepositories.create(temp, "beta");
        Path targetsFile = temp.resolve("targets.yaml");
        Files.writeString(targetsFile, "targets:\n  - path: alpha\n");
        Path store = temp.resolve("store");
        Map<String, Object> properties = fleetProperties(store);
        properties.put("autocoder.targets-file", targetsFile.toString());
        String alphaId = TargetIds.of(alpha.toString(), null);
        String betaId = TargetIds.of(temp.resolve("beta").toRealPath().toString(), null);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            await("rows on alpha").atMost(Duration.ofMinutes(1)).until(() -> rowsOf(store, alphaId).size() >= 2);
            assertThat(rowsOf(store, betaId)).isEmpty();

            Files.writeString(targetsFile, "targets:\n  - path: beta\n    periods:\n      analysis: 50ms\n");
            await("rows on beta once the file lists it").atMost(Duration.ofMinutes(1)).until(() -> rowsOf(store, betaId).size() >= 2);
            // alpha left the list: its rows stop (one iteration may have been running when the file changed)
            int alphaRows = rowsOf(store, alphaId).size();
            await("beta goes on").atMost(Duration.ofMinutes(1)).until(() -> rowsOf(store, betaId).size() >= 6);
            assertThat(rowsOf(store, alphaId).size()).isLessThanOrEqualTo(alphaRows + 1);
        }
    }

    @Test
    void aSlowTargetDoesNotDelayAnotherTargetsRows() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Path store = temp.resolve("store");
        List<Socket> held = new CopyOnWriteArrayList<>();
        // a git server that takes the connection and never answers: the slow target's clone waits on it
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, Object> properties = fleetProperties(store);
            String slowUrl = "http://127.0.0.1:" + silent.getLocalPort() + "/slow.git";
            properties.put("autocoder.targets[0].git-url", slowUrl);
            properties.put("autocoder.targets[0].work-dir", temp.resolve("slow-clone").toString());
            properties.put("autocoder.targets[1].path", alpha.toString());
            String alphaId = TargetIds.of(alpha.toString(), null);
            try (ConfigurableApplicationContext context = App.start(properties)) {
                await("the slow target's clone is waiting").atMost(Duration.ofSeconds(30)).until(() -> !held.isEmpty());
                await("rows on the other target meanwhile").atMost(Duration.ofSeconds(50))
                        .until(() -> rowsOf(store, alphaId).size() >= 5);
                assertThat(held).hasSize(1); // still the first attempt: it has not answered
            } finally {
                closeAll(held);
            }
            // the shutdown abandoned the clone still waiting on the silent server: its iteration is one whole error row
            List<JsonNode> slowRows = rowsOf(store, TargetIds.of(slowUrl, null));
            assertThat(slowRows).hasSize(1);
            assertThat(slowRows.get(0).path("status").asText()).isEqualTo("error");
            assertThat(slowRows.get(0).toString()).contains("abandoned, the application is stopping");
        }
    }

    @Test
    void aTargetThatCannotWorkStopsStartUpNamingItsKey() throws Exception {
        Path alpha = FleetRepositories.create(temp, "alpha");
        Map<String, Object> properties = fleetProperties(temp.resolve("store"));
        properties.put("autocoder.targets[0].path", alpha.toString());
        properties.put("autocoder.targets[1].path", temp.resolve("missing").toString());
        assertThatThrownBy(() -> App.start(properties).close())
                .hasRootCauseInstanceOf(InvalidConfigurationException.class)
                .rootCause().hasMessageStartingWith("autocoder.targets[1].path: ").hasMessageContaining("does not exist");

        Map<String, Object> both = fleetProperties(temp.resolve("store"));
        both.put("autocoder.targets[0].path", alpha.toString());
        both.put("autocoder.targets[0].git-url", "https://example.org/a.git");
        assertThatThrownBy(() -> App.start(both).close())
                .rootCause().hasMessage("autocoder.targets[0].path: give exactly one of path and git-url");

        Map<String, Object> token = fleetProperties(temp.resolve("store"));
        token.put("autocoder.targets[0].git-url", "https://example.org/a.git");
        token.put("autocoder.targets[0].token-ref", "AUTOCODER_TEST_TOKEN_THAT_IS_NOT_SET");
        assertThatThrownBy(() -> App.start(token).close())
                .rootCause().hasMessageStartingWith("autocoder.targets[0].token-ref: names AUTOCODER_TEST_TOKEN_THAT_IS_NOT_SET");

        Map<String, Object> perspective = fleetProperties(temp.resolve("store"));
        perspective.put("autocoder.targets[0].path", alpha.toString());
        perspective.put("autocoder.targets[0].perspectives.analysis", "security,no-such-perspective");
        assertThatThrownBy(() -> App.start(perspective).close())
                .rootCause().hasMessageStartingWith("autocoder.targets[0].perspectives.analysis: unknown perspective 'no-such-perspective'");
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** A target's rows as its folder holds them, oldest first (file names sort by creation time). */
    static List<JsonNode> rowsOf(Path store, String targetId) {
        Path folder = store.resolve("local").resolve(DATASET).resolve("data").resolve(targetId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // only whole lines: the application may be appending the next row while this reads
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> perspectivesOf(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("perspective_id").asText()).toList();
    }
}
