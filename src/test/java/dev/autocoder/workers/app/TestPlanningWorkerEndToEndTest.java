package dev.autocoder.workers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testplan.TestPlanFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test-planning worker end to end: the real application and its YAML routes with fast timers on the two-commit
 * fixture, next to an analysis worker running only its security perspective; rows read back from the store files.
 */
class TestPlanningWorkerEndToEndTest {

    static final String DATASET = "autocoder-test-planning-results";
    static final List<String> NAMES = List.of("What Are We Testing?", "Failure Mode Analysis", "Integration Points",
            "Edge Case Discovery", "Performance Impact", "Backwards Compatibility", "Data Integrity", "Error Handling",
            "User Experience", "Security Analysis", "Test Coverage Strategy", "Test Pyramid", "Mocking Strategy",
            "CI/CD Integration", "Big Picture Review");

    @TempDir
    Path temp;

    static Map<String, Object> properties(Path target, Path store, Path plans) {
        Map<String, Object> properties = App.fastWorkerProperties(target, store);
        properties.put("autocoder.workers.analysis.perspectives", "security");
        properties.put("autocoder.workers.analysis.period", "200ms");
        properties.put("autocoder.workers.test-planning.period", "100ms");
        properties.put("autocoder.workers.test-planning.delay", "0");
        properties.put("autocoder.workers.enabled", "analysis,test-planning");
        properties.put("autocoder.testplan.output-dir", plans.toString());
        return properties;
    }

