package dev.autocoder.workers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.ImplementationFixture;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker end to end: the real application and its YAML routes with fast timers on the shop
 * fixture, next to an analysis worker running its code-quality perspective; rows read back from the store files,
 * the dashboard and an independent reader (DuckDB).
 */
class ImplementationWorkerEndToEndTest {

    static final String DATASET = "autocoder-implementation-results";
    static final List<String> NAMES = List.of("Deep Understanding", "Architectural Analysis", "Approach Evaluation",
            "Risk Analysis", "Testing Strategy", "Implementation Plan");

    @TempDir
    Path temp;

    static Map<String, Object> properties(Path target, Path store) {
        Map<String, Object> properties = App.fastWorkerProperties(target, store);
        properties.put("autocoder.workers.enabled", "analysis,implementation");
        properties.put("autocoder.workers.analysis.perspectives", "code-quality");
        properties.put("autocoder.workers.analysis.period", "200ms");
        properties.put("autocoder.workers.implementation.period", "100ms");
        properties.put("autocoder.workers.implementation.delay", "0");
        return properties;
    }

    /** Index of the first Deep Understanding row that picked a task and whose cycle is complete, if any. */
    static OptionalInt firstCompleteCycle(List<Row> rows) {
        return IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).perspectiveId().equals("deep-understanding") && rows.get(i).status() == Status.OK
                        && i + 5 < rows.size())
                .findFirst();
    }

    @Test
    void sixStagesInTheSeedsOrderEndInAPatchThatAppliesAndCompiles() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        List<Row> rows;
        JsonNode workers;
        try (ConfigurableApplicationContext context = App.start(properties(repo, storePath))) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("a complete cycle with a task").atMost(Duration.ofMinutes(2)).until(
                    () -> firstCompleteCycle(store.rows(DATASET)).isPresent());
            rows = store.rows(DATASET);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + App.port(context);
            workers = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/workers")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("workers");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).contains("<tr data-worker=\"implementation\">");
            HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(base + "/workers/implementation")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("Implementation Plan");
        }

        // until the analysis has written, each cycle is one skipped Deep Understanding row; the first task's cycle
        // has all six stages
        int firstTask = firstCompleteCycle(rows).orElseThrow();
        assertThat(rows.subList(0, firstTask)).allSatisfy(r -> {
            assertThat(r.perspectiveName()).isEqualTo("Deep Understanding");
            assertThat(r.status()).isEqualTo(Status.SKIPPED);
        });
        assertThat(rows.subList(firstTask, firstTask + 6)).extracting(Row::perspectiveName).containsExactlyElementsOf(NAMES);
        assertThat(rows).extracting(Row::iteration)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, rows.size()).mapToObj(i -> (long) i).toList());
        int start = firstCompleteCycle(rows).orElseThrow();
        List<Row> cycle = rows.subList(start, start + 6);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> json = new ArrayList<>();
        cycle.forEach(r -> json.add(mapper.valueToTree(r)));
        assertThat(cycle).extracting(Row::perspectiveName).containsExactlyElementsOf(NAMES);
        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        assertThat(json).extracting(j -> j.get("stage_number").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(json).extracting(j -> j.get("stage_name").asText()).containsExactlyElementsOf(NAMES);
        String taskId = json.get(0).get("task_id").asText();
        assertThat(json).extracting(j -> j.get("task_id").asText()).containsOnly(taskId);
        // all findings are medium, fixable, and no file is a hotspot: the likely defect (a swallowed exception, Error
        // Prone) comes before the unused code of the files before it in path order
        assertThat(json.get(0).get("analysis").get("task").get("rule").asText()).isEqualTo("EmptyCatchBlock");
        assertThat(json.get(0).get("analysis").get("task").get("file").asText()).isEqualTo(SRC + "Parser.java");

        JsonNode changes = json.get(5).get("analysis").get("code_changes");
        assertThat(changes.get("verified").asBoolean()).isTrue();
        String diff = changes.get("diff").asText();
        assertThat(ImplementationFixture.git(repo, diff, "apply", "--check", "-").exitCode()).isZero();
        assertThat(ImplementationFixture.git(repo, diff, "apply", "-").exitCode()).isZero();
        assertThat(ImplementationFixture.compileErrors(repo, temp.resolve("classes"))).isEmpty();

        List<String> listed = new ArrayList<>();
        workers.forEach(w -> listed.add(w.get("worker").asText()));
        assertThat(listed).containsExactly("analysis", "implementation");
        JsonNode implementation = workers.get(1);
        assertThat(implementation.get("route_id").asText()).isEqualTo("implementation-worker");
        assertThat(implementation.get("dataset").asText()).isEqualTo(DATASET);
        assertThat(implementation.get("period_ms").asLong()).isEqualTo(100);

        // the seed's consumer: the latest row's stage name and the code of the latest plan, read by DuckDB
        List<Row> stored = new DatasetStore(storePath, "local", 1 << 26, mapper, Clock.systemUTC()).rows(DATASET);
        JsonNode latest = mapper.valueToTree(stored.get(stored.size() - 1));
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement sql = duck.createStatement();
             java.sql.ResultSet result = sql.executeQuery("SELECT stage_name, analysis.code_changes.code, count(*) OVER () "
                     + "FROM read_json_auto('" + storePath.resolve("local/" + DATASET + "/data") + "/**/*.jsonl', "
                     + "sample_size = -1) ORDER BY iteration DESC LIMIT 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(latest.get("stage_name").asText());
            assertThat(result.getString(2)).isEqualTo(latest.get("analysis").get("code_changes").get("code").asText(null));
            assertThat(result.getLong(3)).isEqualTo(stored.size());
        }
        assertThat(Files.readString(repo.resolve(SRC + "Parser.java"))).isEqualTo(changes.get("code").asText());
    }
}
