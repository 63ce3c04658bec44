package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.Rows;
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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application keeps its gate's history at shutdown and starts from it: it reads only the analysis rows
 * written since, and still knows the result at the new-code baseline after the store's retention removed its rows.
 */
@ExtendWith(OutputCaptureExtension.class)
class GateHistoryRestartTest {

    private final ObjectMapper mapper = AutocoderJson.newObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void aRestartStartsFromTheCheckpointAndKeepsTheBaselineResultTheRetentionRemoved(CapturedOutput output) throws Exception {
        GateRepository repo = GateRepository.create(temp.resolve("repo"));
        Path storeRoot = temp.resolve("store");
        Instant now = Instant.now();
        // the release analyzed 40 days ago, HEAD yesterday, each row in a data file of its own
        DatasetStore rows = new DatasetStore(storeRoot, "local", 1, mapper, Clock.systemUTC());
        rows.append(GateRows.DATASET, GateRepository.row(1, repo.releaseCommit, now.minus(Duration.ofDays(40)).toString(),
                List.of(GateRepository.oldFinding(4))));
        Path releaseFile = dataFiles(storeRoot).get(0);
        Files.setLastModifiedTime(releaseFile, FileTime.from(now.minus(Duration.ofDays(40))));
        rows.append(GateRows.DATASET, GateRepository.row(2, repo.headCommit, now.minus(Duration.ofDays(1)).toString(),
                List.of(GateRepository.newFinding(Severity.HIGH), GateRepository.oldFinding(9))));
        // the analysis worker is on (its dataset is the gate's) but does not iterate: the gate is the rows' alone
        Map<String, Object> properties = App.fastWorkerProperties(repo.root, storeRoot);
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.delay", "1h");
        properties.put("autocoder.store.retention", "0");

        try (ConfigurableApplicationContext app = App.start(properties)) {
            JsonNode gate = gate(app);
            assertThat(gate.at("/new_code/commit").asText()).isEqualTo(repo.releaseCommit);
            assertThat(gate.at("/perspectives/0/new").asInt()).isEqualTo(1);
        }
        Path checkpoint = storeRoot.resolve(".state/gate-" + GateRows.DATASET + ".json");
        assertThat(checkpoint).isRegularFile();
        assertThat(output.getOut()).contains("Quality gate history rebuilt from 2 rows");

        // the retention removes the release's file; a row comes after the checkpoint (the new finding fixed)
        Files.delete(releaseFile);
        rows.append(GateRows.DATASET, GateRepository.row(3, repo.headCommit, now.toString(), List.of(GateRepository.oldFinding(9))));
        try (ConfigurableApplicationContext app = App.start(properties)) {
            JsonNode gate = gate(app);
            assertThat(gate.at("/new_code/commit").asText()).as("the baseline from the checkpoint").isEqualTo(repo.releaseCommit);
            assertThat(gate.at("/perspectives/0/new").asInt()).as("the row written since").isZero();
            assertThat(gate.at("/perspectives/0/unchanged").asInt()).isEqualTo(1);
        }
        // of the two files changed since an hour before the checkpoint, only the row after it is taken
        assertThat(output.getOut()).containsPattern("Quality gate history rebuilt from 1 rows in \\d+ ms \\(its checkpoint of ");

        // a checkpoint ahead of the store's rows (a store replaced) is not used: the rows alone lack the baseline
        ObjectNode ahead = (ObjectNode) mapper.readTree(checkpoint.toFile());
        ahead.put("newestIteration", 99);
        mapper.writeValue(checkpoint.toFile(), ahead);
        try (ConfigurableApplicationContext app = App.start(properties)) {
            JsonNode gate = gate(app);
            assertThat(gate.get("status").asText()).isEqualTo("unknown");
            assertThat(gate.at("/new_code/reason").asText()).contains("no analysis row is 30 days old");
        }
        assertThat(output.getOut()).contains("Quality gate: its checkpoint ends at iteration 99 but the store's analysis rows at 3");
    }

