package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans say something about their own finding: the concrete edit (member, lines, code before and after) when the
 * worker made a patch, and otherwise what a person must decide and why the worker cannot, with the member's facts.
 */
class PlanStepsTest {

    @TempDir
    Path temp;

    @Test
    void planStepsOfFindingsOfDifferentRulesNameTheirOwnMemberAndLines() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding local = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        Finding complex = Finding.of("complex-method", "design", local.severity(), SRC + "Parser.java", 5, 11,
                "parse(String) has too many branches", "public int parse(String value)");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(complex, local));

        List<Row> fixable = harness.cycle();
        List<Row> byHand = harness.cycle();

        List<String> patchSteps = steps(harness, fixable.get(5));
        List<String> decisionSteps = steps(harness, byHand.get(5));
        assertThat(harness.analysisOf(fixable.get(5)).get("task").get("finding_id").asText()).isEqualTo(local.id());
        assertThat(patchSteps.get(0)).startsWith("Apply the diff to " + SRC + "Labels.java: Remove the unused local "
                        + "variable `label`. In com.shop.Labels#sum(int[]) (lines 5-13), ")
                .contains("remove `").contains("String label = \"total\";");
        assertThat(harness.analysisOf(byHand.get(5)).get("task").get("finding_id").asText()).isEqualTo(complex.id());
        assertThat(decisionSteps.get(0)).isEqualTo("Decide how to split com.shop.Parser#parse(String) (lines 5-11) "
                + "(7 lines, cyclomatic complexity 2) at " + SRC + "Parser.java lines 5-11: which steps are separable, "
                + "what to name them, and in what order to move them (4 references from 2 other classes depend on it). "
                + "parse(String) has too many branches. The worker cannot: no mechanical fix exists for complex-method, "
                + "and no language model is configured (autocoder.llm.model).");
        assertThat(decisionSteps.get(0)).isNotEqualTo(patchSteps.get(0));
        // the approach texts are about this finding too, not a sentence that fits every one
        JsonNode approaches = harness.analysisOf(byHand.get(2)).get("approaches");
        assertThat(approaches).extracting(a -> a.get("description").asText())
                .allSatisfy(d -> assertThat(d).doesNotContain("the rule's message asks for"));
    }

    /** An unused import is in the file's imports, not in a member ("In import java.util.Map, line 4"). */
    @Test
    void theEditOfAnImportIsPlacedInTheImports() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding imported = AnalysisRowsSeeder.finding(harness, SRC + "Catalog.java", "UnnecessaryImport");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(imported));

        List<Row> cycle = harness.cycle();

        assertThat(steps(harness, cycle.get(5)).get(0)).endsWith("In the imports, line " + imported.line() + " of " + SRC
                + "Catalog.java: remove `import java.util.Map;`.");
    }

    /** A Python hotspot names its module's most complex functions, as a Java one its class's methods. */
    @Test
    void aPythonHotspotNamesTheMostComplexFunctionsOfItsModule() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, "shop/rules.py", """
                def grade(score):
                    if score > 90:
                        return "a"
                    if score > 80:
                        return "b"
                    return "c"


                class Rules:
                    def check(self, order):
                        if not order:
                            return False
                        for line in order:
                            if line < 0:
                                return False
                        return True

                    def name(self):
                        return "rules"
                """);
        ImplementationFixture.commit(repo, "Rules", "2026-11-01T10:00:00Z");
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        AnalysisRowsSeeder.seed(harness, "architecture", List.of(Finding.of("hotspot", "architecture",
                dev.autocoder.workers.row.Severity.HIGH, "shop/rules.py", null, null,
                "shop/rules.py: 1 commit × complexity 8", "hotspot shop/rules.py")));

        List<Row> cycle = harness.cycle();

        assertThat(steps(harness, cycle.get(5)).get(0)).startsWith("Decide which functions of shop/rules.py to cover "
                + "with tests before changing them (most complex: Rules.check(order) 4, grade(score) 3, Rules.name() 1): ");
    }

    @Test
    void aFindingOfARuleWithoutAFamilyNamesTheCodeAndTheRule() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding magic = Finding.of("magic-number", "style", dev.autocoder.workers.row.Severity.LOW, SRC + "Rules.java",
                7, 7, "18 is a magic number", "if (age >= 18) {");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(magic));

        List<Row> cycle = harness.cycle();

        String step = steps(harness, cycle.get(5)).get(0);
        assertThat(step).isEqualTo("Decide how to change com.shop.Rules#isAdult(int) (lines 6-12) (7 lines, cyclomatic "
                + "complexity 2) at " + SRC + "Rules.java line 7 (`if (age >= 18) {`) so that magic-number no longer "
                + "applies (\"18 is a magic number\"), or suppress it there with the reason (nothing outside its class "
                + "refers to it). The worker cannot: no mechanical fix exists for magic-number, and no language model is "
                + "configured (autocoder.llm.model).");
        JsonNode chosen = harness.analysisOf(cycle.get(2)).get("approaches").get(0);
        assertThat(chosen.get("description").asText()).isEqualTo("Change com.shop.Rules#isAdult(int) at line 7 so that "
                + "magic-number no longer applies: 18 is a magic number");
    }

    private static List<String> steps(ImplementationHarness harness, Row plan) {
        return harness.analysisOf(plan).get("plan_steps").findValuesAsText("x").isEmpty()
                ? java.util.stream.StreamSupport.stream(harness.analysisOf(plan).get("plan_steps").spliterator(), false)
                .map(JsonNode::asText).toList() : List.of();
    }
}
