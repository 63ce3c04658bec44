package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.autocoder.workers.analysis.coverage.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Test-mapping: a class without a test class of its own that other tests use (this repository's
 * AnalysisDiskCacheTest drives DiskCache) is an info finding naming them, after the classes no test uses; a test
 * that names a class it cannot see (another package, not imported) does not use it.
 */
class TestUsersTest {

    private static final String MAIN = "src/main/java/com/acme/";
    private static final String TEST = "src/test/java/com/acme/";

    @TempDir
    Path root;

    @Test
    void aClassOtherTestsUseIsAnInfoFindingAfterTheClassesNoTestUses() {
        Fixtures.writeLines(root, MAIN + "cache/DiskCache.java", "package com.acme.cache;", 60);
        Fixtures.writeLines(root, MAIN + "store/Store.java", "package com.acme.store;", 30);
        Fixtures.writeLines(root, MAIN + "store/Orphan.java", "package com.acme.store;", 50);
        Fixtures.write(root, TEST + "cache/AnalysisDiskCacheTest.java", """
                package com.acme.cache;

                class AnalysisDiskCacheTest {
                    private final DiskCache cache = new DiskCache();
                }
                """);
        Fixtures.write(root, TEST + "app/StoreFlowTest.java", """
                package com.acme.app;

                import com.acme.store.Store;

                class StoreFlowTest {
                    private final Store store = new Store(); // not an Orphan: that one is not imported
                }
                """);
        JavaModelProvider model = snapshot -> new JavaModel(snapshot.key(), List.of(
                Fixtures.file(MAIN + "cache/DiskCache.java", "com.acme.cache",
                        type("com.acme.cache.DiskCache", "class", true, false, 1, 60, 45)),
                Fixtures.file(MAIN + "store/Store.java", "com.acme.store",
                        type("com.acme.store.Store", "class", true, false, 1, 30, 20)),
                Fixtures.file(MAIN + "store/Orphan.java", "com.acme.store",
                        type("com.acme.store.Orphan", "class", true, false, 1, 50, 41)),
                Fixtures.file(TEST + "cache/AnalysisDiskCacheTest.java", "com.acme.cache",
                        type("com.acme.cache.AnalysisDiskCacheTest", "class", false, true, 3, 5, 1)),
                new JavaFileModel(TEST + "app/StoreFlowTest.java", "hash", "com.acme.app", List.of("com.acme.store.Store"),
                        List.of(type("com.acme.app.StoreFlowTest", "class", false, true, 5, 7, 1)), null)));

        PerspectiveResult result = new TestCoveragePerspective(model, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.findings()).extracting(Finding::file, Finding::severity).containsExactly(
                tuple(MAIN + "store/Orphan.java", Severity.HIGH),
                tuple(MAIN + "cache/DiskCache.java", Severity.INFO),
                tuple(MAIN + "store/Store.java", Severity.INFO));
        assertThat(result.findings().get(1).message()).endsWith("has no test class of its own (looked for DiskCacheTest,"
                + " DiskCacheTests, DiskCacheIT, TestDiskCache); tests that use it: AnalysisDiskCacheTest");
        assertThat(result.summary()).contains("3 public classes have no test class; first by complexity: "
                + "com.acme.store.Orphan", "2 of them are used by other test classes (info findings).");
        assertThat(result.recommendations()).first().asString().startsWith("Add a test class OrphanTest");
        assertThat(result.recommendations()).noneMatch(r -> r.contains("DiskCacheTest") || r.contains("StoreTest"));
    }

