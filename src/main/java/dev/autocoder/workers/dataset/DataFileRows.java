package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the rows of one local data file one line at a time, in either direction. A data file grows to
 * {@code autocoder.store.max-file-size} (64 MB): the rows of a file that size, parsed all at once, take more than
 * the shipped heap (a test-planning file of 220 rows on a large target stopped the application at start-up), so no
 * reader holds more than the row it hands on. A line that is not a row is skipped with a warning, as
 * {@link RowLines} does.
 */
final class DataFileRows {

    private static final Logger log = LoggerFactory.getLogger(DataFileRows.class);
    private static final int CHUNK = 1 << 16;

    private DataFileRows() {
    }

    /** Hands the file's rows to the action, oldest first. */
    static void forEach(Path file, ObjectMapper mapper, Consumer<Row> action) {
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RowLines.forEach(lines, mapper, file.toString(), action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Hands the file's rows to the action, newest first, while it answers true; false when the action stopped. The
     * file is scanned once for where its lines start, then each line is read and parsed on its own.
     */
    static boolean forEachNewestFirst(Path file, ObjectMapper mapper, Predicate<Row> action) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long[] starts = lineStarts(channel, size);
            int count = (int) starts[0];
            for (int i = count; i >= 1; i--) {
                long from = starts[i];
                long to = i == count ? size : starts[i + 1] - 1;
                Row row = read(channel, from, to, mapper, file);
                if (row != null && !action.test(row)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** [count, start of line 1, start of line 2, ...]; a final newline starts no line. */
    static long[] lineStarts(FileChannel channel, long size) throws IOException {
        long[] starts = new long[64];
        int count = 0;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        boolean atLineStart = true;
        for (long position = 0; position < size; ) {
            chunk.clear();
            int read = channel.read(chunk, position);
            if (read < 0) {
                break;
            }
            byte[] bytes = chunk.array();
            for (int i = 0; i < read; i++) {
                if (atLineStart) {
                    if (++count + 1 > starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[count] = position + i;
                }
                atLineStart = bytes[i] == '\n';
            }
            position += read;
        }
        starts[0] = count;
        return starts;
    }

    /** The row in bytes [from, to) of the file; null for a blank line or one that is not a row. */
    private static Row read(FileChannel channel, long from, long to, ObjectMapper mapper, Path file) throws IOException {
        if (to - from > Integer.MAX_VALUE - 8) {
            log.warn("Skipping a line of {} bytes in {}: too long to be a row", to - from, file);
            return null;
        }
        byte[] line = bytes(channel, from, to);
        return RowLines.parseLine(line, 0, line.length, mapper, file.toString());
    }

    /** Bytes [from, to) of the file. */
    static byte[] bytes(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
        while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
            // read until the span is whole
        }
        return bytes.position() == bytes.capacity() ? bytes.array() : Arrays.copyOf(bytes.array(), bytes.position());
    }
}
