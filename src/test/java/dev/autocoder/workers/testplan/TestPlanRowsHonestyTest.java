package dev.autocoder.workers.testplan;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs the planner cannot fully use give rows that say so, never exceptions. */
class TestPlanRowsHonestyTest {

    @TempDir
    Path temp;

    @Test
    void anUnparseableFileIsLeftOutAndNamed() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));

        PerspectiveResult result = harness.run(harness.perspective("edge-cases"));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("unparseable_files");
            assertThat(m.value()).isEqualTo(1.0);
        });
        assertThat(TestPlanHarness.analysis(result).notes()).contains("1 Java file could not be parsed and is left out: "
                + "src/main/java/com/shop/Broken.java (ParseException: Parse exception at line 4, column 16: Encountered \"{\".).");
        assertThat(TestPlanHarness.analysis(result).scope().outOfScope())
                .contains("src/main/java/com/shop/Broken.java: not parsed (ParseException: Parse exception at line 4, column 16: "
                                + "Encountered \"{\".)",
                        "src/test/java/com/shop/pricing/DiscountsTest.java: test code");
    }

    /** Every list of a row is capped, the scope's too: a first plan of a large target does not repeat every path. */
    @Test
    void aScopeLargerThanARowListsTheFirstFilesAndSaysHowManyThereAre() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"), 2);

        PerspectiveResult result = harness.run(harness.perspective("what-are-we-testing"));

        double inScope = result.metrics().stream().filter(m -> m.name().equals("in_scope_files")).findFirst().orElseThrow().value();
        assertThat(inScope).isGreaterThan(2);
        var scope = TestPlanHarness.analysis(result).scope();
        assertThat(scope.inScope()).hasSize(2);
        assertThat(scope.outOfScope()).hasSize(2);
        assertThat(TestPlanHarness.analysis(result).notes())
                .contains((long) inScope + " files in scope, the first 2 listed (autocoder.testplan.max-items-per-row).")
                .anyMatch(n -> n.matches("\\d+ files out of scope, the first 2 listed \\(autocoder.testplan.max-items-per-row\\)\\."));
    }

    @Test
    void onlyUnparseableJavaGivesASkippedRowWithTheReason() throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/Broken.java"), "class Broken { void oops( }\n");

        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("out"));
        PerspectiveResult result = harness.run(harness.perspective("failure-modes"));

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).startsWith("None of the 1 Java file could be parsed (first: src/Broken.java: ");
        assertThat(TestPlanHarness.analysis(result).failureModes()).isEmpty();
        assertThat(TestPlanHarness.analysis(result).notes()).containsExactly(result.reason());
    }

    @Test
    void aRepositoryWithoutJavaOrPythonSkipsTheCodePerspectivesAndStillReviewsCi() throws Exception {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve(".ci"));
        Files.writeString(repo.resolve("app.sh"), "echo hi\n");
        Files.writeString(repo.resolve(".ci/run"), "#!/bin/sh\npytest -q\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("python").setAuthor("a", "a@example.org").setCommitter("a", "a@example.org").call();
        }
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("out"));

        PerspectiveResult scope = harness.run(harness.perspective("what-are-we-testing"));
        assertThat(scope.status()).isEqualTo(Status.SKIPPED);
        assertThat(scope.reason()).isEqualTo("No Java or Python files in the repository: What Are We Testing? plans tests "
                + "from the Java and Python models, so there is nothing to plan.");

        PerspectiveResult ci = harness.run(harness.perspective("ci-cd"));
        assertThat(ci.status()).isEqualTo(Status.OK);
        assertThat(ci.summary()).isEqualTo("1 CI file (.ci/run), 1 command; tests run, coverage not measured, static analysis not run.");
        assertThat(ci.findings()).extracting(Finding::rule).containsExactly("no-coverage-in-ci", "no-static-analysis-in-ci");
        assertThat(ci.qualityScore()).isEqualTo(0.8);
        // no failure modes, edge cases or tests of its own: no column of zeros for them
        assertThat(ci.metrics()).extracting(dev.autocoder.workers.row.Metric::name).doesNotContain("failure_modes",
                "integration_points", "edge_cases", "api_changes", "test_specifications");

        PerspectiveResult big = harness.run(harness.perspective("big-picture"));
        assertThat(big.status()).isEqualTo(Status.SKIPPED);
        assertThat(big.reason()).isEqualTo("No other test-planning perspective has written a row yet: nothing to review.");
    }

    @Test
    void aFolderWithoutGitHistoryPlansTheWholeCodebaseAndSaysWhy() throws Exception {
        Path repo = temp.resolve("plain");
        Files.createDirectories(repo.resolve("src/main/java/p"));
        Files.writeString(repo.resolve("src/main/java/p/A.java"), "package p;\npublic class A {\n    public int twice(int x) {\n        return x * 2;\n    }\n}\n");
        TestPlanHarness harness = new TestPlanHarness(repo, temp.resolve("store"), temp.resolve("out"));

        PerspectiveResult edges = harness.run(harness.perspective("edge-cases"));
        assertThat(edges.status()).isEqualTo(Status.OK);
        assertThat(TestPlanHarness.analysis(edges).baselineCommit()).isNull();
        assertThat(TestPlanHarness.analysis(edges).notes())
                .contains("The target has no git history: no diff is possible, the whole codebase is in scope.");
        assertThat(TestPlanHarness.analysis(edges).edgeCases()).hasSize(5);

        PerspectiveResult compatibility = harness.run(harness.perspective("backwards-compatibility"));
        assertThat(compatibility.status()).isEqualTo(Status.SKIPPED);
        assertThat(compatibility.reason()).isEqualTo("The target has no git history: there is no earlier commit to compare the API with.");
    }

    @Test
    void aBaselineThatIsNoLongerInTheRepositoryFallsBackToTheWholeCodebase() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"));
        TestPlanHarness harness = new TestPlanHarness(fixture.root(), temp.resolve("store"), temp.resolve("out"));
        harness.plannedAt("what-are-we-testing", "0123456789abcdef0123456789abcdef01234567");

        PerspectiveResult result = harness.run(harness.perspective("what-are-we-testing"));

        assertThat(TestPlanHarness.analysis(result).firstRun()).isTrue();
        assertThat(TestPlanHarness.analysis(result).notes()).contains("The last planned commit 0123456789abcdef0123456789abcdef01234567"
                + " is not in the repository any more (history rewritten?): the whole codebase is in scope.");
    }
}
