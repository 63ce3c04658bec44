package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox hands the Hub whole rows only, whatever else a data file holds. */
class HubOutboxTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    /**
     * A line many times the window (the zeroed blocks a crash left, blanked by the repair) is stepped over without
     * reading it into memory: before, the window doubled until it held the whole line.
     */
    @Test
    void aBlankedLineLongerThanTheHeapIsSteppedOver() throws Exception {
        DatasetStore store = new DatasetStore(root, "alice", 1L << 30, mapper,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        store.append("ds", Rows.row(1, "p1", List.of()));
        Path file = store.dataFiles("ds").get(0);
        byte[] zeros = new byte[48 << 20];
        Files.write(file, zeros, StandardOpenOption.APPEND);
        Files.writeString(file, "\n", StandardOpenOption.APPEND);
        store.append("ds", Rows.row(2, "p2", List.of()));

        String output = dev.autocoder.workers.testsupport.SmallHeapJvm.run("32m", root, PendingRows.class, root.toString());

        assertThat(output).contains("pending rows: 2");
    }

    /** The child JVM: opens the store (which repairs the file) and counts what the outbox would publish. */
    public static final class PendingRows {
        public static void main(String[] args) {
            DatasetStore store = new DatasetStore(Path.of(args[0]), "alice", 1L << 30, new ObjectMapper(), Clock.systemUTC());
            System.out.println("pending rows: " + new HubOutbox(store).pendingRows("ds", Map.of()));
        }
    }

    @Test
    void aLineThatIsNotARowIsNeverPublishedAndTheRowsAroundItAre() throws Exception {
        DatasetStore store = new DatasetStore(root, "alice", 1 << 20, mapper,
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        store.append("ds", Rows.row(1, "p1", List.of()));
        Path file = store.dataFiles("ds").get(0);
        // broken after the store was opened (and repaired): only the outbox stands between it and the Hub
        String rowTwo = mapper.writeValueAsString(Rows.row(2, "p2", List.of()));
        Files.writeString(file, rowTwo.substring(0, 50) + rowTwo + "\n", StandardOpenOption.APPEND);
        store.append("ds", Rows.row(3, "p3", List.of()));
        Files.writeString(file, "{\"schema_version\":2,\n", StandardOpenOption.APPEND);

        HubOutbox outbox = new HubOutbox(store);
        List<OutboxSegment> segments = outbox.pending("ds", Map.of(), 1 << 20, 10);
        List<Long> published = new ArrayList<>();
        for (OutboxSegment segment : segments) {
            for (String line : new String(segment.content(), StandardCharsets.UTF_8).split("\n")) {
                published.add(mapper.readValue(line, Row.class).iteration());
            }
            // the Hub path still names where the rows are in the local file
            assertThat(java.util.Arrays.copyOfRange(Files.readAllBytes(file), (int) segment.from(), (int) segment.to()))
                    .isEqualTo(segment.content());
        }
        assertThat(published).containsExactly(1L, 3L);
        assertThat(outbox.pendingRows("ds", Map.of())).isEqualTo(2);

        // once those are on the Hub, nothing is pending: the broken lines are skipped, not sent
        String name = outbox.localName("ds", file);
        long end = segments.get(segments.size() - 1).to();
        assertThat(outbox.pending("ds", Map.of(name, end), 1 << 20, 10)).isEmpty();
        assertThat(outbox.pendingRows("ds", Map.of(name, end))).isZero();
    }
}
