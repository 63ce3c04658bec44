package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.FakeHub;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI command against a real local store and a fake Hub on loopback, with the target's real git history. */
class GateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gate(Map<String, String> environment, String... args) {
        return GateCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path conditions() throws Exception {
        Path file = dir.resolve("gate.yaml");
        Files.writeString(file, """
                - metric: new_main_critical_high_findings
                  operator: "<="
                  threshold: 0
                """);
        return file;
    }

    @Test
    void exitsOneWhenANewHighFindingFailsTheGateAndZeroWhenItIsLow() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        Path failing = GateRepository.store(dir.resolve("failing"), repo.rows(Severity.HIGH));
        Path passing = GateRepository.store(dir.resolve("passing"), repo.rows(Severity.LOW));

        assertThat(gate(Map.of(), "--dataset", failing.toString(), "--target", repo.root.toString(),
                "--conditions", conditions().toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Quality gate: FAILED", "New code since: tag v1",
                "CommandExecutionWithNonConstantInput " + GateRepository.FILE + ":6");

        out.reset();
        assertThat(gate(Map.of(), "--dataset", passing.toString(), "--target", repo.root.toString(),
                "--conditions", conditions().toString(), "--format", "json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("status").asText()).isEqualTo("passed");
        assertThat(json.at("/perspectives/0/new").asInt()).isEqualTo(1);
        assertThat(json.at("/perspectives/0/overall").asInt()).isEqualTo(2);
    }

    @Test
    void exitsTwoWhenItCannotTell() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        Path store = GateRepository.store(dir.resolve("store"), repo.rows(Severity.LOW));

        // the default conditions need security and dependencies rows this store does not have
        assertThat(gate(Map.of(), "--dataset", store.toString(), "--target", repo.root.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Quality gate: UNKNOWN", "no ok security row yet");

        out.reset();
        Path empty = Files.createDirectories(dir.resolve("empty/local/" + GateRows.DATASET + "/data"));
        assertThat(gate(Map.of(), "--dataset", empty.getParent().toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no ok analysis row yet");

        assertThat(gate(Map.of(), "--dataset", dir.resolve("nowhere").toString() + "/x/y")).isEqualTo(2);
        assertThat(gate(Map.of(), "--format", "xml", "--dataset", store.toString())).isEqualTo(2);
    }

    @Test
    void readsTheDatasetFromTheHub() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        ObjectMapper mapper = new ObjectMapper();
        try (FakeHub hub = FakeHub.start()) {
            List<Row> rows = repo.rows(Severity.HIGH);
            StringBuilder lines = new StringBuilder();
            for (Row row : rows) {
                lines.append(mapper.writeValueAsString(row)).append('\n');
            }
            hub.putFile("dataset", "alice/" + GateRows.DATASET, "data/2026/11/20/20261120T110000000Z.jsonl-0.jsonl",
                    lines.toString().getBytes(StandardCharsets.UTF_8));

            int exit = gate(Map.of("HF_ENDPOINT", hub.uri().toString()), "--dataset", "alice/" + GateRows.DATASET,
                    "--target", repo.root.toString(), "--conditions", conditions().toString());

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Quality gate: FAILED");
        }
    }
}
