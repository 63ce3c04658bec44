package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The API's JSON writer. It writes {@code < > & '} as unicode escapes, so a value taken from the repository
 * (a file name, a message) never forms markup, even for a client that mistakes the JSON for HTML. Keys are
 * snake_case, like the rows'. It writes with a copy of our mapper, so these settings never reach the dataset rows.
 */
@Component("dashboardJson")
class DashboardJson {

    private final ObjectMapper mapper;

    public DashboardJson(@Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        // durations stay numbers, as the API wrote them before it shared the rows' mapper
        this.mapper = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        this.mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        // the stream cache is read after writing: the writer must not close it
        this.mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * The value as JSON, to be streamed to the client, in Camel's stream cache: an answer beyond the spool threshold
     * ({@code camel.main.stream-caching-spool-threshold}, 1 MB) is written to a temporary file Camel deletes when
     * the exchange completes, not to memory: the rows API's largest answer (100 test-planning rows of a large
     * target, ~30 MB) built as a string and copied into bytes took more than the heap and stopped the application.
     */
    public StreamCache write(Object value, Exchange exchange) throws IOException {
        CachedOutputStream out = new CachedOutputStream(exchange);
        try {
            mapper.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return out.newStreamCache();
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
