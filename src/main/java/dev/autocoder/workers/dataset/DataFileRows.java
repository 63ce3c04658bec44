package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the lines of one local data file one at a time, in either direction, keeping no index of them, or one line
 * again from where it starts. A data file grows to {@code autocoder.store.max-file-size} (64 MB): the rows of a file
 * that size, parsed all at once, take more than the shipped heap (a test-planning file of 220 rows on a large
 * target stopped the application at start-up), and an index of its line starts would be as large as the file has
 * lines. So no reader holds more than the line it is at. A line that is not a row is skipped with a warning, as
 * {@link RowLines} does.
 */
final class DataFileRows {

    private static final Logger log = LoggerFactory.getLogger(DataFileRows.class);
    private static final int CHUNK = 1 << 16;
    /** Rows start at once; only a blank or blanked line is read further, a probe at a time. */
    private static final int BLANK_PROBE = 1 << 12;
    private static final byte[] NEWLINE = {'\n'};

    private DataFileRows() {
    }

    /** One line of a file: bytes {@code [from, to)}, its newline excluded; {@code terminated} when it has one. */
    interface LineVisitor {
        void line(long from, long to, boolean terminated) throws IOException;
    }

    /** A row of a file and the position its line starts at, from which {@link #rowAt} reads it again. */
    interface RowVisitor {
        void row(Row row, long offset);
    }

    /** Hands the file's rows to the action, oldest first. */
    static void forEach(Path file, ObjectMapper mapper, Consumer<Row> action) {
        forEach(file, mapper, (row, offset) -> action.accept(row));
    }

    /** Hands the file's rows and where their lines start to the action, oldest first. */
    static void forEach(Path file, ObjectMapper mapper, RowVisitor action) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            forEachLine(channel, channel.size(), (from, to, terminated) -> {
                Row row = to > from ? read(channel, from, to, mapper, file) : null;
                if (row != null) {
                    action.row(row, from);
                }
            });
        } catch (NoSuchFileException e) {
            // removed by the store's retention since it was listed: no rows left in it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The row whose line starts at {@code offset}; empty when there is none there (any more). */
    static Optional<Row> rowAt(Path file, long offset, ObjectMapper mapper) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long newline = newlineAt(channel, offset, channel.size());
            long end = newline < 0 ? channel.size() : newline;
            return Optional.ofNullable(end > offset ? read(channel, offset, end, mapper, file) : null);
        } catch (IOException e) {
            log.warn("Cannot read the row at byte {} of {} again: {}", offset, file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Hands the file's rows to the action, newest first, while it answers true; false when the action stopped. The
     * file is scanned backwards for newlines, a chunk at a time, and each line is read and parsed on its own.
     */
    static boolean forEachNewestFirst(Path file, ObjectMapper mapper, Predicate<Row> action) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Backwards backwards = new Backwards(channel);
            long end = channel.size();
            while (end >= 0) {
                long newline = backwards.newlineBefore(end);
                Row row = newline + 1 < end ? read(channel, newline + 1, end, mapper, file) : null;
                if (row != null && !action.test(row)) {
                    return false;
                }
                end = newline;
            }
            return true;
        } catch (NoSuchFileException e) {
            return true; // removed by the store's retention since it was listed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Visits every line of the first {@code size} bytes, first to last (a final newline starts no line). */
    static void forEachLine(FileChannel channel, long size, LineVisitor visitor) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long lineStart = 0;
        for (long position = 0; position < size; ) {
            chunk.clear();
            chunk.limit((int) Math.min(CHUNK, size - position));
            int read = channel.read(chunk, position);
            if (read <= 0) {
                break;
            }
            byte[] bytes = chunk.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    visitor.line(lineStart, position + i, true);
                    lineStart = position + i + 1;
                }
            }
            position += read;
        }
        if (lineStart < size) {
            visitor.line(lineStart, size, false);
        }
    }

    /**
     * The row in bytes [from, to) of the file, parsed as it is read; null for a blank line or one that is not a row.
     * A line of junk (the zeroed blocks a crash can leave, a row cut short and run on into them) fails the parse at
     * its first bad byte, however long it is.
     */
    private static Row read(FileChannel channel, long from, long to, ObjectMapper mapper, Path file) throws IOException {
        if (isBlank(channel, from, to)) {
            return null;
        }
        try (InputStream line = new FileSpan(channel, from, to)) {
            return mapper.readValue(line, Row.class);
        } catch (JsonProcessingException e) {
            log.warn("Skipping an unreadable row of {} bytes at byte {} of {}: {}", to - from, from, file, e.getOriginalMessage());
            return null;
        }
    }

    /** Whether bytes [from, to) are all JSON whitespace (a blank or blanked line), read a little at a time. */
    static boolean isBlank(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(BLANK_PROBE, Math.max(1, to - from)));
        for (long position = from; position < to; ) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), to - position));
            int read = channel.read(chunk, position);
            if (read <= 0) {
                return true;
            }
            for (int i = 0; i < read; i++) {
                if (!RowLines.isBlank(chunk.get(i))) {
                    return false;
                }
            }
            position += read;
        }
        return true;
    }

    /** Where the first newline of bytes [from, to) of the file is, or -1. */
    static long newlineAt(FileChannel channel, long from, long to) throws IOException {
        return indexOf(channel, NEWLINE, from, to);
    }

    /** Where {@code marker} first occurs in bytes [from, to) of the file, or -1; read a chunk at a time. */
    static long indexOf(FileChannel channel, byte[] marker, long from, long to) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        for (long position = from; position + marker.length <= to; ) {
            chunk.clear();
            chunk.limit((int) Math.min(CHUNK, to - position));
            int read = channel.read(chunk, position);
            if (read < marker.length) {
                return -1;
            }
            byte[] bytes = chunk.array();
            for (int at = 0; at + marker.length <= read; at++) {
                if (bytes[at] == marker[0] && Arrays.equals(bytes, at, at + marker.length, marker, 0, marker.length)) {
                    return position + at;
                }
            }
            // the next chunk starts where a marker cut by this one's end would
            position += read - marker.length + 1;
        }
        return -1;
    }

    /** Finds newlines from the end of a file towards its start, reading each chunk of it once. */
    private static final class Backwards {
        private final FileChannel channel;
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        /** The file bytes the chunk holds: [chunkStart, chunkStart + chunkLength). */
        private long chunkStart;
        private int chunkLength;

        Backwards(FileChannel channel) {
            this.channel = channel;
        }

        /** The position of the last newline before {@code before}, or -1 when there is none. */
        long newlineBefore(long before) throws IOException {
            long position = before - 1;
            while (position >= 0) {
                if (position < chunkStart || position >= chunkStart + chunkLength) {
                    load(position);
                }
                byte[] bytes = chunk.array();
                // a file cut shorter meanwhile holds fewer bytes than were asked for
                for (int at = (int) Math.min(position - chunkStart, chunkLength - 1); at >= 0; at--) {
                    if (bytes[at] == '\n') {
                        return chunkStart + at;
                    }
                }
                position = chunkStart - 1;
            }
            return -1;
        }

        /** Loads the chunk that ends with the byte at {@code last}. */
        private void load(long last) throws IOException {
            chunkStart = Math.max(0, last + 1 - CHUNK);
            chunk.clear();
            chunk.limit((int) (last + 1 - chunkStart));
            while (chunk.hasRemaining() && channel.read(chunk, chunkStart + chunk.position()) > 0) {
                // read until the chunk is whole
            }
            chunkLength = chunk.position();
        }
    }
}
