package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.pmd.SeverityWeights;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.PatchVerifier;
import dev.autocoder.workers.implementation.task.TaskPriority;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which finding a cycle takes on: priority weighs severity, scope and whether the worker can deliver a verified
 * change before the hotspot rank, and generated or fixture code is never taken on.
 */
class TaskPriorityTest {

    @TempDir
    Path temp;

    @Test
    void aFixableMainCodeFindingBeatsAnUnfixableOneInTheTopHotspot() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding fixable = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        // same severity, no mechanical fix for the rule, in the file the architecture row ranks first
        Finding unfixable = Finding.of("complex-method", "design", fixable.severity(), SRC + "Parser.java", 5, 11,
                "parse(String) is complex", "public int parse(String value)");
        AnalysisRowsSeeder.seedHotspots(harness, List.of(SRC + "Parser.java", SRC + "Labels.java"));
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(unfixable, fixable));

        Row first = harness.stage();

        assertThat(first.status()).isEqualTo(Status.OK);
        JsonNode task = harness.analysisOf(first).get("task");
        assertThat(task.get("finding_id").asText()).isEqualTo(fixable.id());
        double weight = SeverityWeights.of(fixable.severity());
        // an unused local variable is maintainability advice (defect factor 1); Labels.java is hotspot 2 of 2: 1 + 1/2
        assertThat(task.get("priority").asDouble()).isEqualTo(weight * 1 * 1 * 200 * 1.5);
        assertThat(task.get("hotspot_rank").asInt()).isEqualTo(2);
        assertThat(harness.analysisOf(first).get("notes")).extracting(JsonNode::asText).contains("Priority "
                + (weight * 300) + " = severity " + fixable.severity().label() + " (" + weight + ") × maintainability advice "
                + "(1.0) × scope main (1.0) × deliverability mechanical (200.0) × hotspot factor 1.5.");

        List<Row> rest = List.of(harness.stage(), harness.stage(), harness.stage(), harness.stage(), harness.stage());
        assertThat(harness.analysisOf(rest.get(4)).get("code_changes").get("verified").asBoolean()).isTrue();
        // the unfixable one (weight × 1 × 1 × 2) comes next
        Row second = harness.stage();
        assertThat(harness.analysisOf(second).get("task").get("finding_id").asText()).isEqualTo(unfixable.id());
        assertThat(harness.analysisOf(second).get("task").get("priority").asDouble()).isEqualTo(weight * 2);
    }

    @Test
    void amongEqualPrioritiesTheLargerMeasureComesFirst() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        // same rule, severity and priority (no fix, no hotspot): the path orders Labels before Parser
        Finding barelyComplex = Finding.of("complex-method", "design", dev.autocoder.workers.row.Severity.MEDIUM,
                SRC + "Labels.java", 5, 12, "Labels.sum(int[]) has cyclomatic complexity 11", "public int sum(int[] values)");
        Finding veryComplex = Finding.of("complex-method", "design", dev.autocoder.workers.row.Severity.MEDIUM,
                SRC + "Parser.java", 5, 11, "Parser.parse(String) has cyclomatic complexity 24", "public int parse(String value)");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(barelyComplex, veryComplex));

        Row first = harness.stage();

        JsonNode task = harness.analysisOf(first).get("task");
        assertThat(task.get("finding_id").asText()).isEqualTo(veryComplex.id());
        assertThat(task.get("priority").asDouble()).isEqualTo(SeverityWeights.of(veryComplex.severity()));
    }

    @Test
    void aLikelyDefectOutranksMaintainabilityAdviceOfTheSameSeverityInABiggerHotspot() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationFixture.write(repo, SRC + "Names.java", ImplementationFixture.NAMES);
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        // a likely bug (PMD's Error Prone) and a complex method of the same severity, neither fixable; the complex
        // method is in the top hotspot, has the larger measure and the first path
        Finding likelyBug = AnalysisRowsSeeder.finding(harness, SRC + "Names.java", "UseEqualsToCompareStrings");
        assertThat(likelyBug.category()).isEqualTo("Error Prone");
        Finding complex = Finding.of("complex-method", "design", likelyBug.severity(), SRC + "Labels.java", 5, 12,
                "Labels.sum(int[]) has cyclomatic complexity 24", "public int sum(int[] values)");
        AnalysisRowsSeeder.seedHotspots(harness, List.of(SRC + "Labels.java", SRC + "Names.java"));
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(complex, likelyBug));

        Row first = harness.stage();

        JsonNode task = harness.analysisOf(first).get("task");
        assertThat(task.get("finding_id").asText()).isEqualTo(likelyBug.id());
        double weight = SeverityWeights.of(likelyBug.severity());
        // defect factor 2 × hotspot 2 of 2 (1.5) against the complex method's 1 × hotspot 1 of 2 (2)
        assertThat(task.get("priority").asDouble()).isEqualTo(weight * 2 * 1.5);
        assertThat(harness.analysisOf(first).get("notes")).extracting(JsonNode::asText).anyMatch(n -> n.contains(
                "× likely defect (2.0) × scope main (1.0) × deliverability by-hand (1.0) × hotspot factor 1.5."));
    }

    @Test
    void aMechanicalFindingWhoseFixRefusesThereGivesWayToOneTheWorkerCanFix() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        // PreserveStackTrace has a mechanical fix, but not for an exception class declared in another file: which
        // constructors it has is not certain from this file
        Files.writeString(repo.resolve(SRC + "ShopException.java"), """
                package com.shop;

                public class ShopException extends RuntimeException {
                    public ShopException(String message) {
                        super(message);
                    }

                    public ShopException(String message, Throwable cause) {
                        super(message, cause);
                    }
                }
                """);
        Files.writeString(repo.resolve(SRC + "Quantities.java"), """
                package com.shop;

                public class Quantities {
                    public int parse(String value) {
                        try {
                            return Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new ShopException("not a quantity: " + value);
                        }
                    }
                }
                """);
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding refused = AnalysisRowsSeeder.finding(harness, SRC + "Quantities.java", "PreserveStackTrace");
        Finding fixable = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        assertThat(SeverityWeights.of(refused.severity())).isGreaterThan(SeverityWeights.of(fixable.severity()));
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(refused, fixable));

        Row first = harness.stage();

        JsonNode analysis = harness.analysisOf(first);
        assertThat(analysis.get("task").get("finding_id").asText()).isEqualTo(fixable.id());
        assertThat(analysis.get("notes")).extracting(JsonNode::asText).anyMatch(n -> n.startsWith(
                "Passed over for now 1 PreserveStackTrace finding ranked as fixable, first " + SRC
                + "Quantities.java:8 (its mechanical fix refuses here ("));
        List<Row> rest = List.of(harness.stage(), harness.stage(), harness.stage(), harness.stage(), harness.stage());
        assertThat(harness.analysisOf(rest.get(4)).get("code_changes").get("verified").asBoolean()).isTrue();

        // with nothing fixable left, the refused finding is taken on as a change by hand, and the row says why
        Row second = harness.stage();
        JsonNode task = harness.analysisOf(second).get("task");
        assertThat(task.get("finding_id").asText()).isEqualTo(refused.id());
        assertThat(harness.analysisOf(second).get("notes")).extracting(JsonNode::asText)
                .anyMatch(n -> n.contains("As a change by hand its priority is " + SeverityWeights.of(refused.severity())));
    }

    @Test
    void aSearchStoppedByRefusalsDoesNotClaimThatNothingFixableRanksHigher() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        Files.writeString(repo.resolve(SRC + "ShopException.java"), """
                package com.shop;

                public class ShopException extends RuntimeException {
                    public ShopException(String message, Throwable cause) {
                        super(message, cause);
                    }
                }
                """);
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            methods.append("""
                        public int parse%d(String value) {
                            try {
                                return Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                throw new ShopException("not quantity %d: " + value, null);
                            }
                        }
                    """.formatted(i, i));
        }
        Files.writeString(repo.resolve(SRC + "Quantities.java"), "package com.shop;\n\npublic class Quantities {\n"
                + methods + "}\n");
        // one re-check per pick: at most four refused fixes are tried before the search stops
        ImplementationHarness harness = ImplementationHarness.withPresenceChecks(repo, temp.resolve("store"), 1);
        List<Finding> refusing = AnalysisRowsSeeder.findings(harness, SRC + "Quantities.java", "PreserveStackTrace");
        assertThat(refusing).hasSize(5);
        Finding fixable = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        List<Finding> seeded = new java.util.ArrayList<>(refusing);
        seeded.add(fixable);
        AnalysisRowsSeeder.seed(harness, "code-quality", seeded);

        JsonNode analysis = harness.analysisOf(harness.stage());

        assertThat(analysis.get("task").get("rule").asText()).as(analysis.get("notes").toString()).isEqualTo("PreserveStackTrace");
        assertThat(analysis.get("notes")).extracting(JsonNode::asText).contains("Stopped after 4 findings whose "
                + "mechanical fix refused.").anyMatch(n -> n.endsWith("and no finding looked at before the search "
                + "stopped ranks higher.")).noneMatch(n -> n.contains("no finding the worker can fix ranks higher"));
    }

    @Test
    void aFixableFindingACappedRowDoesNotListIsTakenFromPmdAtHead() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding listed = Finding.of("complex-method", "design", dev.autocoder.workers.row.Severity.HIGH,
                SRC + "Parser.java", 5, 11, "parse(String) is complex", "public int parse(String value)");
        // the row found more than it lists (most severe first): the fixable one is not listed
        AnalysisRowsSeeder.seedCapped(harness, "code-quality", List.of(listed), 40);

        Row first = harness.stage();

        JsonNode analysis = harness.analysisOf(first);
        // the fixture's PMD findings with a mechanical fix (unused field, local, import, empty catch…), none listed
        assertThat(analysis.get("task").get("finding_id").asText()).isNotEqualTo(listed.id());
        assertThat(new MechanicalFixes(new PatchVerifier()).supports(analysis.get("task").get("rule").asText())).isTrue();
        assertThat(analysis.get("notes")).extracting(JsonNode::asText).anyMatch(n -> n.startsWith(
                "The code-quality row lists 1 of its 40 findings; ") && n.endsWith(" come from PMD's result at HEAD."));
        List<Row> rest = List.of(harness.stage(), harness.stage(), harness.stage(), harness.stage(), harness.stage());
        assertThat(harness.analysisOf(rest.get(4)).get("code_changes").get("verified").asBoolean()).isTrue();
    }

    @Test
    void mainCodeComesBeforeTestCodeAndGeneratedOrFixtureCodeIsNeverTakenOn() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding field = AnalysisRowsSeeder.finding(harness, SRC + "Inventory.java", "UnusedPrivateField");
        Finding local = AnalysisRowsSeeder.finding(harness, SRC + "Labels.java", "UnusedLocalVariable");
        Finding imported = AnalysisRowsSeeder.finding(harness, SRC + "Catalog.java", "UnnecessaryImport");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(field.withScope(Scope.GENERATED),
                local.withScope(Scope.TEST), imported.withScope(Scope.FIXTURE)));

        Row first = harness.stage();
        assertThat(harness.analysisOf(first).get("task").get("finding_id").asText()).isEqualTo(local.id());
        assertThat(harness.analysisOf(first).get("task").get("priority").asDouble())
                .isEqualTo(SeverityWeights.of(local.severity()) * 0.25 * 200);
        for (int i = 0; i < 5; i++) {
            harness.stage();
        }

        Row second = harness.stage();
        assertThat(second.status()).isEqualTo(Status.SKIPPED);
        assertThat(second.reason()).isEqualTo("None of the 1 finding of the latest analysis rows can be taken on: "
                + "1 handled by earlier cycles, 0 no longer present at HEAD, 0 without a file (and 2 in generated or "
                + "fixture code, never taken on).");
    }

    @Test
    void theFactorsOrderScopesAndDeliverability() {
        TaskPriority withoutModel = new TaskPriority(rule -> rule.equals("UnusedLocalVariable"), false);
        TaskPriority withModel = new TaskPriority(rule -> rule.equals("UnusedLocalVariable"), true);
        Finding local = Finding.of("UnusedLocalVariable", "best practices", dev.autocoder.workers.row.Severity.MEDIUM,
                "src/main/java/A.java", 3, 3, "unused", "int x = 1;");
        Finding god = Finding.of("GodClass", "design", dev.autocoder.workers.row.Severity.MEDIUM,
                "src/main/java/A.java", 1, 1, "god class", "class A");

        assertThat(withoutModel.delivery(local)).isEqualTo(TaskPriority.Delivery.MECHANICAL);
        assertThat(withoutModel.delivery(god)).isEqualTo(TaskPriority.Delivery.BY_HAND);
        assertThat(withModel.delivery(god)).isEqualTo(TaskPriority.Delivery.MODEL);
        // an unfixable finding in the top hotspot (factor 2) stays below a fixable one outside any hotspot
        assertThat(withoutModel.of(local, 1)).isGreaterThan(withoutModel.of(god, 2));
        // a likely defect counts twice a piece of advice of its severity; the mechanical factor still covers both
        // ratios: fixable info advice only ties with a critical defect by hand in the top hotspot
        Finding bug = Finding.of("CompareObjectsWithEquals", "Error Prone", dev.autocoder.workers.row.Severity.MEDIUM,
                "src/main/java/A.java", 2, 2, "use equals()", "a == b");
        assertThat(withoutModel.of(bug, 1)).isEqualTo(2 * withoutModel.of(god, 1));
        Finding infoLocal = Finding.of("UnusedLocalVariable", "best practices", dev.autocoder.workers.row.Severity.INFO,
                "src/main/java/A.java", 3, 3, "unused", "int x = 1;");
        Finding criticalBug = Finding.of("CompareObjectsWithEquals", "Error Prone", dev.autocoder.workers.row.Severity.CRITICAL,
                "src/main/java/A.java", 2, 2, "use equals()", "a == b");
        assertThat(withoutModel.of(infoLocal, 1)).isEqualTo(withoutModel.of(criticalBug, 2));
        assertThat(withoutModel.of(local.withScope(Scope.MAIN), 1)).isGreaterThan(withoutModel.of(local.withScope(Scope.BUILD), 1));
        assertThat(withoutModel.of(local.withScope(Scope.BUILD), 1)).isGreaterThan(withoutModel.of(local.withScope(Scope.TEST), 1));
        assertThat(TaskPriority.takesOn(local.withScope(Scope.GENERATED))).isFalse();
        assertThat(TaskPriority.takesOn(local.withScope(Scope.FIXTURE))).isFalse();
        // a Java rule's fix does not apply to another language's file
        Finding inKotlin = Finding.of("UnusedLocalVariable", "best practices", dev.autocoder.workers.row.Severity.MEDIUM,
                "src/main/kotlin/A.kt", 3, 3, "unused", "val x = 1");
        assertThat(withoutModel.delivery(inKotlin)).isEqualTo(TaskPriority.Delivery.BY_HAND);
    }
}
