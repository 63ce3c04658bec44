package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rows of one JSON Lines data file, in file order, wherever the file was read from (the local store, the
 * Hub). A line that is not a row is skipped with a warning naming the file: one bad line never stops a reader.
 */
public final class RowLines {

    private static final Logger log = LoggerFactory.getLogger(RowLines.class);

    private RowLines() {
    }

    /** Every row of a downloaded file, in file order. */
    public static List<Row> parse(byte[] content, ObjectMapper mapper, String where) {
        List<Row> rows = new ArrayList<>();
        forEach(content, mapper, where, rows::add);
        return rows;
    }

    /**
     * Hands the rows of a local file to the action in file order, as the store reads its own files: one row in
     * memory at a time, each parsed as it is read ({@link DataFileRows}); a file that cannot be read is an
     * UncheckedIOException.
     */
    public static void forEach(Path file, ObjectMapper mapper, Consumer<Row> action) {
        DataFileRows.forEach(file, mapper, action);
    }

    /** Hands the rows of a downloaded file to the action in file order, parsing one line at a time. */
    public static void forEach(byte[] content, ObjectMapper mapper, String where, Consumer<Row> action) {
        for (int start = 0; start < content.length; ) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            Row row = parseLine(content, start, end - start, mapper, where);
            if (row != null) {
                action.accept(row);
            }
            start = end + 1;
        }
    }

    /**
     * Hands the rows of a downloaded file to the action, newest (last) first, parsing one line at a time, while the
     * action answers true; false when it stopped.
     */
    public static boolean forEachNewestFirst(byte[] content, ObjectMapper mapper, String where, Predicate<Row> action) {
        int end = content.length;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && content[start - 1] != '\n') {
                start--;
            }
            Row row = parseLine(content, start, end - start, mapper, where);
            if (row != null && !action.test(row)) {
                return false;
            }
            end = start - 1;
        }
        return true;
    }

    /** The row in {@code length} bytes from {@code from} (a line, its newline excluded or not); null when blank or not a row. */
    static Row parseLine(byte[] bytes, int from, int length, ObjectMapper mapper, String where) {
        boolean blank = true;
        for (int i = from; i < from + length && blank; i++) {
            blank = isBlank(bytes[i]);
        }
        if (blank) {
            return null;
        }
        try {
            return mapper.readValue(bytes, from, length, Row.class);
        } catch (IOException e) {
            log.warn("Skipping an unreadable row in {}: {}", where, e.getMessage());
            return null;
        }
    }

    /** Whether the byte may stand in a blank (or blanked) line: JSON whitespace, the newline aside. */
    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /** Whether bytes {@code [from, from + length)} hold exactly one complete JSON object (and nothing else). */
    public static boolean isJsonObject(byte[] bytes, int from, int length, ObjectMapper mapper) {
        try {
            return isJsonObject(new ByteArrayInputStream(bytes, from, length), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the stream holds exactly one complete JSON object (and nothing else), read as it is parsed; an
     * IOException is the stream's own failure, never an answer.
     */
    static boolean isJsonObject(InputStream json, ObjectMapper mapper) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
