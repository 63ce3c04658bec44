package dev.autocoder.workers.implementation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.implementation.ImplementationFixture;
import dev.autocoder.workers.implementation.ImplementationHarness;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implementation worker with a language model behind a local fake chat-completions endpoint that validates
 * every request: a verified diff from the model becomes the plan's patch; a diff that does not apply does not; an
 * HTTP 500 leaves the deterministic rows as they are and is recorded.
 */
class WorkerModelPathTest {

    private static final String TOKEN = "hf_testtoken0123456789abcdefghijkl";
    static final String STREAMS_DIFF = """
            --- a/src/main/java/com/shop/Streams.java
            +++ b/src/main/java/com/shop/Streams.java
            @@ -8,7 +8,7 @@
             public class Streams {
             
                 public int firstByte(File file) throws IOException {
            -        InputStream in = new FileInputStream(file);
            +        InputStream in = java.nio.file.Files.newInputStream(file.toPath());
                     try {
                         return in.read();
                     } finally {
            """;

    @TempDir
    Path temp;
    private FakeChatCompletionsServer fake;
    private Path repo;
    private ImplementationHarness harness;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeChatCompletionsServer(TOKEN);
        repo = ImplementationFixture.create(temp.resolve("repo"));
        harness = new ImplementationHarness(repo, temp.resolve("store"), fake.url(), TOKEN);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aVerifiedDiffFromTheModelIsThePlansPatch() throws Exception {
        String answer = "1. Open the file through java.nio.\n\n```diff\n" + STREAMS_DIFF + "```\n";
        fake.content(answer);
        seed("AvoidFileStream", "performance");

        List<Row> cycle = harness.cycle();

        assertThat(fake.rejections).isEmpty();
        assertThat(fake.validRequests).hasSize(3);
        assertThat(fake.validRequests).allSatisfy(request -> {
            assertThat(request.get("model").asText()).isEqualTo("test-org/test-coder");
            assertThat(request.get("messages").get(0).get("role").asText()).isEqualTo("system");
            assertThat(request.get("messages").get(1).get("content").asText())
                    .contains("AvoidFileStream (Performance, medium) at src/main/java/com/shop/Streams.java:11");
        });
        assertThat(fake.validRequests.get(2).get("messages").get(1).get("content").asText())
                .contains("Current content of src/main/java/com/shop/Streams.java (18 lines):")
                .contains("--- a/src/main/java/com/shop/Streams.java");
        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        for (int stage : new int[] {0, 2, 5}) {
            JsonNode row = harness.json(cycle.get(stage));
            assertThat(row.get("narrative").asText()).isEqualTo(answer);
            assertThat(row.get("narrative_status").asText()).isEqualTo("ok");
            assertThat(row.get("analysis").get("model").get("model").asText()).isEqualTo("test-org/test-coder:fake-provider");
            assertThat(row.get("analysis").get("model").get("total_tokens").asInt()).isEqualTo(49);
        }
        assertThat(harness.json(cycle.get(1)).get("narrative_status").asText()).isEqualTo("not_asked");
        JsonNode plan = harness.analysisOf(cycle.get(5));
        JsonNode changes = plan.get("code_changes");
        assertThat(changes.get("source").asText()).isEqualTo("model");
        assertThat(changes.get("verified").asBoolean()).isTrue();
        assertThat(changes.get("diff").asText()).isEqualTo(STREAMS_DIFF);
        assertThat(plan.get("model").get("diff_verified").asBoolean()).isTrue();
        assertThat(harness.json(cycle.get(5)).get("cumulative_progress").get("implementations_generated").asLong()).isEqualTo(1);
        for (Row row : cycle) {
            assertThat(harness.mapper.writeValueAsString(row)).doesNotContain(TOKEN);
        }

        assertThat(ImplementationFixture.git(repo, STREAMS_DIFF, "apply", "--check", "-").exitCode()).isZero();
        assertThat(ImplementationFixture.git(repo, STREAMS_DIFF, "apply", "-").exitCode()).isZero();
        assertThat(Files.readString(repo.resolve(SRC + "Streams.java"))).isEqualTo(changes.get("code").asText());
        assertThat(ImplementationFixture.compileErrors(repo, temp.resolve("classes"))).isEmpty();
    }

