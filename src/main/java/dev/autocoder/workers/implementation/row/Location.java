package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where the finding sits in the code: package, innermost type and (when inside one) method or constructor.
 *
 * @param method     signature with erased parameter types, e.g. {@code parse(String)}; null outside a method
 * @param isApi      the method (or, outside a method, the type) can be called from outside its package
 * @param complexity cyclomatic complexity of the method; null outside a method
 */
@JsonPropertyOrder({"package_name", "class_name", "member", "method", "method_begin_line", "method_end_line", "is_api",
        "complexity"})
public record Location(
        @JsonProperty("package_name") String packageName,
        @JsonProperty("class_name") String className,
        @JsonProperty("member") String member,
        @JsonProperty("method") String method,
        @JsonProperty("method_begin_line") Integer methodBeginLine,
        @JsonProperty("method_end_line") Integer methodEndLine,
        @JsonProperty("is_api") Boolean isApi,
        @JsonProperty("complexity") Integer complexity) {

    public static Location none() {
        return new Location(null, null, null, null, null, null, null, null);
    }
}
