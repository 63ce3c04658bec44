package dev.autocoder.workers.app;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testplan.TestPlanFixture;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.PathologicalJava;
import dev.autocoder.workers.testsupport.StoreFiles;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, item 5: a 20,000-line method in the target costs each engine at most its per-file time budget, once;
 * the analysis and test-planning workers keep writing rows meanwhile and name the file as skipped.
 */
class PathologicalFileTest {

    private static final String ANALYSIS = "autocoder-analysis-results";
    private static final String PLANNING = TestPlanningWorkerEndToEndTest.DATASET;
    private static final String HUGE = "src/main/java/com/shop/Huge.java";

    @TempDir
    Path temp;

    @Test
    @Timeout(300)
    void workersKeepWritingRowsWhileAPathologicalFileIsInTheTarget() throws Exception {
        TestPlanFixture fixture = TestPlanFixture.create(temp.resolve("repo"), false);
        fixture.write(HUGE, PathologicalJava.LONG_METHOD.source("Huge", 20_000));
        try (Git git = Git.open(fixture.root().toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Fixture", "fixture@example.com", Instant.parse("2026-11-03T10:00:00Z"), java.time.ZoneOffset.UTC);
            git.commit().setMessage("A generated 20,000-line method").setAuthor(ident).setCommitter(ident).call();
        }
        Path store = temp.resolve("store");
        Map<String, Object> properties = TestPlanningWorkerEndToEndTest.properties(fixture.root(), store, temp.resolve("plans"));
        properties.put("autocoder.workers.analysis.perspectives", "code-quality,architecture");
        properties.put("autocoder.analysis.file-time-budget", "3s");

        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore rows = context.getBean(DatasetStore.class);
            // without a budget PMD holds its lock for 30 s and more on this file, JavaParser's model as long again
            await("rows of both workers").atMost(Duration.ofSeconds(40)).until(() -> count(rows, ANALYSIS) >= 2 && count(rows, PLANNING) >= 3);
            await("a full test-planning rotation").atMost(Duration.ofSeconds(60)).until(() -> count(rows, PLANNING) >= 15);
            await("more analysis rows meanwhile").atMost(Duration.ofSeconds(30)).until(() -> count(rows, ANALYSIS) >= 4);

            assertThat(rows.rows(ANALYSIS)).extracting(Row::status).containsOnly(Status.OK);
            assertThat(rows.rows(PLANNING)).extracting(Row::status).doesNotContain(Status.ERROR);
        }
        String written = StoreFiles.allText(store);
        assertThat(written).contains(HUGE).contains("autocoder.analysis.file-time-budget");
    }

    @Test
    void aBudgetThatIsNotPositiveIsRefusedAtStartUp() {
        for (String budget : new String[]{"0s", "-1s"}) {
            Map<String, Object> properties = App.fastWorkerProperties(temp, temp.resolve("store"));
            properties.put("autocoder.analysis.file-time-budget", budget);
            assertThatThrownBy(() -> App.start(properties)).satisfies(e -> assertThat(rootOf(e).getMessage())
                    .isEqualTo("autocoder.analysis.file-time-budget: must be a positive duration"));
        }
    }

    private static int count(DatasetStore store, String dataset) {
        return store.rows(dataset).size();
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
