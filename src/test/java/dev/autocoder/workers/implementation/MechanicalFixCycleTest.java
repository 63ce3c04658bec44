package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cycle per mechanical kind on the committed shop fixture: the analysis row lists the real PMD finding, the six
 * stages run in order on one task, and the Implementation Plan's diff is accepted by the real {@code git apply
 * --check}, applies, the patched project compiles with the JDK's compiler, and PMD no longer reports the finding.
 */
class MechanicalFixCycleTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = '|', value = {
            "Inventory.java|UnusedPrivateField|code-quality|Remove the unused private field `capacity` and the assignment to it.",
            "Labels.java|UnusedLocalVariable|code-quality|Remove the unused local variable `label`.",
            "Catalog.java|UnnecessaryImport|code-quality|Remove the unnecessary import `java.util.Map`.",
            "Parser.java|EmptyCatchBlock|code-quality|Log the ignored NumberFormatException at WARNING with the JDK's System.Logger instead of swallowing it silently.",
            "Report.java|UseStringBufferForStringAppends|performance|Build `text` with a StringBuilder: append instead of string concatenation, and `text.toString()` where the text is read.",
            "Rules.java|SimplifyBooleanReturns|code-quality|Return the condition directly: `return age >= 18;`.",
            "Streams.java|UseTryWithResources|code-quality|Close `in` with try-with-resources instead of in a finally block."})
    void theCycleEndsInAPatchThatGitAppliesAndThatCompiles(String file, String rule, String perspective, String description)
            throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding finding = AnalysisRowsSeeder.finding(harness, SRC + file, rule);
        AnalysisRowsSeeder.seed(harness, perspective, List.of(finding));

        List<Row> cycle = harness.cycle();

        assertThat(cycle).extracting(Row::perspectiveId).containsExactlyElementsOf(ImplementationHarness.STAGES);
        assertThat(cycle).allSatisfy(r -> assertThat(r.status()).as(r.perspectiveId() + ": " + r.reason()).isEqualTo(Status.OK));
        assertThat(cycle).extracting(r -> harness.json(r).get("task_id").asText()).containsOnly("task-1-" + finding.id());
        assertThat(cycle).extracting(r -> harness.json(r).get("finding_id").asText()).containsOnly(finding.id());
        JsonNode plan = harness.analysisOf(cycle.get(5));
        JsonNode changes = plan.get("code_changes");
        assertThat(changes.get("verified").asBoolean()).isTrue();
        assertThat(changes.get("source").asText()).isEqualTo("mechanical");
        assertThat(changes.get("file").asText()).isEqualTo(SRC + file);
        assertThat(changes.get("description").asText()).isEqualTo(description);
        assertThat(changes.get("task_id").asText()).isEqualTo("task-1-" + finding.id());
        assertThat(harness.analysisOf(cycle.get(2)).get("chosen_approach").asText())
                .isEqualTo(plan.get("chosen_approach").asText());
        assertThat(cycle.get(5).qualityScore()).isEqualTo(1.0);
        JsonNode progress = harness.json(cycle.get(5)).get("cumulative_progress");
        assertThat(progress.get("tasks_started").asLong()).isEqualTo(1);
        assertThat(progress.get("implementations_generated").asLong()).isEqualTo(1);

        String diff = changes.get("diff").asText();
        ImplementationFixture.GitResult check = ImplementationFixture.git(repo, diff, "apply", "--check", "-");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(ImplementationFixture.git(repo, diff, "apply", "-").exitCode()).isZero();
        assertThat(java.nio.file.Files.readString(repo.resolve(SRC + file))).isEqualTo(changes.get("code").asText());
        assertThat(ImplementationFixture.compileErrors(repo, temp.resolve("classes"))).isEmpty();
        assertThat(new PmdEngine(ImplementationHarness.CURATED, 1).analyze(TestSnapshots.of(repo)).violations())
                .noneMatch(v -> v.path().equals(SRC + file) && v.rule().equals(rule));
    }
}
