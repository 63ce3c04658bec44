package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's JSON writer: HTML-safe, and the same bytes whether an answer stays in memory or goes through a file. */
class DashboardJsonTest {

    private final DashboardJson json = new DashboardJson(AutocoderJson.newObjectMapper());

    @Test
    void aSmallAnswerAndALargeOneAreBothWholeAndHtmlSafe() throws Exception {
        Map<String, Object> small = Map.of("file", "<img src=x onerror=alert(1)>.java");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            files.add("src/<b>" + i + "</b>&'.java");
        }
        Map<String, Object> large = Map.of("files", files);

        for (Map<String, Object> answer : List.of(small, large)) {
            byte[] written;
            try (InputStream in = json.write(answer)) {
                written = in.readAllBytes();
            }
            String text = new String(written, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("'")
                    .contains("\\u003c");
            assertThat(written).isEqualTo(json.mapper().writeValueAsBytes(answer));
            JsonNode read = new ObjectMapper().readTree(written);
            assertThat(read).isEqualTo(new ObjectMapper().valueToTree(answer));
        }
        assertThat(json.mapper().writeValueAsBytes(large).length).isGreaterThan(DashboardJson.IN_MEMORY);
    }
}