    /**
     * On this repository the first screen led with {@code untested-class} × 12 high: PythonQuality, QualityGate and
     * others that no test names, each run by hundreds of tests through the class that uses it (CodeQualityPerspective
     * has tests of its own). A class only exercised main classes use is a step lower, naming them; one nothing tested
     * reaches keeps its severity and comes first.
     */
    @Test
    void aClassOnlyReachedThroughAnExercisedClassIsAStepLowerAndNamesIt() {
        Fixtures.write(root, MAIN + "quality/Perspective.java", """
                package com.acme.quality;

                public class Perspective {
                    private final Rules rules = new Rules();
                }
                """);
        Fixtures.writeLines(root, MAIN + "quality/Rules.java", "package com.acme.quality;", 60);
        Fixtures.writeLines(root, MAIN + "quality/Orphan.java", "package com.acme.quality;", 60);
        Fixtures.write(root, TEST + "quality/PerspectiveTest.java", """
                package com.acme.quality;

                class PerspectiveTest {
                }
                """);
        JavaModelProvider model = snapshot -> new JavaModel(snapshot.key(), List.of(
                Fixtures.file(MAIN + "quality/Perspective.java", "com.acme.quality",
                        type("com.acme.quality.Perspective", "class", true, false, 3, 5, 3)),
                Fixtures.file(MAIN + "quality/Rules.java", "com.acme.quality",
                        type("com.acme.quality.Rules", "class", true, false, 1, 60, 45)),
                Fixtures.file(MAIN + "quality/Orphan.java", "com.acme.quality",
                        type("com.acme.quality.Orphan", "class", true, false, 1, 60, 42)),
                Fixtures.file(TEST + "quality/PerspectiveTest.java", "com.acme.quality",
                        type("com.acme.quality.PerspectiveTest", "class", false, true, 3, 4, 1))));

        PerspectiveResult result = new TestCoveragePerspective(model, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.findings()).extracting(Finding::file, Finding::severity).containsExactly(
                tuple(MAIN + "quality/Orphan.java", Severity.HIGH),
                tuple(MAIN + "quality/Rules.java", Severity.MEDIUM));
        assertThat(result.findings().get(1).message()).endsWith("has no test class (looked for RulesTest, RulesTests, "
                + "RulesIT, TestRules); no test uses it, but it is reached through Perspective, which tests exercise");
        assertThat(result.summary()).contains("1 of them no test uses is reached through main classes tests exercise");
    }

    /**
     * On this repository, with one step followed, the first screen kept {@code untested-class} × 6 high: EdgeInputs is
     * used by EdgeCasesPerspective, which PlanningFactory makes for the tests that run it by name. A class reached in
     * two steps is a step lower too, naming the class of the step before and the number of steps.
     */
    @Test
    void aClassReachedInTwoStepsIsAStepLowerAndSaysHowFar() {
        Fixtures.write(root, MAIN + "plan/Factory.java", """
                package com.acme.plan;

                public class Factory {
                    private final EdgeCases edgeCases = new EdgeCases();
                }
                """);
        Fixtures.write(root, MAIN + "plan/EdgeCases.java", """
                package com.acme.plan;

                public class EdgeCases {
                    private final EdgeInputs inputs = new EdgeInputs();
                }
                """);
        Fixtures.writeLines(root, MAIN + "plan/EdgeInputs.java", "package com.acme.plan;", 60);
        Fixtures.write(root, TEST + "plan/FactoryTest.java", """
                package com.acme.plan;

                class FactoryTest {
                }
                """);
        JavaModelProvider model = snapshot -> new JavaModel(snapshot.key(), List.of(
                Fixtures.file(MAIN + "plan/Factory.java", "com.acme.plan",
                        type("com.acme.plan.Factory", "class", true, false, 3, 5, 3)),
                Fixtures.file(MAIN + "plan/EdgeCases.java", "com.acme.plan",
                        type("com.acme.plan.EdgeCases", "class", true, false, 3, 5, 20)),
                Fixtures.file(MAIN + "plan/EdgeInputs.java", "com.acme.plan",
                        type("com.acme.plan.EdgeInputs", "class", true, false, 1, 60, 45)),
                Fixtures.file(TEST + "plan/FactoryTest.java", "com.acme.plan",
                        type("com.acme.plan.FactoryTest", "class", false, true, 3, 4, 1))));

        PerspectiveResult result = new TestCoveragePerspective(model, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(result.findings()).extracting(Finding::file, Finding::severity).containsExactlyInAnyOrder(
                tuple(MAIN + "plan/EdgeInputs.java", Severity.MEDIUM),
                tuple(MAIN + "plan/EdgeCases.java", Severity.LOW));
        assertThat(result.findings()).filteredOn(f -> f.file().endsWith("EdgeInputs.java")).singleElement()
                .extracting(Finding::message).asString()
                .endsWith("no test uses it, but it is reached through EdgeCases, 2 steps from a class tests use");
    }
}
