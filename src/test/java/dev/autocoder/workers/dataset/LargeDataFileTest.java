package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.testsupport.SmallHeapJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data file at the store's size limit, read by a JVM whose heap is smaller than the file's rows parsed together:
 * every reader (oldest first, newest first, the last row) holds one row at a time. Before, the application stopped
 * at start-up on such a file (a test-planning dataset after some 220 rows on a large target).
 */
class LargeDataFileTest {

    private static final int ROWS = 120;
    private static final int ITEMS_PER_ROW = 2_500;
    /** A run of zeroed bytes, longer than the reading JVM's heap. */
    private static final int ZEROS = 48 << 20;

    @TempDir
    Path root;

    @Test
    void aJvmWithAHeapSmallerThanTheFileReadsItRowByRow() throws Exception {
        DatasetStore store = store();
        for (int i = 1; i <= ROWS; i++) {
            store.append("plans", planRow(i));
        }
        Path file = store.dataFiles("plans").get(0);
        // a blank line (a repaired one) and a line that is not a row are skipped, in both directions
        Files.writeString(file, "   \n{not a row\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.append("plans", planRow(ROWS + 1));
        assertThat(Files.size(file)).isGreaterThan(32L << 20);

        String output = SmallHeapJvm.run("32m", root, Reader.class, root.toString());
        assertThat(output).contains("oldest first: " + (ROWS + 1) + " rows, 1.." + (ROWS + 1),
                "newest first: " + (ROWS + 1) + " rows, " + (ROWS + 1) + "..1",
                "last row: " + (ROWS + 1), "last of perspective p7: 117");
    }

    @Test
    void millionsOfEmptyLinesNeedNoIndexOfThem() throws Exception {
        DatasetStore store = store();
        store.append("plans", Rows.planLike(1, "p1", 10));
        Path file = store.dataFiles("plans").get(0);
        // 8 million empty lines: an index of line starts alone would take 64 MB
        byte[] newlines = new byte[1 << 20];
        java.util.Arrays.fill(newlines, (byte) '\n');
        for (int i = 0; i < 8; i++) {
            Files.write(file, newlines, StandardOpenOption.APPEND);
        }
        store.append("plans", Rows.planLike(2, "p7", 10));

        String output = SmallHeapJvm.run("32m", root, Reader.class, root.toString());
        assertThat(output).contains("oldest first: 2 rows, 1..2", "newest first: 2 rows, 2..1", "last row: 2",
                "last of perspective p7: 2");
    }

    /**
     * A crash can leave zeroed blocks where rows were being written: a line of zeros as long as the file, a row cut
     * short and run on into zeros, an unterminated tail of zeros. Each is longer than the reading JVM's heap; the
     * repair keeps each in quarantine (copied as it is read) and blanks or cuts it, and every whole row is read.
     */
    @Test
    void linesOfZerosLongerThanTheHeapAreRepairedAndSkippedWithoutBeingHeld() throws Exception {
        DatasetStore store = store();
        store.append("plans", Rows.planLike(1, "p1", 10));
        Path file = store.dataFiles("plans").get(0);
        byte[] zeros = new byte[ZEROS];
        Files.write(file, zeros, StandardOpenOption.APPEND);
        Files.writeString(file, "\n", StandardOpenOption.APPEND);
        store.append("plans", Rows.planLike(2, "p7", 10));
        Files.writeString(file, "{\"schema_version\":2,\"worker\":\"te", StandardOpenOption.APPEND);
        Files.write(file, zeros, StandardOpenOption.APPEND);
        Files.writeString(file, "\n", StandardOpenOption.APPEND);
        store.append("plans", Rows.planLike(3, "p3", 10));
        Files.write(file, zeros, StandardOpenOption.APPEND);

        String output = SmallHeapJvm.run("32m", root, Reader.class, root.toString());

        assertThat(output).contains("oldest first: 3 rows, 1..3", "newest first: 3 rows, 3..1", "last row: 3",
                "last of perspective p7: 2");
        try (var kept = Files.walk(root.resolve(".quarantine"))) {
            assertThat(kept.filter(Files::isRegularFile).map(LargeDataFileTest::size).sorted().toList())
                    .containsExactly((long) ZEROS, (long) ZEROS, ZEROS + 32L);
        }
        // the broken lines are blanked in place (same length), the unterminated tail is cut off
        long zeroBytes = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                zeroBytes += b == 0 ? 1 : 0;
            }
        }
        assertThat(zeroBytes).isZero();
        assertThat(Files.size(file)).isGreaterThan(2L * ZEROS).isLessThan(3L * ZEROS);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store the child JVM reads, at a fixed time so every row goes to one file. */
    private DatasetStore store() {
        return new DatasetStore(root, "alice", 1L << 30, new ObjectMapper(),
                Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    }

    private static Row planRow(long iteration) {
        return Rows.planLike(iteration, "p" + iteration % 10, ITEMS_PER_ROW);
    }

    /** The child JVM: reads the store every way the application does and prints what it read. */
    public static final class Reader {
        public static void main(String[] args) {
            DatasetStore store = new DatasetStore(Path.of(args[0]), "alice", 1L << 30, new ObjectMapper(), Clock.systemUTC());
            AtomicLong count = new AtomicLong();
            long[] firstLast = {-1, -1};
            store.forEachRow("plans", row -> {
                count.incrementAndGet();
                firstLast[0] = firstLast[0] < 0 ? row.iteration() : firstLast[0];
                firstLast[1] = row.iteration();
            });
            System.out.println("oldest first: " + count + " rows, " + firstLast[0] + ".." + firstLast[1]);
            count.set(0);
            firstLast[0] = -1;
            store.forEachRowNewestFirst("plans", row -> {
                count.incrementAndGet();
                firstLast[0] = firstLast[0] < 0 ? row.iteration() : firstLast[0];
                firstLast[1] = row.iteration();
                return true;
            });
            System.out.println("newest first: " + count + " rows, " + firstLast[0] + ".." + firstLast[1]);
            System.out.println("last row: " + store.lastRow("plans").orElseThrow().iteration());
            System.out.println("last of perspective p7: "
                    + store.lastRow("plans", row -> row.perspectiveId().equals("p7")).orElseThrow().iteration());
        }
    }
}
