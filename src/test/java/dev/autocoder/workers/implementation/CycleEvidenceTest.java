package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.testplan.TestPlanHarness;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.testplan.plan.TestSpecification;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The empty catch block in the shop's parser, through all six stages, with the test-planning worker's real
 * edge-case specifications in its dataset: exact problem, evidence, location, callers and callees, approaches,
 * risks, tests and plan.
 */
class CycleEvidenceTest {

    @TempDir
    Path temp;

    @Test
    void everyStageStatesWhatTheCodeShows() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding finding = AnalysisRowsSeeder.finding(harness, SRC + "Parser.java", "EmptyCatchBlock");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(finding));
        List<String> specIds = seedEdgeCaseSpecifications(harness, repo);

        List<Row> cycle = harness.cycle();

        assertThat(specIds).hasSize(1);
        String taskId = "task-1-" + finding.id();
        for (Row row : cycle) {
            JsonNode json = harness.json(row);
            assertThat(json.get("task_id").asText()).isEqualTo(taskId);
            assertThat(json.get("finding_id").asText()).isEqualTo(finding.id());
            assertThat(json.get("test_spec_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(specIds);
            assertThat(json.get("stage_name").asText()).isEqualTo(row.perspectiveName());
            assertThat(json.get("stage_number").asInt()).isEqualTo(row.perspectiveNumber());
            JsonNode evidence = json.get("analysis").get("evidence");
            assertThat(evidence.get("start_line").asInt()).isEqualTo(6);
            assertThat(evidence.get("end_line").asInt()).isEqualTo(11);
            assertThat(evidence.get("excerpt").asText()).isEqualTo(String.join("\n",
                    "        try {",
                    "            return Integer.parseInt(value);",
                    "        } catch (NumberFormatException e) {",
                    "        }",
                    "        return -1;",
                    "    }"));
            assertThat(evidence.get("presence_check").asText()).isEqualTo("PMD at HEAD still reports it at line 8");
            JsonNode location = json.get("analysis").get("location");
            assertThat(location.get("class_name").asText()).isEqualTo("com.shop.Parser");
            assertThat(location.get("method").asText()).isEqualTo("parse(String)");
            assertThat(location.get("method_begin_line").asInt()).isEqualTo(5);
            assertThat(location.get("method_end_line").asInt()).isEqualTo(11);
            assertThat(location.get("is_api").asBoolean()).isTrue();
            assertThat(location.get("complexity").asInt()).isEqualTo(2);
        }

        JsonNode understanding = harness.analysisOf(cycle.get(0));
        assertThat(understanding.get("problem").asText()).isEqualTo("Avoid empty catch blocks (EmptyCatchBlock, Error Prone, "
                + "medium) at src/main/java/com/shop/Parser.java lines 8-9 in com.shop.Parser#parse(String).");
        assertThat(understanding.get("root_cause").asText()).isEqualTo("Typical of swallowed exceptions: an exception is "
                + "caught and dropped without a trace, so the failure is invisible. It sits in com.shop.Parser#parse(String) "
                + "(lines 5-11, cyclomatic complexity 2). Confirmed at HEAD: PMD at HEAD still reports it at line 8.");
        // medium (1) × a likely defect (2) × main (1) × a mechanical fix exists (200) × no hotspot row (1)
        assertThat(understanding.get("task").get("priority").asDouble()).isEqualTo(400.0);

        JsonNode architecture = harness.analysisOf(cycle.get(1));
        assertThat(architecture.get("callers")).extracting(c -> c.get("class_name").asText() + "#" + c.get("method").asText()
                + "@" + c.get("line").asInt() + " " + c.get("text").asText()).containsExactly(
                "com.shop.OrderService#quantity(String)@8 parser.parse(text)",
                "com.shop.OrderService#total(String, String)@12 parser.parse(first)",
                "com.shop.OrderService#total(String, String)@12 parser.parse(second)",
                "com.shop.ParserTest#parsesDigits()@7 parser.parse(\"42\")");
        assertThat(architecture.get("callees")).extracting(c -> c.get("class_name").asText() + "." + c.get("method").asText())
                .containsExactly("java.lang.Integer.parseInt");
        assertThat(architecture.get("components")).extracting(JsonNode::asText).containsExactly("com.shop");
        assertThat(cycle.get(1).metric("calling_classes").orElseThrow()).isEqualTo(2);
        // the stages list no findings: their rows carry no findings counts (a column of zeros)
        assertThat(cycle).allSatisfy(row -> assertThat(row.metrics()).noneMatch(m -> m.name().startsWith("findings")));

        JsonNode approaches = harness.analysisOf(cycle.get(2));
        assertThat(approaches.get("approaches")).extracting(a -> a.get("name").asText() + " | " + a.get("size").asText()
                + " | " + a.get("chosen").asBoolean()).containsExactly(
                "Log the ignored exception | 1 line changed, from the real diff | true",
                "Handle it explicitly | medium: within com.shop.Parser#parse(String) (7 lines) | false",
                "Rethrow it wrapped | medium: within com.shop.Parser#parse(String) (7 lines) | false",
                "Document why it may be ignored | small: a few lines at lines 8-9 | false");

        JsonNode risks = harness.analysisOf(cycle.get(3)).get("risks");
        assertThat(risks).extracting(r -> r.get("kind").asText() + " " + r.get("probability").asText() + "/"
                + r.get("impact").asText() + ": " + r.get("evidence").asText()).containsExactly(
                "fan_in low/medium: 4 call sites in 2 classes; the verified patch keeps behaviour and signatures",
                "coverage low/medium: 1 test method calls it; 1 test class named after its class",
                "churn low/low: 1 commit in the churn window; the diff changes 1 line",
                "public_api low/low: public API; the verified patch keeps every signature",
                "behaviour low/low: verified mechanical patch");
        // 1 - mean(1*2, 1*2, 1*1, 1*1, 1*1) / 9
        assertThat(cycle.get(3).qualityScore()).isCloseTo(1 - 7.0 / 5 / 9, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(cycle.get(3).summary()).startsWith("5 risks of \"Log the ignored exception\", 0 with a high probability or "
                + "impact; the largest: fan_in (probability low, impact medium: ");

        JsonNode tests = harness.analysisOf(cycle.get(4)).get("tests");
        assertThat(tests).extracting(t -> t.get("source").asText() + " " + t.get("id").asText() + " " + t.get("file").asText())
                .containsExactly(
                        "existing com.shop.ParserTest#parsesDigits src/test/java/com/shop/ParserTest.java",
                        "existing com.shop.ParserTest src/test/java/com/shop/ParserTest.java",
                        "test-planning " + specIds.get(0) + " src/test/java/com/shop/ParserEdgeCasesTest.java");
        assertThat(cycle.get(4).qualityScore()).isEqualTo(1.0);

        JsonNode plan = harness.analysisOf(cycle.get(5));
        assertThat(plan.get("plan_steps")).extracting(JsonNode::asText).containsExactly(
                "Apply the diff to src/main/java/com/shop/Parser.java: Log the ignored NumberFormatException at WARNING "
                        + "with the JDK's System.Logger instead of swallowing it silently. In com.shop.Parser#parse(String) "
                        + "(lines 5-11), after line 8 of src/main/java/com/shop/Parser.java: add `System.getLogger(Parser.class"
                        + ".getName()).log(System.Logger.Level.WARNING, \"Ignored NumberFormatException in parse\", e);`.",
                "Run the existing tests that cover it: com.shop.ParserTest#parsesDigits, com.shop.ParserTest.",
                "Implement the test-planning specifications " + specIds.get(0) + ".",
                "Compile the project and run the analysis again: EmptyCatchBlock (finding " + finding.id()
                        + ") should no longer be reported at src/main/java/com/shop/Parser.java.");
        assertThat(plan.get("code_changes").get("diff").asText()).isEqualTo("""
                --- a/src/main/java/com/shop/Parser.java
                +++ b/src/main/java/com/shop/Parser.java
                @@ -6,6 +6,7 @@
                         try {
                             return Integer.parseInt(value);
                         } catch (NumberFormatException e) {
                +            System.getLogger(Parser.class.getName()).log(System.Logger.Level.WARNING, "Ignored NumberFormatException in parse", e);
                         }
                         return -1;
                     }
                """);

        // the code of the latest plan travels with every later row, whatever its stage
        Row next = harness.stage();
        assertThat(next.perspectiveId()).isEqualTo("deep-understanding");
        assertThat(harness.analysisOf(next).get("code_changes")).isEqualTo(plan.get("code_changes"));
        // a stage that fails still carries the latest plan, with the stage it was: the only finding is handled, so
        // that cycle had no task, its later stages pass their turn and the failing tick is Deep Understanding again
        Row failed = harness.implementation.tickFailing(harness.snapshot(), new IllegalStateException("disk full"));
        JsonNode failedJson = harness.json(failed);
        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.error()).isEqualTo("IllegalStateException: disk full");
        assertThat(failedJson.get("stage_number").asInt()).isEqualTo(1);
        assertThat(failedJson.get("stage_name").asText()).isEqualTo("Deep Understanding");
        assertThat(failedJson.get("analysis").get("code_changes")).isEqualTo(plan.get("code_changes"));
        assertThat(failedJson.get("cumulative_progress")).isEqualTo(harness.json(cycle.get(5)).get("cumulative_progress"));
        JsonNode progress = harness.json(cycle.get(5)).get("cumulative_progress");
        assertThat(progress.get("tasks_started").asLong()).isEqualTo(1);
        assertThat(progress.get("implementations_generated").asLong()).isEqualTo(1);
        assertThat(progress.get("tests_written").asLong()).isEqualTo(1);
        assertThat(progress.get("issues_discovered").asLong()).isEqualTo(5);
    }

    /** Runs the test-planning worker's edge-case perspective for real and stores its row; returns the ids for parse. */
    static List<String> seedEdgeCaseSpecifications(ImplementationHarness harness, Path repo) throws Exception {
        TestPlanHarness planner = new TestPlanHarness(repo, harness.store.root(), repo.getParent().resolve("plans"));
        PerspectiveResult result = planner.run(planner.perspective("edge-cases"));
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("analysis", analysis);
        harness.store.append("autocoder-test-planning-results", new Row(Row.SCHEMA_VERSION, "test-planning", 1,
                "2026-11-24T10:00:00Z", 4, "edge-cases", "Edge Case Discovery", "/repo", harness.snapshot().commit(), 1,
                Status.OK, null, null, "planned", 0.5, 0, List.of(), null, null, List.of(), List.<Metric>of(), "{}", columns));
        List<String> ids = new ArrayList<>();
        for (TestSpecification spec : analysis.testSpecifications()) {
            if (spec.classUnderTest().equals("com.shop.Parser") && spec.methodUnderTest().equals("parse(String)")) {
                ids.add(spec.id());
            }
        }
        return ids;
    }
}
