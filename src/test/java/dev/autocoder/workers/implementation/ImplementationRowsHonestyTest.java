package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the worker cannot do much with still gives rows that say what is known and why the rest is not: no analysis
 * rows, every finding gone at HEAD, a finding in a non-Java file (a secret, whose value never reaches a row), a file
 * that does not parse.
 */
class ImplementationRowsHonestyTest {

    private static final String SECRET = "Zq8rT2vLp9xWm4Kd";

    @TempDir
    Path temp;

    @Test
    void withoutAnalysisRowsEachCycleIsOneRowThatSaysSo() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Path store = temp.resolve("store");
        ImplementationHarness harness = new ImplementationHarness(repo, store);

        List<Row> rows = List.of(harness.stage(), harness.stage());

        String reason = "No analysis rows yet: the analysis worker has not written an ok row, so there is no finding to work on.";
        // a cycle that cannot start is its Deep Understanding row alone; the later stages pass their turn
        assertThat(rows).extracting(Row::perspectiveId).containsOnly("deep-understanding");
        assertThat(rows).extracting(Row::iteration).containsExactly(1L, 2L);
        assertThat(rows).extracting(Row::status).containsOnly(Status.SKIPPED);
        assertThat(rows).extracting(Row::reason).containsOnly(reason);
        assertThat(rows).allSatisfy(r -> {
            JsonNode json = harness.json(r);
            assertThat(json.get("task_id").isNull()).isTrue();
            assertThat(json.get("stage_number").asInt()).isEqualTo(1);
            assertThat(json.get("analysis").get("task").get("state").asText()).isEqualTo("none");
            assertThat(json.get("analysis").get("code_changes").get("code").isNull()).isTrue();
            assertThat(json.get("cumulative_progress").get("tasks_started").asLong()).isZero();
        });

