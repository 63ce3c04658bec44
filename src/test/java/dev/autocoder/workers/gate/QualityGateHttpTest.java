package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.SarifMultitool;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The live gate of the running application over real HTTP: rows' columns, /api/gate, /api/sarif, the meter, the dashboard. */
class QualityGateHttpTest {

    @TempDir
    Path temp;

    @Test
    void theRunningApplicationShowsTheGateInRowsApiMetricsSarifAndTheDashboard() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        String initial;
        try (Git git = Git.open(fixture.root().toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            initial = commits.get(commits.size() - 1).name();
        }
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        properties.put("autocoder.gate.new-code", "commit:" + initial);
        // only the analysis worker's rows are checked: the other workers would only compete for the cores
        properties.put("autocoder.workers.enabled", "analysis");
        HttpClient http = HttpClient.newHttpClient();
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("one full rotation").atMost(Duration.ofMinutes(2)).until(() -> store.rows("autocoder-analysis-results").size() >= 6);
            String base = "http://127.0.0.1:" + App.port(context);

            Row security = store.rows("autocoder-analysis-results").stream()
                    .filter(r -> r.perspectiveId().equals("security")).findFirst().orElseThrow();
            ObjectMapper mapper = new ObjectMapper();
            JsonNode newCode = mapper.valueToTree(security.extraColumns().get("new_code"));
            assertThat(newCode.get("baseline_commit").asText()).isEqualTo(initial);
            assertThat(newCode.get("overall_findings").asInt()).isEqualTo(security.issuesFound());
            JsonNode gateColumn = mapper.valueToTree(security.extraColumns().get("quality_gate"));
            assertThat(gateColumn.get("conditions")).hasSize(5);
            // the planted secret was committed before the baseline: not new, decided by git blame
            assertThat(gateColumn.get("conditions").get(1).get("metric").asText()).isEqualTo("new_secrets");
            assertThat(gateColumn.get("conditions").get(1).get("status").asText()).isEqualTo("passed");

            JsonNode gate = mapper.readTree(get(http, base + "/api/gate").body());
            assertThat(gate.get("status").asText()).isIn("passed", "failed", "unknown");
            assertThat(gate.at("/new_code/commit").asText()).isEqualTo(initial);
            assertThat(gate.get("perspectives")).extracting(p -> p.get("perspective").asText()).contains("code-quality",
                    "security", "dependencies", "test-coverage");
            // the fixture's JaCoCo report is read line by line: the only line changed since the baseline is a comment
            assertThat(gate.get("conditions").get(4).get("metric").asText()).isEqualTo("new_code_coverage_percent");
            assertThat(gate.get("conditions").get(4).get("status").asText()).isEqualTo("passed");
            assertThat(gate.get("conditions").get(4).get("detail").asText())
                    .isEqualTo("no new coverable lines (from target/site/jacoco/jacoco.xml)");

            HttpResponse<String> sarif = get(http, base + "/api/sarif");
            assertThat(sarif.statusCode()).isEqualTo(200);
            assertThat(sarif.body()).doesNotContain(FixtureRepository.PLANTED_TOKEN).contains("\"partialFingerprints\"");
            Path file = temp.resolve("api.sarif");
            Files.writeString(file, sarif.body());

            String metrics = get(http, base + "/actuator/prometheus").body();
            assertThat(metrics).contains("autocoder_quality_gate{status=\"" + gate.get("status").asText() + "\"} 1.0");

            String page = get(http, base + "/").body();
            assertThat(page).contains("id=\"quality-gate\"", "Quality gate: " + gate.get("status").asText().toUpperCase());
            assertThat(get(http, base + "/fragments/gate").body()).contains("new_secrets &lt;&#x3D; 0",
                    "new_code_coverage_percent &gt;&#x3D; 80", "no new coverable lines");

            assertThat(SarifMultitool.errors(file)).isEmpty();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
