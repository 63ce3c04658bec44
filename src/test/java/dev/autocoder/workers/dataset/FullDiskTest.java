package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.testsupport.SmallDisk;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store on a real full disk (a 64 KiB tmpfs): an append lands whole or not at all, and lands once when retried. */
class FullDiskTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    private DatasetStore store(Path root) {
        return new DatasetStore(root, "alice", 1 << 20, mapper, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    /** A row of several KiB: larger than any slack left in the data file's last page. */
    private static Row bigRow(long iteration) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            findings.add(Finding.of("Rule" + i, "design", Severity.MEDIUM, "src/main/java/a/VeryLongClassName" + i + ".java",
                    i + 1, i + 2, "a message long enough to make this row span more than one page of the disk " + i, "x = y;"));
        }
        return Rows.row(iteration, "p" + iteration, findings);
    }

    @Test
    void aFullDiskLeavesNoPartialRowAndTheRetryLandsExactlyOnce() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), "64k")) {
            Path root = disk.root().resolve("store");
            DatasetStore store = store(root);
            for (long i = 1; i <= 3; i++) {
                store.append("ds", Rows.row(i, "p" + i, List.of()));
            }
            Path file = store.dataFiles("ds").get(0);
            byte[] before = Files.readAllBytes(file);
            assertThat(before.length % 4096).as("the last page has room for part of a row").isPositive();

            disk.fill();
            Row fourth = bigRow(4);
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> store.append("ds", fourth));
            // all or nothing: not one byte of the row stayed behind
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(failure).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left");
            assertThatThrownBy(() -> store.append("ds", fourth)).isInstanceOf(UncheckedIOException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);

            disk.free();
            store.append("ds", fourth);
            store.append("ds", Rows.row(5, "p5", List.of()));
            assertThat(store.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertEveryLineIsARow(store.dataFiles("ds"));

            DatasetStore restarted = store(root);
            assertThat(restarted.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(restarted.repairedLines()).isZero();
            assertEveryLineIsARow(restarted.dataFiles("ds"));
        }
    }

    private void assertEveryLineIsARow(List<Path> files) throws Exception {
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            for (String line : text.split("\n")) {
                assertThat(mapper.readValue(line, Row.class)).as(line).isNotNull();
            }
        }
    }
}
