package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A boundary input of one parameter of a public method.
 *
 * @param input    a Java expression of the parameter's type, e.g. {@code Integer.MIN_VALUE}, {@code ""}
 * @param category null, empty, single, large, zero, negative, min, max, blank, unicode, boundary
 * @param source   where it comes from: {@code type} (the parameter's type) or {@code body:<line>} (a comparison
 *                 against a numeric constant)
 */
public record EdgeCase(
        @JsonProperty("id") String id,
        @JsonProperty("file") String file,
        @JsonProperty("class_name") String className,
        @JsonProperty("method") String method,
        @JsonProperty("parameter") String parameter,
        @JsonProperty("parameter_type") String parameterType,
        @JsonProperty("input") String input,
        @JsonProperty("category") String category,
        @JsonProperty("source") String source) {
}
