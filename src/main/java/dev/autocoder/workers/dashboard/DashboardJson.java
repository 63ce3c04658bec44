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
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
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