        // after a restart the numbering continues after the last row, and once there are findings the cycle runs
        ImplementationHarness restarted = new ImplementationHarness(repo, store);
        assertThat(restarted.implementation.next()).isEqualTo("deep-understanding");
        Finding local = AnalysisRowsSeeder.finding(restarted, SRC + "Labels.java", "UnusedLocalVariable");
        AnalysisRowsSeeder.seed(restarted, "code-quality", List.of(local));
        List<Row> cycle = restarted.cycle();
        assertThat(cycle).extracting(Row::perspectiveId).containsExactlyElementsOf(ImplementationHarness.STAGES);
        assertThat(cycle).extracting(Row::iteration).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        assertThat(restarted.rows()).hasSize(8);
    }

    @Test
    void findingsGoneAtHeadAreNotTakenOn() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding local = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(local));
        Files.delete(repo.resolve(SRC + "Labels.java"));
        ImplementationFixture.commit(repo, "Remove the labels", "2026-11-02T10:00:00Z");

        Row first = harness.stage();

        assertThat(first.status()).isEqualTo(Status.SKIPPED);
        assertThat(first.reason()).isEqualTo("None of the 1 finding of the latest analysis rows can be taken on: 0 handled "
                + "by earlier cycles, 1 no longer present at HEAD, 0 without a file.");
        assertThat(harness.analysisOf(first).get("notes")).extracting(JsonNode::asText).contains("1 higher-priority finding "
                + "is no longer present at HEAD: UnusedLocalVariable at src/main/java/com/shop/Labels.java: "
                + "src/main/java/com/shop/Labels.java no longer exists at HEAD.");
    }

    @Test
    void anotherFindingOfTheWholeFileIsNamedWithoutALine() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding local = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        // a file-level finding (a hotspot, an untested class) has no line: the note said "hotspot (line null)"
        Finding hotspot = Finding.of("hotspot", "architecture", Severity.LOW, SRC + "Labels.java", null, null,
                "changed in 12 commits", null);
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(local, hotspot));

        Row first = harness.stage();

        assertThat(harness.analysisOf(first).get("task").get("finding_id").asText()).isEqualTo(local.id());
        assertThat(harness.analysisOf(first).get("notes")).extracting(JsonNode::asText).contains("1 other finding of the "
                + "latest analysis in " + SRC + "Labels.java: hotspot (whole file).");
    }

    @Test
    void anUntestedPythonModuleIsAboutTheWholeModuleNotALineOutsideEveryFunction() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/__init__.py", "");
        ImplementationFixture.write(repo, "shop/cart.py", "def add(item, items):\n    items.append(item)\n    return items\n\n\n"
                + "def total(prices):\n    return sum(prices)\n");
        ImplementationFixture.commit(repo, "A module without tests", "2026-11-01T10:00:00Z");
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        AnalysisRowsSeeder.seed(harness, "test-coverage", List.of(Finding.of("untested-module", "test-coverage",
                Severity.MEDIUM, "shop/cart.py", 1, 7, "module shop.cart (7 lines) has no test", "shop.cart")));

        List<Row> cycle = harness.cycle();

        assertThat(harness.analysisOf(cycle.get(0)).get("task").get("rule").asText()).isEqualTo("untested-module");
        // flask's app.py said "line 1 is outside every function" in four stages
        assertThat(harness.analysisOf(cycle.get(0)).get("notes")).extracting(JsonNode::asText).contains("The finding is "
                + "about the whole module shop/cart.py: the Python model places callers and tests per function, so none "
                + "are listed for it.");
        assertThat(cycle.get(1).summary()).isEqualTo("shop/cart.py: call sites not traced (the finding is about the whole "
                + "module); 1 component affected.");
        assertThat(harness.analysisOf(cycle.get(3)).get("risks")).filteredOn(r -> r.get("kind").asText().equals("fan_in"))
                .singleElement().extracting(r -> r.get("evidence").asText())
                .isEqualTo("the finding is about the whole module, not one function");
        assertThat(cycle).allSatisfy(r -> assertThat(harness.json(r).toString()).as(r.perspectiveId())
                .doesNotContain("outside every function"));
    }

    @Test
    void aSecretInAPropertiesFileGetsAPlanWithoutItsValue() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationFixture.write(repo, "config/app.properties", "db.url=jdbc:postgresql://db/shop\ndb.password=" + SECRET + "\n");
        ImplementationFixture.commit(repo, "Configuration", "2026-11-02T10:00:00Z");
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        List<Finding> secrets = new SecurityPerspective(harness.pmd, new SecretScanner())
                .analyze(TestSnapshots.context(harness.snapshot())).findings().stream()
                .filter(f -> f.file().equals("config/app.properties")).toList();
        assertThat(secrets).hasSize(1);
        AnalysisRowsSeeder.seed(harness, "security", secrets);

        List<Row> cycle = harness.cycle();

        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        for (Row row : cycle) {
            assertThat(harness.mapper.writeValueAsString(row)).doesNotContain(SECRET);
        }
        JsonNode understanding = harness.analysisOf(cycle.get(0));
        assertThat(understanding.get("task").get("rule").asText()).isEqualTo(secrets.get(0).rule());
        assertThat(understanding.get("evidence").get("excerpt").asText())
                .isEqualTo("db.url=jdbc:postgresql://db/shop\ndb.password=[REDACTED]");
        assertThat(understanding.get("evidence").get("presence_check").asText())
                .isEqualTo("the security analysis row made at HEAD still lists it");
        assertThat(understanding.get("notes")).extracting(JsonNode::asText).contains("config/app.properties is neither "
                + "Java nor Python: there is no code model (callers, tests, mechanical fixes) for it.");
        assertThat(harness.analysisOf(cycle.get(1)).get("components")).extracting(JsonNode::asText).containsExactly("config");
        assertThat(harness.analysisOf(cycle.get(2)).get("chosen_approach").asText())
                .isEqualTo("Move the secret out of the repository and rotate it");
        assertThat(harness.analysisOf(cycle.get(3)).get("risks")).extracting(r -> r.get("kind").asText() + " "
                + r.get("probability").asText()).containsExactly("fan_in unknown", "coverage unknown", "churn low",
                "public_api medium", "behaviour medium");
        assertThat(harness.analysisOf(cycle.get(4)).get("notes")).extracting(JsonNode::asText).contains(
                "config/app.properties: neither Java nor Python: no code model for this file; the project's whole build "
                        + "and test suite is the check.");
        JsonNode changes = harness.analysisOf(cycle.get(5)).get("code_changes");
        assertThat(changes.get("source").asText()).isEqualTo("none");
        assertThat(changes.get("diff").isNull()).isTrue();
        assertThat(changes.get("description").asText()).isEqualTo("No mechanical fix exists for " + secrets.get(0).rule()
                + ". Plan only: Move the secret out of the repository and rotate it.");
        assertThat(cycle.get(5).qualityScore()).isNull();
        assertThat(cycle.get(5).summary()).startsWith("Plan only for " + secrets.get(0).rule() + " at config/app.properties");
    }

    @Test
    void aJavaFileThatDoesNotParseGetsAPlanOnly() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, SRC + "Broken.java", "package com.shop;\n\npublic class Broken {\n    void oops( {\n}\n");
        ImplementationFixture.commit(repo, "Broken", "2026-11-01T10:00:00Z");
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        assertThat(harness.analysis.tick(harness.snapshot()).perspectiveId()).isEqualTo("code-quality");

        List<Row> cycle = harness.cycle();

        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        JsonNode task = harness.analysisOf(cycle.get(0)).get("task");
        assertThat(task.get("rule").asText()).isEqualTo("parse-error");
        assertThat(task.get("file").asText()).isEqualTo(SRC + "Broken.java");
        assertThat(harness.analysisOf(cycle.get(1)).get("notes").get(0).asText())
                .startsWith("src/main/java/com/shop/Broken.java does not parse at HEAD (")
                .endsWith("): the finding cannot be placed in the code.");
        assertThat(harness.analysisOf(cycle.get(1)).get("location").get("class_name").isNull()).isTrue();
        assertThat(harness.analysisOf(cycle.get(5)).get("code_changes").get("description").asText())
                .isEqualTo("No mechanical fix exists for parse-error. Plan only: Change the code as the rule describes.");
    }
}
