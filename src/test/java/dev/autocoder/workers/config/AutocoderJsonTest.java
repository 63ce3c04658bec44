package dev.autocoder.workers.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AutocoderJsonTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(AutocoderJson.class);

    @Test
    void writesRowsByteForByteAsSpringBootsDefaultMapperDid() {
        contexts.run(context -> {
            ObjectMapper ours = context.getBean(AutocoderJson.MAPPER, ObjectMapper.class);
            ObjectMapper boots = context.getBean(ObjectMapper.class);

            assertThat(ours).isNotSameAs(boots); // ours does not make Spring Boot's back off
            assertThat(ours.writeValueAsString(row())).isEqualTo(boots.writeValueAsString(row()));
        });
    }

    @Test
    void aHostsOwnObjectMapperDoesNotChangeOurRows() {
        contexts.withUserConfiguration(HostJson.class).withPropertyValues("spring.jackson.serialization.indent-output=true")
                .run(context -> {
                    ObjectMapper ours = context.getBean(AutocoderJson.MAPPER, ObjectMapper.class);

                    assertThat(context.getBean(ObjectMapper.class)).isSameAs(context.getBean("hostMapper"));
                    assertThat(ours.writeValueAsString(row())).isEqualTo(AutocoderJson.newObjectMapper().writeValueAsString(row()))
                            .startsWith("{\"schema_version\":2,\"worker\":\"analysis\"").doesNotContain("\n");
                });
    }

    /** A row with the value types the modules handle: java.time, Optional, and a worker's own columns. */
    private static Row row() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("started_at", Instant.parse("2026-01-02T03:04:05.123Z"));
        extra.put("waited", Duration.ofSeconds(90));
        extra.put("target", Optional.of("main"));
        return new Row(Row.SCHEMA_VERSION, "analysis", 7, "2026-01-02T03:04:05Z", 1, "code-quality", "Code Quality",
                "https://example.com/repo.git", "abc123", 1200, Status.OK, null, null, "ok", 0.75, 0, List.of(), List.of(),
                0, 0, List.of("Split the class"), List.of(Metric.of("loc", 1234.0)), "{\"a\":1}", extra);
    }

    @Configuration(proxyBeanMethods = false)
    static class HostJson {
        @Bean
        ObjectMapper hostMapper() {
            return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);
        }
    }
}
