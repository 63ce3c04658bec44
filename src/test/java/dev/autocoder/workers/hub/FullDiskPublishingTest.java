package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.testsupport.SmallDisk;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static dev.autocoder.workers.hub.HubTestApp.DATASET;
import static dev.autocoder.workers.hub.HubTestApp.hubRows;
import static dev.autocoder.workers.hub.HubTestApp.iterations;
import static dev.autocoder.workers.hub.HubTestApp.localRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with its store on a small tmpfs that fills up while the worker writes and the outbox publishes:
 * no row is lost, none is doubled, and no line the Hub receives is anything but a whole row.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullDiskPublishingTest extends WithFakeHub {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aDiskThatFillsUpAndFreesAgainLosesNoRowAndPublishesNoBrokenLine(CapturedOutput output) throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), "2m")) {
            Path store = disk.root().resolve("store");
            try (ConfigurableApplicationContext app = App.start(HubTestApp.properties(fixture.root(), store, hub))) {
                DatasetStore local = app.getBean(DatasetStore.class);
                await("rows on the Hub").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= 2);

                disk.fill();
                int failuresBefore = failures(output);
                await("appends failing on the full disk").atMost(LIMIT).until(() -> failures(output) >= failuresBefore + 3);

                disk.free();
                int written = local.rows(DATASET).size();
                await("rows written again").atMost(LIMIT).until(() -> local.rows(DATASET).size() >= written + 3);
                await("rows published again").atMost(LIMIT).until(() -> hubRows(hub, mapper).size() >= written + 1);
            }
            // every local line is a row (or a repaired blank), numbered without a gap, and the Hub holds them once
            assertEveryLineIsARow(store);
            List<Long> numbers = iterations(localRows(store));
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).as("no row lost").isEqualTo(i + 1L);
            }
            // hubRows fails on any line that is not a row
            assertThat(iterations(hubRows(hub, mapper))).doesNotHaveDuplicates().isEqualTo(numbers);
            assertThat(hub.violations()).isEmpty();
        }
    }

    private static int failures(CapturedOutput output) {
        String all = output.getAll();
        int count = 0;
        for (int at = all.indexOf("No space left on device"); at >= 0; at = all.indexOf("No space left on device", at + 1)) {
            count++;
        }
        return count;
    }

    private void assertEveryLineIsARow(Path store) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store.resolve("local").resolve(DATASET))) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    assertThat(mapper.readValue(line, Row.class)).as(line).isNotNull();
                }
            }
        }
    }
}
