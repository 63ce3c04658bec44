package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.SarifMultitool;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gate --format sarif} on a fixture repository's rows: one run per tool, fingerprints, baseline states, no
 * secret value, and Microsoft's SARIF Multitool finds no error in it. Skipped when {@code sarif-multitool} is
 * missing, except under CI=true, where that fails (.ci/run installs it).
 */
class SarifOutputTest {

    @TempDir
    Path dir;

    @Test
    void theSarifOfAFixtureRepositoryHasOneRunPerToolAndTheMultitoolFindsNoError() throws Exception {
        GateRepository repo = GateRepository.create(dir.resolve("repo"));
        List<Row> rows = new ArrayList<>(repo.rows(Severity.HIGH));
        Finding secret = Finding.of("huggingface-token", "secrets", Severity.CRITICAL, "config/app.properties", 3, 3,
                "Hugging Face token assigned to 'hf.token' (fingerprint 1a2b3c4d): " + FixtureRepository.PLANTED_TOKEN,
                "1a2b3c4d huggingface-token").withScope(Scope.MAIN);
        rows.add(perspectiveRow(3, "security", repo.headCommit, List.of(secret)));
        rows.add(perspectiveRow(4, "dependencies", repo.headCommit, List.of(Finding.of("known-vulnerability", "dependencies",
                Severity.HIGH, "pom.xml", 12, 12, "com.fasterxml.jackson.core:jackson-databind 2.9.8: GHSA-xxxx", "jackson")
                .withScope(Scope.BUILD))));
        rows.add(perspectiveRow(5, "architecture", repo.headCommit, List.of(Finding.of("package-cycle", "Architecture",
                Severity.MEDIUM, null, null, null, "com.acme -> com.acme.util -> com.acme", "cycle").withScope(Scope.MAIN))));
        Path store = GateRepository.store(dir.resolve("store"), rows);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = GateCommand.run(new String[]{"--dataset", store.toString(), "--target", repo.root.toString(),
                "--format", "sarif"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String sarif = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).isEqualTo(1);
        assertThat(sarif).doesNotContain(FixtureRepository.PLANTED_TOKEN);
        JsonNode log = new ObjectMapper().readTree(sarif);
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).extracting(run -> run.at("/tool/driver/name").asText()).containsExactly("PMD",
                "Autocoder Security", "Autocoder Secrets", "Autocoder Dependencies", "Autocoder Architecture",
                "Autocoder Code Metrics");
        JsonNode security = log.at("/runs/1/results/0");
        assertThat(security.get("ruleId").asText()).isEqualTo("CommandExecutionWithNonConstantInput");
        assertThat(security.get("baselineState").asText()).isEqualTo("new");
        assertThat(security.at("/partialFingerprints/autocoderFindingId~1v1").asText())
                .isEqualTo(GateRepository.newFinding(Severity.HIGH).id());
        assertThat(security.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(GateRepository.FILE);
        assertThat(log.at("/runs/0/results/0/baselineState").asText()).isEqualTo("unchanged");
        assertThat(log.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                .isEqualTo("https://docs.pmd-code.org/latest/pmd_rules_java_errorprone.html#emptycatchblock");
        assertThat(log.at("/runs/2/results/0/level").asText()).isEqualTo("error");

        Path file = dir.resolve("gate.sarif");
        Files.writeString(file, sarif);
        assertThat(SarifMultitool.errors(file)).isEmpty();
    }

    private static Row perspectiveRow(int number, String perspective, String commit, List<Finding> findings) {
        Row base = GateRepository.row(number, commit, "2026-11-20T11:0" + number + ":00Z", findings);
        return new Row(base.schemaVersion(), base.worker(), base.iteration(), base.timestamp(), number, perspective,
                perspective, base.repository(), commit, 10, base.status(), null, null, "summary", 0.5, findings.size(),
                findings, null, null, List.of(), base.metrics(), "{}", Map.of());
    }
}
