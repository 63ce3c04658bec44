package dev.example.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A host application embeds the jar: the template and beans come with it; the host's YAML makes the worker. */
class EmbeddedWorkerTest {

    @TempDir
    Path temp;

    @Test
    void aWorkerRouteWithAnUnknownPerspectiveStopsStartUp() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(HostApplication.class).run(
                        "--server.port=0",
                        "--camel.main.routes-include-pattern=classpath:host-routes/*.yaml",
                        "--host.perspectives=architecture,astrology",
                        "--autocoder.target.path=" + fixture.root(),
                        "--autocoder.store.path=" + temp.resolve("store")))
                .hasMessage("route nightly-architecture parameter perspectives: unknown perspective 'astrology' for worker analysis");
    }

    @Test
    void aHostInstantiatesTheWorkerTemplateFromItsOwnYaml() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class).run(
                "--server.port=0",
                "--camel.main.routes-include-pattern=classpath:host-routes/*.yaml",
                "--autocoder.target.path=" + fixture.root(),
                "--autocoder.store.path=" + temp.resolve("store"),
                "--autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch")) {
            CamelContext camel = context.getBean(CamelContext.class);
            assertThat(camel.getRoutes()).extracting(Route::getRouteId)
                    .contains("nightly-architecture", "autocoder-iteration", "host-own-route")
                    .doesNotContain("analysis-worker");

            DatasetStore store = context.getBean(DatasetStore.class);
            await("3 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows("host-architecture-results").size() >= 3);
            List<Row> rows = store.rows("host-architecture-results");
            assertThat(rows).extracting(Row::perspectiveId).startsWith("architecture", "dependencies", "architecture");
            assertThat(rows).extracting(Row::iteration).startsWith(1L, 2L, 3L);
            assertThat(rows.get(0).summary()).isNotBlank();
            assertThat(temp.resolve("store/local/host-architecture-results/data")).isDirectory();
        }
    }

    @Test
    void aHostsOwnDatasetStoreReplacesOursAndTheWorkerRouteWritesToIt() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class, HostOwnStore.class).run(
                "--server.port=0",
                "--camel.main.routes-include-pattern=classpath:host-routes/*.yaml",
                "--autocoder.target.path=" + fixture.root(),
                "--autocoder.store.path=" + temp.resolve("store"),
                "--host.store-path=" + temp.resolve("host-store"),
                "--autocoder.analysis.osv-url=http://127.0.0.1:9/v1/querybatch")) {
            DatasetStore store = context.getBean(DatasetStore.class);
            assertThat(store.root()).isEqualTo(temp.resolve("host-store").toAbsolutePath().normalize());
            assertThat(store.owner()).isEqualTo("host-team");

            await("a row in the host's store").atMost(Duration.ofMinutes(3)).until(() -> !store.rows("host-architecture-results").isEmpty());
            assertThat(store.rows("host-architecture-results").get(0).perspectiveId()).isEqualTo("architecture");
            assertThat(temp.resolve("host-store/host-team/host-architecture-results/data")).isDirectory();
            assertThat(temp.resolve("store/local/host-architecture-results/data")).doesNotExist();
        }
    }

    /**
     * A host's own configuration, given to Spring as a source (not scanned, so the other tests keep our store). It
     * names its bean {@code datasetStore}: the worker template calls the store by that name.
     */
    static class HostOwnStore {
        @Bean
        DatasetStore datasetStore(@Value("${host.store-path}") Path root, ObjectMapper mapper) {
            return new DatasetStore(root, "host-team", 64L * 1024 * 1024, mapper, Clock.systemUTC());
        }
    }
}