    @Test
    void aDiffThatDoesNotApplyIsNotAPatch() throws Exception {
        fake.content("```diff\n" + STREAMS_DIFF.replace(" public class Streams {", " public class Stream {") + "```\n");
        seed("AvoidFileStream", "performance");

        List<Row> cycle = harness.cycle();

        JsonNode plan = harness.analysisOf(cycle.get(5));
        assertThat(plan.get("code_changes").get("source").asText()).isEqualTo("none");
        assertThat(plan.get("code_changes").get("verified").asBoolean()).isFalse();
        assertThat(plan.get("code_changes").get("diff").isNull()).isTrue();
        assertThat(plan.get("model").get("proposed_diff").asBoolean()).isTrue();
        assertThat(plan.get("model").get("diff_verified").asBoolean()).isFalse();
        assertThat(plan.get("model").get("diff_check").asText()).isEqualTo("hunk 1 does not match "
                + "src/main/java/com/shop/Streams.java: line 8 is `public class Streams {`, the diff expects `public class Stream {`");
        assertThat(plan.get("notes")).extracting(JsonNode::asText).contains("The model's diff does not count as a patch: "
                + "hunk 1 does not match src/main/java/com/shop/Streams.java: line 8 is `public class Streams {`, the diff "
                + "expects `public class Stream {`.");
        assertThat(cycle.get(5).qualityScore()).isNull();
        assertThat(harness.json(cycle.get(5)).get("cumulative_progress").get("implementations_generated").asLong()).isZero();
    }

    @Test
    void aServerErrorLeavesTheDeterministicRowsIntact() throws Exception {
        fake.mode(FakeChatCompletionsServer.Mode.SERVER_ERROR);
        seed("EmptyCatchBlock", "code-quality");

        List<Row> cycle = harness.cycle();

        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        for (int stage : new int[] {0, 2, 5}) {
            JsonNode row = harness.json(cycle.get(stage));
            assertThat(row.get("narrative").isNull()).isTrue();
            assertThat(row.get("narrative_status").asText()).isEqualTo("http_error");
            JsonNode model = row.get("analysis").get("model");
            assertThat(model.get("http_status").asInt()).isEqualTo(500);
            assertThat(model.get("attempts").asInt()).isEqualTo(2);
            assertThat(model.get("reason").asText()).isEqualTo("HTTP 500: upstream model crashed");
        }
        JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
        assertThat(changes.get("source").asText()).isEqualTo("mechanical");
        assertThat(changes.get("verified").asBoolean()).isTrue();
        assertThat(changes.get("description").asText()).isEqualTo("Log the ignored NumberFormatException at WARNING with "
                + "the JDK's System.Logger instead of swallowing it silently.");
        assertThat(harness.json(cycle.get(5)).get("cumulative_progress").get("implementations_generated").asLong()).isEqualTo(1);
    }

    @Test
    void aSecretInTheEvidenceNeverReachesTheModel() throws Exception {
        String secret = "Zq8rT2vLp9xWm4Kd";
        ImplementationFixture.write(repo, "config/app.properties", "db.password=" + secret + "\n");
        ImplementationFixture.commit(repo, "Configuration", "2026-11-02T10:00:00Z");
        List<Finding> secrets = new dev.autocoder.workers.analysis.security.SecurityPerspective(harness.pmd,
                new dev.autocoder.workers.analysis.secrets.SecretScanner())
                .analyze(dev.autocoder.workers.analysis.pmd.TestSnapshots.context(harness.snapshot())).findings().stream()
                .filter(f -> "config/app.properties".equals(f.file())).toList();
        harness.store.append(ImplementationHarness.ANALYSIS, new Row(Row.SCHEMA_VERSION, "analysis", 1,
                "2026-11-24T10:00:00Z", 4, "security", "Security Audit", "/repo", harness.snapshot().commit(), 1, Status.OK,
                null, null, "seeded", 0.5, 1, secrets, null, null, List.of(), List.<Metric>of(), "{}", Map.of()));

        harness.cycle();

        assertThat(fake.validRequests).hasSize(3);
        assertThat(fake.rawBodies).allSatisfy(body -> assertThat(body).doesNotContain(secret).contains("[REDACTED]"));
    }

    /** An analysis row listing the real PMD finding of the rule (Streams.java or Parser.java). */
    private void seed(String rule, String perspective) {
        var violation = harness.pmd.analyze(harness.snapshot()).violations().stream()
                .filter(v -> v.rule().equals(rule)).findFirst().orElseThrow();
        Finding finding = PmdFindings.of(violation);
        harness.store.append(ImplementationHarness.ANALYSIS, new Row(Row.SCHEMA_VERSION, "analysis", 1,
                "2026-11-24T10:00:00Z", 1, perspective, perspective, "/repo", harness.snapshot().commit(), 1, Status.OK,
                null, null, "seeded", 0.5, 1, List.of(finding), null, null, List.of(), List.<Metric>of(), "{}", Map.of()));
    }
}