    /** With a list of targets each target's gate keeps its own checkpoint, {@code {dataset}.{target_id}}. */
    @Test
    void eachListedTargetsGateStartsFromItsOwnCheckpoint(CapturedOutput output) throws Exception {
        Path storeRoot = temp.resolve("store");
        DatasetStore rows = new DatasetStore(storeRoot, "local", 1, mapper, Clock.systemUTC());
        Instant now = Instant.now();
        Map<String, Object> properties = App.fastWorkerProperties(temp, storeRoot);
        properties.remove("autocoder.target.path");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.fleet.tick", "1h"); // no iteration: the gates are the rows' alone
        properties.put("autocoder.store.retention", "0");
        Map<String, GateRepository> repos = new LinkedHashMap<>();
        for (String name : List.of("alpha", "beta")) {
            GateRepository repo = GateRepository.create(temp.resolve(name));
            String id = TargetIds.of(repo.root.toString(), null);
            properties.put("autocoder.targets[" + repos.size() + "].path", repo.root.toString());
            repos.put(id, repo);
            rows.append(GateRows.DATASET, id, Rows.onTarget(GateRepository.row(1, repo.releaseCommit,
                    now.minus(Duration.ofDays(40)).toString(), List.of(GateRepository.oldFinding(4))), id));
            rows.append(GateRows.DATASET, id, Rows.onTarget(GateRepository.row(2, repo.headCommit,
                    now.minus(Duration.ofDays(1)).toString(), List.of(GateRepository.newFinding(Severity.HIGH),
                            GateRepository.oldFinding(9))), id));
        }

        try (ConfigurableApplicationContext app = App.start(properties)) {
            for (Map.Entry<String, GateRepository> target : repos.entrySet()) {
                JsonNode gate = gate(app, "?target=" + target.getKey());
                assertThat(gate.at("/new_code/commit").asText()).isEqualTo(target.getValue().releaseCommit);
                assertThat(gate.at("/perspectives/0/new").asInt()).isEqualTo(1);
            }
        }
        for (String id : repos.keySet()) {
            assertThat(storeRoot.resolve(".state/gate-" + GateRows.DATASET + "." + id + ".json")).isRegularFile();
            // the retention removes the release's file (each target's oldest)
            Files.delete(dataFilesIn(storeRoot.resolve("local/" + GateRows.DATASET + "/data/" + id)).get(0));
        }
        try (ConfigurableApplicationContext app = App.start(properties)) {
            for (Map.Entry<String, GateRepository> target : repos.entrySet()) {
                JsonNode gate = gate(app, "?target=" + target.getKey());
                assertThat(gate.at("/new_code/commit").asText()).as("the baseline from %s's checkpoint", target.getKey())
                        .isEqualTo(target.getValue().releaseCommit);
                assertThat(gate.at("/perspectives/0/new").asInt()).isEqualTo(1);
            }
        }
        for (String id : repos.keySet()) {
            assertThat(output.getOut()).containsPattern("Quality gate history of target " + id
                    + " rebuilt from 0 rows in \\d+ ms \\(its checkpoint of ");
        }

        // beta taken off the list: its checkpoint goes (listed again, its gate would be rebuilt from its rows)
        properties.remove("autocoder.targets[1].path");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            assertThat(gate(app, "?target=" + repos.keySet().iterator().next()).at("/new_code/commit").asText())
                    .isEqualTo(repos.values().iterator().next().releaseCommit);
        }
        List<String> ids = List.copyOf(repos.keySet());
        assertThat(storeRoot.resolve(".state/gate-" + GateRows.DATASET + "." + ids.get(0) + ".json")).isRegularFile();
        assertThat(storeRoot.resolve(".state/gate-" + GateRows.DATASET + "." + ids.get(1) + ".json")).doesNotExist();
    }

    private JsonNode gate(ConfigurableApplicationContext app) throws Exception {
        return gate(app, "");
    }

    private JsonNode gate(ConfigurableApplicationContext app, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + App.port(app) + "/api/gate" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private static List<Path> dataFiles(Path storeRoot) throws Exception {
        return dataFilesIn(storeRoot.resolve("local/" + GateRows.DATASET + "/data"));
    }

    private static List<Path> dataFilesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
