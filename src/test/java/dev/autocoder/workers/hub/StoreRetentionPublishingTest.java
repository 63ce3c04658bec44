package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's retention beside a Hub that is down: old local data files stay while their rows are not on the Hub,
 * and go once it has them; every row lands on the Hub exactly once and numbering goes on.
 */
class StoreRetentionPublishingTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void oldFilesStayUntilTheHubHasTheirRowsThenGo() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = HubTestApp.properties(fixture.root(), temp.resolve("store"), hub);
        properties.put("autocoder.store.max-file-size", "1KB"); // a file per row
        properties.put("autocoder.store.retention", "1d");
        properties.put("autocoder.store.retention-check", "200ms");
        properties.put("autocoder.store.retention-delay", "200ms");
        try (ConfigurableApplicationContext app = App.start(properties)) {
            DatasetStore store = app.getBean(DatasetStore.class);
            CamelContext camel = app.getBean(CamelContext.class);
            await("a first commit").atMost(LIMIT).until(() -> !hubRows(hub, mapper).isEmpty());

            // the Hub goes down; the worker writes on
            hub.setDown(true);
            List<Long> published = iterations(hubRows(hub, mapper));
            int files = store.dataFiles(DATASET).size();
            await("rows written meanwhile").atMost(LIMIT).until(() -> store.dataFiles(DATASET).size() >= files + 3);

            // every file but the newest is three days older than it: past the retention
            List<Path> old = new ArrayList<>(store.dataFiles(DATASET));
            old.remove(old.size() - 1);
            for (Path file : old) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
            }
            List<Long> oldIterations = new ArrayList<>();
            List<Path> onTheHub = new ArrayList<>();
            List<Path> notOnTheHub = new ArrayList<>();
            for (Path file : old) {
                List<Long> rows = iterations(rowsOf(store, file));
                oldIterations.addAll(rows);
                (published.containsAll(rows) ? onTheHub : notOnTheHub).add(file);
            }
            assertThat(onTheHub).isNotEmpty();
            assertThat(notOnTheHub).isNotEmpty();

            await("the old files whose rows are on the Hub removed").atMost(LIMIT)
                    .until(() -> onTheHub.stream().noneMatch(Files::exists));
            assertThat(sweeps(camel, 3)).isTrue();
            assertThat(notOnTheHub).as("rows not on the Hub yet: kept").allMatch(Files::exists);

            hub.setDown(false);
            await("the old rows published").atMost(LIMIT)
                    .until(() -> iterations(hubRows(hub, mapper)).containsAll(oldIterations));
            await("the old files removed").atMost(LIMIT).until(() -> old.stream().noneMatch(Files::exists));

            List<Long> local = iterations(store.rows(DATASET));
            assertThat(local).doesNotContainAnyElementsOf(oldIterations).isNotEmpty();
            // numbering goes on after the removed rows
            assertThat(local.get(0)).isGreaterThan(oldIterations.get(oldIterations.size() - 1));
            await("the rows kept locally published too").atMost(LIMIT)
                    .until(() -> iterations(hubRows(hub, mapper)).containsAll(iterations(store.rows(DATASET))));
        }
        List<Long> onTheHub = iterations(hubRows(hub, mapper));
        assertThat(onTheHub).as("each row once").doesNotHaveDuplicates();
        assertThat(onTheHub).isEqualTo(onTheHub.stream().sorted().toList());
        assertThat(onTheHub.get(0)).isEqualTo(1L);
        assertThat(onTheHub.get(onTheHub.size() - 1)).isEqualTo((long) onTheHub.size());
    }

    private static List<Row> rowsOf(DatasetStore store, Path file) {
        List<Row> rows = new ArrayList<>();
        store.forEachRowAt(DATASET, (row, at) -> {
            if (at.file().equals(file)) {
                rows.add(row);
            }
        });
        return rows;
    }

    /** Whether the retention route ran that many more times within the limit. */
    private static boolean sweeps(CamelContext camel, int times) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("store-retention").whenDone(times).create();
        return done.matches(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
}
