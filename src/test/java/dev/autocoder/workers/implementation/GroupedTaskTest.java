package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule repeated in one file is one change by hand: the task takes the other places with it and no later cycle
 * plans them again; findings that measure their own unit (a complex method) stay one task each.
 */
class GroupedTaskTest {

    @TempDir
    Path temp;

    @Test
    void aRepeatedPatternInOneFileIsOneTaskAndComplexMethodsStayApart() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationFixture.write(repo, SRC + "Names.java", ImplementationFixture.NAMES);
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        List<Finding> compares = AnalysisRowsSeeder.findings(harness, SRC + "Names.java", "UseEqualsToCompareStrings");
        assertThat(compares).hasSize(2);
        Finding veryComplex = Finding.of("complex-method", "design", Severity.LOW, SRC + "Names.java", 4, 6,
                "Names.same(String, String) has cyclomatic complexity 30", "public boolean same(String name, String other)");
        Finding complex = Finding.of("complex-method", "design", Severity.LOW, SRC + "Names.java", 8, 10,
                "Names.differ(String, String) has cyclomatic complexity 25", "public boolean differ(String name, String other)");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(complex, veryComplex, compares.get(1), compares.get(0)));

        List<Row> first = harness.cycle();

        JsonNode task = harness.analysisOf(first.get(0)).get("task");
        assertThat(task.get("finding_id").asText()).isEqualTo(compares.get(0).id());
        assertThat(task.get("grouped_findings")).hasSize(1);
        assertThat(task.get("grouped_findings").get(0).get("finding_id").asText()).isEqualTo(compares.get(1).id());
        assertThat(task.get("grouped_findings").get(0).get("line").asInt()).isEqualTo(9);
        assertThat(first.get(0).summary()).contains(" with the 1 other UseEqualsToCompareStrings of this file (line 9), "
                + "one change by hand: ");
        assertThat(harness.analysisOf(first.get(0)).get("problem").asText()).endsWith(" Taken on with it, as one change "
                + "by hand: the 1 other UseEqualsToCompareStrings in this file, line 9.");
        JsonNode plan = harness.analysisOf(first.get(5));
        assertThat(plan.get("plan_steps")).extracting(JsonNode::asText).contains("Make the same change at the other "
                + "UseEqualsToCompareStrings of " + SRC + "Names.java this task takes on, line 9.");
        assertThat(first.get(5).summary()).startsWith("Plan only for UseEqualsToCompareStrings at " + SRC
                + "Names.java (and 1 more there): ");

        // the grouped finding is not planned again; each complex method is a task of its own
        JsonNode second = harness.analysisOf(harness.cycle().get(0)).get("task");
        assertThat(second.get("finding_id").asText()).isEqualTo(veryComplex.id());
        assertThat(second.get("grouped_findings")).isEmpty();
        JsonNode third = harness.analysisOf(harness.cycle().get(0)).get("task");
        assertThat(third.get("finding_id").asText()).isEqualTo(complex.id());
        Row fourth = harness.stage();
        assertThat(harness.analysisOf(fourth).get("task").get("state").asText()).isEqualTo("none");
        assertThat(fourth.reason()).contains("4 handled by earlier cycles");
    }

    @Test
    void onlyTheSameSeverityOfTheRuleIsGrouped() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        // a rule that tells a literal command (low) from one built of input (high), as ruff's S605 does
        Finding built = Finding.of("shell-command", "security", Severity.HIGH, SRC + "Report.java", 6, 6,
                "Starting a process with a shell, possible injection", "Runtime.exec(\"sh -c \" + name)");
        Finding builtAgain = Finding.of("shell-command", "security", Severity.HIGH, SRC + "Report.java", 9, 9,
                "Starting a process with a shell, possible injection", "Runtime.exec(\"sh -c \" + other)");
        Finding literal = Finding.of("shell-command", "security", Severity.LOW, SRC + "Report.java", 3, 3,
                "Starting a process with a shell: seems safe", "Runtime.exec(\"sh -c ls\")");
        AnalysisRowsSeeder.seed(harness, "security", List.of(literal, builtAgain, built));

        JsonNode task = harness.analysisOf(harness.cycle().get(0)).get("task");

        assertThat(task.get("finding_id").asText()).isEqualTo(built.id());
        assertThat(task.get("grouped_findings")).extracting(g -> g.get("finding_id").asText())
                .containsExactly(builtAgain.id());
        JsonNode next = harness.analysisOf(harness.cycle().get(0)).get("task");
        assertThat(next.get("finding_id").asText()).isEqualTo(literal.id());
    }

    @Test
    void atMostAListOfTheRowComesAlongAndTheRestAreLaterTasks() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        StringBuilder shell = new StringBuilder("package com.shop;\n\npublic class Shell {\n"
                + "    public void run(String[] names) throws Exception {\n");
        for (int i = 0; i < 52; i++) {
            shell.append("        Runtime.getRuntime().exec(\"sh -c \" + names[").append(i).append("]);\n");
        }
        ImplementationFixture.write(repo, SRC + "Shell.java", shell.append("    }\n}\n").toString());
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        List<Finding> calls = java.util.stream.IntStream.range(0, 52).mapToObj(i -> Finding.of("shell-command", "security",
                Severity.HIGH, SRC + "Shell.java", 5 + i, 5 + i, "Starting a process with a shell, possible injection",
                "Runtime.getRuntime().exec(\"sh -c \" + names[" + i + "]);")).toList();
        AnalysisRowsSeeder.seed(harness, "security", calls);

        JsonNode task = harness.analysisOf(harness.cycle().get(0)).get("task");

        // max-items-per-row (50) come along with the first, in line order
        assertThat(harness.properties.getImplementation().getMaxItemsPerRow()).isEqualTo(50);
        assertThat(task.get("finding_id").asText()).isEqualTo(calls.get(0).id());
        assertThat(task.get("grouped_findings")).extracting(g -> g.get("finding_id").asText())
                .containsExactlyElementsOf(calls.subList(1, 51).stream().map(Finding::id).toList());
        JsonNode next = harness.analysisOf(harness.cycle().get(0)).get("task");
        assertThat(next.get("finding_id").asText()).isEqualTo(calls.get(51).id());
        assertThat(next.get("grouped_findings")).isEmpty();
    }
}
