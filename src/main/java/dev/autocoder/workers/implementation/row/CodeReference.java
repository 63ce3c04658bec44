package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call to or from the touched code.
 *
 * @param className the calling class (for callers) or the called type when known (for callees)
 * @param method    the calling method's signature (callers) or the called method's name (callees)
 * @param text      the call as written, whitespace-normalized
 */
@JsonPropertyOrder({"class_name", "method", "file", "line", "text"})
public record CodeReference(
        @JsonProperty("class_name") String className,
        @JsonProperty("method") String method,
        @JsonProperty("file") String file,
        @JsonProperty("line") Integer line,
        @JsonProperty("text") String text) {
}
