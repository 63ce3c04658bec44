package dev.autocoder.workers.hub;

import dev.autocoder.workers.dataset.DatasetStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the local store not yet on the Hub. The local store is the outbox: what has been published is
 * a byte offset per local data file, and everything after it, in whole rows, is pending.
 */
class HubOutbox {

    private final DatasetStore store;

    public HubOutbox(DatasetStore store) {
        this.store = store;
    }

    /** A local data file's path relative to the dataset's {@code data/} folder, with '/' separators. */
    public String localName(String dataset, Path file) {
        return store.datasetDir(dataset).resolve("data").relativize(file).toString().replace('\\', '/');
    }

    /** Pending rows, oldest first, in segments of at most {@code maxBytes} (a single larger row is kept whole). */
    public List<OutboxSegment> pending(String dataset, Map<String, Long> published, long maxBytes, int maxSegments) {
        List<OutboxSegment> segments = new ArrayList<>();
        for (Path file : store.dataFiles(dataset)) {
            String name = localName(dataset, file);
            long offset = published.getOrDefault(name, 0L);
            while (segments.size() < maxSegments) {
                OutboxSegment segment = read(file, name, offset, maxBytes);
                if (segment == null) {
                    break;
                }
                segments.add(segment);
                offset = segment.to();
            }
            if (segments.size() >= maxSegments) {
                break;
            }
        }
        return segments;
    }

    /** How many whole rows are pending. */
    public long pendingRows(String dataset, Map<String, Long> published) {
        long rows = 0;
        for (Path file : store.dataFiles(dataset)) {
            long offset = published.getOrDefault(localName(dataset, file), 0L);
            OutboxSegment segment;
            while ((segment = read(file, localName(dataset, file), offset, 4 << 20)) != null) {
                rows += segment.rows();
                offset = segment.to();
            }
        }
        return rows;
    }

    /** Whether a file has a whole row after its published offset (false for a file no longer there). */
    public boolean hasPendingRows(Path file, String name, long published) {
        return read(file, name, published, 1 << 16) != null;
    }

    /**
     * The next run of whole rows of a file from an offset, up to about maxBytes; null when there are none. A line
     * that is not a row (a broken one not yet repaired, a blank one) is never sent: the run stops before it and the
     * next one starts after it, so the Hub path still names each run's place in the local file.
     */
    private OutboxSegment read(Path file, String name, long from, long maxBytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            while (size > from) {
                long want = Math.min(size - from, maxBytes);
                byte[] bytes = readAt(channel, from, (int) want);
                int end = lastNewline(bytes) + 1;
                if (end == 0) {
                    // a line longer than the window: a broken or blanked one (of any length) is stepped over unread
                    long after = store.endOfLineThatIsNoRow(file, from);
                    if (after > 0) {
                        from = after;
                        continue;
                    }
                }
                while (end == 0 && from + bytes.length < size) {
                    // one row larger than maxBytes: read on to its end rather than split it
                    want = Math.min(size - from, bytes.length * 2L);
                    bytes = readAt(channel, from, (int) want);
                    end = lastNewline(bytes) + 1;
                }
                if (end == 0) {
                    return null; // only an unfinished row: it is still being written
                }
                int start = 0;
                while (start < end && !isRowAt(bytes, start)) {
                    start = nextLine(bytes, start);
                }
                if (start == end) {
                    from += end; // nothing but lines that are not rows: look after them
                    continue;
                }
                int stop = start;
                int rows = 0;
                while (stop < end && isRowAt(bytes, stop)) {
                    stop = nextLine(bytes, stop);
                    rows++;
                }
                return new OutboxSegment(name, from + start, from + stop, java.util.Arrays.copyOfRange(bytes, start, stop), rows);
            }
            return null;
        } catch (NoSuchFileException e) {
            return null; // removed by the store's retention since it was listed, every row of it published
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox file " + file, e);
        }
    }

    private boolean isRowAt(byte[] bytes, int start) {
        return store.isRow(bytes, start, nextLine(bytes, start) - 1 - start);
    }

    /** Where the line after the one starting at {@code start} begins (the bytes end with a newline). */
    private static int nextLine(byte[] bytes, int start) {
        int i = start;
        while (bytes[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == length ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
