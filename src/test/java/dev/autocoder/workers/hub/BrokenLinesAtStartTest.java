package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static dev.autocoder.workers.hub.HubTestApp.localRows;
import static org.assertj.core.api.Assertions.assertThat;

/** A store left with a broken line by an older version: repaired at start, reported, and never published. */
class BrokenLinesAtStartTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aBrokenLineInTheMiddleIsRepairedReportedAndNeverReachesTheHub() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Path store = temp.resolve("store");
        Path file = store.resolve("local/" + DATASET + "/data/2026/11/24/20261124T100000000Z.jsonl");
        Files.createDirectories(file.getParent());
        String two = mapper.writeValueAsString(Rows.row(2, "architecture", List.of()));
        // a full disk cut row 2, and the retried row 2 was appended onto the fragment
        Files.writeString(file, mapper.writeValueAsString(Rows.row(1, "dependencies", List.of())) + "\n"
                + two.substring(0, 70) + two + "\n"
                + mapper.writeValueAsString(Rows.row(3, "dependencies", List.of())) + "\n");

        try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), store, hub))) {
            await("rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= 5);
            String status = HubPublishingTest.get(App.port(app), "/api/status");
            assertThat(status).contains("\"store\":{\"repaired_lines\":1}");
            assertThat(HubPublishingTest.get(App.port(app), "/")).contains("1 broken lines in the local store were repaired");
        }
        List<Long> local = iterations(localRows(store));
        assertThat(local.subList(0, 4)).containsExactly(1L, 2L, 3L, 4L);
        // hubRows fails on any line that is not a row
        assertThat(iterations(hubRows(hub, mapper))).doesNotHaveDuplicates().isEqualTo(local);
        try (var quarantined = Files.walk(store.resolve(".quarantine"))) {
            assertThat(quarantined.filter(Files::isRegularFile).map(q -> {
                try {
                    return Files.readString(q);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).containsExactly(two.substring(0, 70));
        }
    }
}
