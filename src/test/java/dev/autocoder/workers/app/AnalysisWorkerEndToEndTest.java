package dev.autocoder.workers.app;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FakeOsvServer;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.StoreFiles;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis worker end to end: the real application, its YAML routes and all six perspectives on a fixture
 * repository with planted problems, rows read back from the dataset store.
 */
class AnalysisWorkerEndToEndTest {

    private static final String SERVICE = "src/main/java/com/acme/orders/OrderService.java";

    @TempDir
    Path temp;

    @Test
    void everyPerspectiveFindsWhatWasPlanted() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Path storePath = temp.resolve("store");
        List<Row> rows;
        try (FakeOsvServer osv = new FakeOsvServer()) {
            Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), storePath);
            properties.put("autocoder.analysis.osv-url", osv.batchUrl().toString());
            // only the analysis worker's rows are checked: the other workers would only compete for the cores
            properties.put("autocoder.workers.enabled", "analysis");
            try (ConfigurableApplicationContext context = App.start(properties)) {
                DatasetStore store = context.getBean(DatasetStore.class);
                await("one full rotation").atMost(Duration.ofMinutes(2)).until(() -> store.rows("autocoder-analysis-results").size() >= 6);
                rows = store.rows("autocoder-analysis-results").subList(0, 6);
            }
        }
        String head;
        try (Git git = Git.open(fixture.root().toFile())) {
            head = git.getRepository().resolve("HEAD").name();
        }
        assertThat(rows).extracting(Row::status).containsOnly(Status.OK);
        assertThat(rows).extracting(Row::commit).containsOnly(head);
        assertThat(rows).extracting(Row::perspectiveName).containsExactly("Code Quality Analysis", "Architecture Review",
                "Performance Analysis", "Security Audit", "Dependency Analysis", "Test Coverage Analysis");
        Map<String, Row> byPerspective = rows.stream().collect(Collectors.toMap(Row::perspectiveId, Function.identity()));
        for (Row row : rows) {
            assertThat(row.qualityScore()).as(row.perspectiveId()).isBetween(0.0, 1.0);
            assertThat(row.issuesFound()).as(row.perspectiveId()).isEqualTo(row.findings().size());
            assertThat(row.recommendations()).as(row.perspectiveId()).isNotEmpty();
        }

        Row quality = byPerspective.get("code-quality");
        assertThat(quality.findings()).anySatisfy(f -> assertPlace(f, "EmptyCatchBlock", SERVICE, 21));
        assertThat(quality.findings()).anySatisfy(f -> assertPlace(f, "parse-error", "src/main/java/com/acme/util/Broken.java", null));
        assertThat(quality.metric("unparseable_files")).hasValue(1);

        assertThat(byPerspective.get("performance").findings())
                .anySatisfy(f -> assertPlace(f, "UseStringBufferForStringAppends", SERVICE, 13));

        Row architecture = byPerspective.get("architecture");
        assertThat(architecture.metric("dependency_cycles")).hasValue(1);
        assertThat(architecture.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("package-cycle");
            assertThat(f.message()).contains("com.acme.orders", "com.acme.billing", "com.acme.shipping");
        });

        Row security = byPerspective.get("security");
        assertThat(security.findings()).anySatisfy(f -> assertPlace(f, "huggingface-token", "src/main/resources/application.properties", 2));
        assertThat(StoreFiles.allText(storePath)).doesNotContain(FixtureRepository.PLANTED_TOKEN)
                .doesNotContain(FixtureRepository.PLANTED_TOKEN.substring(3, 20));

        Row dependencies = byPerspective.get("dependencies");
        assertThat(dependencies.metric("osv_lookup_available")).hasValue(1);
        assertThat(dependencies.findings()).anySatisfy(f -> {
            assertPlace(f, "known-vulnerability", "pom.xml", f.line());
            assertThat(f.message()).contains("jackson-databind 2.9.8", FakeOsvServer.JACKSON_ID);
        });

        Row coverage = byPerspective.get("test-coverage");
        assertThat(coverage.summary()).contains("jacoco");
        assertThat(coverage.metric("line_coverage")).hasValue(2.0 / 16.0);
        assertThat(coverage.findings()).anySatisfy(f -> assertPlace(f, "low-coverage", SERVICE, f.line()));
    }

    private static void assertPlace(Finding finding, String rule, String file, Integer line) {
        assertThat(finding.rule()).isEqualTo(rule);
        assertThat(finding.file()).isEqualTo(file);
        assertThat(finding.line()).isEqualTo(line);
    }
}
