package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The API's JSON writer. It writes {@code < > & '} as unicode escapes, so a value taken from the repository
 * (a file name, a message) never forms markup, even for a client that mistakes the JSON for HTML. Keys are
 * snake_case, like the rows'. It writes with a copy of our mapper, so these settings never reach the dataset rows.
 */
@Component("dashboardJson")
class DashboardJson {

    /** An answer up to this size stays in memory. */
    static final int IN_MEMORY = 1 << 20;

    private final ObjectMapper mapper;

    public DashboardJson(@Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        // durations stay numbers, as the API wrote them before it shared the rows' mapper
        this.mapper = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        this.mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    /**
     * The value as JSON, to be streamed to the client. An answer beyond {@link #IN_MEMORY} bytes is written to a
     * temporary file instead of memory: the rows API's largest answer (100 test-planning rows of a large target,
     * ~30 MB) built as a string and copied into bytes took more than the heap and stopped the application.
     */
    public InputStream write(Object value) throws IOException {
        SpillingOutput out = new SpillingOutput();
        try (out) {
            mapper.writeValue(out, value);
        } catch (JsonProcessingException e) {
            out.discard();
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        }
        return out.toInputStream();
    }

    /** Bytes in memory up to {@link #IN_MEMORY}, then in a temporary file. */
    private static final class SpillingOutput extends OutputStream {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int from, int length) throws IOException {
            if (fileOut == null && memory.size() + length > IN_MEMORY) {
                file = Files.createTempFile("autocoder-answer-", ".json");
                fileOut = new BufferedOutputStream(Files.newOutputStream(file));
                memory.writeTo(fileOut);
                memory = null;
            }
            if (fileOut != null) {
                fileOut.write(bytes, from, length);
            } else {
                memory.write(bytes, from, length);
            }
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) {
                fileOut.close();
            }
        }

        InputStream toInputStream() throws IOException {
            if (file == null) {
                return new ByteArrayInputStream(memory.toByteArray());
            }
            InputStream in = Files.newInputStream(file);
            try {
                // the open stream keeps the bytes readable; nothing is left behind if the stream is never closed
                Files.delete(file);
            } catch (IOException e) {
                in.close();
                in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            }
            return in;
        }

        void discard() {
            try {
                close();
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a temporary file left behind is the system's to clean
            }
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            for (char c : new char[]{'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
