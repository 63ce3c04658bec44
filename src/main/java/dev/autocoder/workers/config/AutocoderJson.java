package dev.autocoder.workers.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our one {@link ObjectMapper}: the rows, the Hub protocol, the ledgers and the API all write JSON with it (the
 * API on a copy with its own escapes). It is configured here, not taken from the context, so a host application's
 * own ObjectMapper (or its {@code spring.jackson.*} settings) never changes our row JSON; and it is not a default
 * candidate, so it neither replaces the host's mapper nor makes Spring Boot's back off. Beans ask for it by
 * {@link #MAPPER name}; classes that are not beans receive it from the bean that creates them.
 */
@Configuration(proxyBeanMethods = false)
public class AutocoderJson {

    public static final String MAPPER = "autocoderObjectMapper";

    @Bean(name = MAPPER, defaultCandidate = false)
    ObjectMapper autocoderObjectMapper() {
        return newObjectMapper();
    }

    /**
     * The settings Spring Boot's mapper had when the rows were first written (its modules and feature defaults),
     * spelled out so that the row JSON stays byte for byte the same.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
