package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.plan.ApiChange;
import dev.autocoder.workers.testplan.plan.TestPlanAnalysis;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The public API diff and the scope across the fixture's two commits. */
class BackwardsCompatibilityPerspectiveTest {

    @TempDir
    Path temp;

    @Test
    void theApiDiffAcrossTwoCommitsIsExact() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));
        TestPlanningPerspective perspective = harness.perspective("backwards-compatibility");
        harness.plannedAt(perspective.id(), fixture.first());

        PerspectiveResult result = harness.run(perspective);
        TestPlanAnalysis analysis = TestPlanHarness.analysis(result);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(analysis.baselineCommit()).isEqualTo(fixture.first());
        assertThat(analysis.headCommit()).isEqualTo(fixture.second());
        assertThat(analysis.apiChanges()).extracting(ApiChange::kind, ApiChange::className, ApiChange::member,
                        ApiChange::before, ApiChange::after, ApiChange::breaking)
                .containsExactly(
                        tuple("visibility-narrowed", "com.shop.api.OrderApi", "count(List)", "public count(List)", "package count(List)", true),
                        tuple("checked-exception-added", "com.shop.api.OrderApi", "save(String)", "save(String)", "save(String) throws IOException", true),
                        tuple("signature-changed", "com.shop.api.OrderApi", "label", "String label(String, int)", "String label(String, long)", true),
                        tuple("method-removed", "com.shop.api.OrderApi", "legacy()", "void legacy()", null, true),
                        tuple("method-added", "com.shop.api.OrderApi", "isEmpty()", null, "boolean isEmpty()", false));
        assertThat(result.findings()).extracting(f -> f.rule()).containsExactly("api-visibility-narrowed",
                "api-checked-exception-added", "api-signature-changed", "api-method-removed");
        assertThat(result.qualityScore()).isEqualTo(1.0 / 5);
        assertThat(analysis.testSpecifications()).hasSize(4)
                .allSatisfy(s -> assertThat(s.testClass()).isEqualTo("com.shop.api.OrderApiBackwardsCompatibilityTest"));
        // the chain: each specification answers its API change and the finding it produced
        assertThat(analysis.testSpecifications().get(0).findingIds())
                .containsExactly(analysis.apiChanges().get(0).id(), result.findings().get(0).id());
    }

    @Test
    void theScopeListsWhatChangedSinceTheLastPlannedCommit() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));
        TestPlanningPerspective perspective = harness.perspective("what-are-we-testing");
        harness.plannedAt(perspective.id(), fixture.first());

        PerspectiveResult result = harness.run(perspective);
        var scope = TestPlanHarness.analysis(result).scope();

        assertThat(scope.filesAdded()).isEmpty();
        assertThat(scope.filesChanged()).containsExactly(TestPlanFixture.API);
        assertThat(scope.filesRemoved()).isEmpty();
        assertThat(scope.methodsAdded()).containsExactly("com.shop.api.OrderApi#label(String, long)", "com.shop.api.OrderApi#isEmpty()");
        assertThat(scope.methodsChanged()).containsExactly("com.shop.api.OrderApi#count(List)", "com.shop.api.OrderApi#save(String)",
                "com.shop.api.OrderApi#total(List)");
        assertThat(scope.methodsRemoved()).containsExactly("com.shop.api.OrderApi#label(String, int)", "com.shop.api.OrderApi#legacy()");
        assertThat(scope.inScope()).containsExactly(TestPlanFixture.API);
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("lines_added");
            assertThat(m.value()).isEqualTo(9.0);
        });
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("lines_removed");
            assertThat(m.value()).isEqualTo(5.0);
        });
    }

    @Test
    void aFirstPlanHasNoBaselineAndSaysSo() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));

        PerspectiveResult result = harness.run(harness.perspective("backwards-compatibility"));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.qualityScore()).isNull();
        assertThat(TestPlanHarness.analysis(result).firstRun()).isTrue();
        assertThat(TestPlanHarness.analysis(result).apiChanges()).isEmpty();
        assertThat(result.summary()).startsWith("First plan: no earlier planned commit");
    }
}
