package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.UnitOfWorkHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's JSON writer: HTML-safe, and the same bytes whether an answer stays in memory or goes through Camel's
 * spool file, which is gone once the exchange completes.
 */
class DashboardJsonTest {

    private final DashboardJson json = new DashboardJson(AutocoderJson.newObjectMapper());

    @TempDir
    Path spool;

    @Test
    void aSmallAnswerAndALargeOneAreBothWholeAndHtmlSafe() throws Exception {
        Map<String, Object> small = Map.of("file", "<img src=x onerror=alert(1)>.java");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            files.add("src/<b>" + i + "</b>&'.java");
        }
        Map<String, Object> large = Map.of("files", files);
        assertThat(json.mapper().writeValueAsBytes(large).length).isGreaterThan(1 << 20);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // as autocoder-app.properties sets it
            camel.getStreamCachingStrategy().setSpoolEnabled(true);
            camel.getStreamCachingStrategy().setSpoolThreshold(1 << 20);
            camel.getStreamCachingStrategy().setSpoolDirectory(spool.toFile());
            camel.start();
            for (Map<String, Object> answer : List.of(small, large)) {
                Exchange exchange = new DefaultExchange(camel);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                json.write(answer, exchange).writeTo(out);
                byte[] written = out.toByteArray();
                assertThat(spooledFiles()).as("in a file only past 1 MB").hasSize(answer == large ? 1 : 0);

                String text = new String(written, StandardCharsets.UTF_8);
                assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("'")
                        .contains("\\u003c");
                assertThat(written).isEqualTo(json.mapper().writeValueAsBytes(answer));
                JsonNode read = new ObjectMapper().readTree(written);
                assertThat(read).isEqualTo(new ObjectMapper().valueToTree(answer));

                UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
                assertThat(spooledFiles()).as("deleted when the exchange completes").isEmpty();
            }
        }
    }

    private List<Path> spooledFiles() throws Exception {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