    @Test
    void fifteenPerspectivesInTheSeedsOrderWithCumulativeInsightsAndSkeletons() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        Path plans = temp.resolve("plans");
        List<Row> rows;
        JsonNode workers;
        try (ConfigurableApplicationContext context = App.start(properties(fixture.root(), storePath, plans))) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("one full rotation").atMost(Duration.ofMinutes(2)).until(() -> store.rows(DATASET).size() >= 15);
            // the security plan answers the analysis worker's findings once that worker has written its row
            await("a security plan with analysis rows").atMost(Duration.ofMinutes(2)).until(() -> store.rows(DATASET).stream()
                    .anyMatch(r -> r.perspectiveId().equals("security") && r.metric("analysis_security_findings").isPresent()));
            rows = store.rows(DATASET);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + App.port(context) + "/api/workers")).build(), HttpResponse.BodyHandlers.ofString());
            workers = new ObjectMapper().readTree(answer.body()).get("workers");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + App.port(context) + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<tr data-worker=\"test-planning\">");
            HttpResponse<String> own = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + App.port(context) + "/workers/test-planning")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("Big Picture Review");
        }

        List<Row> rotation = rows.subList(0, 15);
        assertThat(rotation).extracting(Row::perspectiveName).containsExactlyElementsOf(NAMES);
        assertThat(rotation).extracting(Row::perspectiveNumber).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(rotation).extracting(Row::worker).containsOnly("test-planning");
        assertThat(rotation).extracting(Row::commit).containsOnly(fixture.second());
        assertThat(rotation).extracting(Row::status).containsOnly(Status.OK);
        assertThat(rotation).extracting(Row::iteration).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).mapToObj(i -> (long) i).toList());

        // every row of the files has both columns, with the seed's snake_case names
        List<JsonNode> json = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : new DatasetStore(storePath, "local", 1 << 26, mapper, java.time.Clock.systemUTC()).dataFiles(DATASET)) {
            for (String line : Files.readAllLines(file)) {
                json.add(mapper.readTree(line));
            }
        }
        assertThat(json).allSatisfy(row -> {
            assertThat(row.get("cumulative_insights").get("edge_cases_discovered").isNumber()).isTrue();
            assertThat(row.get("cumulative_insights").get("failure_modes_identified").isNumber()).isTrue();
            assertThat(row.get("cumulative_insights").get("integration_points_mapped").isNumber()).isTrue();
            assertThat(row.get("cumulative_insights").get("tests_specified").isNumber()).isTrue();
            for (String list : List.of("failure_modes", "integration_points", "edge_cases", "api_changes", "test_specifications",
                    "skeletons", "notes")) {
                assertThat(row.get("analysis").get(list).isArray()).as(list).isTrue();
            }
        });
        JsonNode edgeRow = json.get(3);
        assertThat(edgeRow.get("perspective_id").asText()).isEqualTo("edge-cases");
        assertThat(edgeRow.get("cumulative_insights").get("edge_cases_discovered").asLong())
                .isEqualTo(edgeRow.get("analysis").get("edge_cases").size()).isGreaterThan(40);
        Set<String> failureIds = new HashSet<>();
        json.get(1).get("analysis").get("failure_modes").forEach(f -> failureIds.add(f.get("id").asText()));
        assertThat(json.get(1).get("cumulative_insights").get("failure_modes_identified").asLong()).isEqualTo(failureIds.size());
        Set<String> points = new HashSet<>();
        json.get(2).get("analysis").get("integration_points").forEach(p -> points.add(p.get("id").asText()));
        assertThat(json.get(2).get("cumulative_insights").get("integration_points_mapped").asLong()).isEqualTo(9);
        assertThat(points).hasSize(9);
        for (int i = 1; i < json.size(); i++) {
            assertThat(json.get(i).get("cumulative_insights").get("tests_specified").asLong())
                    .isGreaterThanOrEqualTo(json.get(i - 1).get("cumulative_insights").get("tests_specified").asLong());
        }
        // the first plan of a perspective covers the whole codebase; the second keeps its scope at an unchanged commit
        assertThat(json.get(0).get("analysis").get("first_run").asBoolean()).isTrue();
        if (json.size() > 15) {
            assertThat(json.get(15).get("analysis").get("first_run").asBoolean()).isTrue();
            assertThat(json.get(15).get("analysis").get("notes").toString()).contains("No new commit since the last plan");
        }

        // the security plan answers the analysis worker's command-execution finding with a test
        JsonNode security = json.stream().filter(r -> r.get("perspective_id").asText().equals("security")
                && r.toString().contains("analysis_security_findings")).findFirst().orElseThrow();
        List<String> answered = new ArrayList<>();
        security.get("analysis").get("test_specifications").forEach(s -> s.get("finding_ids").forEach(id -> answered.add(id.asText())));
        Row analysisSecurity = new DatasetStore(storePath, "local", 1 << 26, mapper, java.time.Clock.systemUTC())
                .lastRow("autocoder-analysis-results", r -> r.perspectiveId().equals("security")).orElseThrow();
        assertThat(analysisSecurity.findings()).isNotEmpty();
        assertThat(answered).containsAnyElementsOf(analysisSecurity.findings().stream().map(f -> f.id()).toList());

        // an independent reader: DuckDB loads the files and reaches the seed consumer's field
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement sql = duck.createStatement();
             java.sql.ResultSet result = sql.executeQuery("SELECT count(*), max(cumulative_insights.edge_cases_discovered) FROM read_json_auto('"
                     + storePath.resolve("local/" + DATASET + "/data") + "/**/*.jsonl', sample_size = -1)")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(json.size());
            assertThat(result.getLong(2)).isEqualTo(json.get(json.size() - 1).get("cumulative_insights").get("edge_cases_discovered").asLong());
        }

        assertThat(plans.resolve("edge-cases/com/shop/pricing/DiscountsEdgeCasesTest.java")).exists();
        List<String> listed = new ArrayList<>();
        workers.forEach(w -> listed.add(w.get("worker").asText()));
        assertThat(listed).containsExactly("analysis", "test-planning");
        JsonNode planning = workers.get(1);
        assertThat(planning.get("route_id").asText()).isEqualTo("test-planning-worker");
        assertThat(planning.get("dataset").asText()).isEqualTo(DATASET);
        assertThat(planning.get("period_ms").asLong()).isEqualTo(100);
    }
}
