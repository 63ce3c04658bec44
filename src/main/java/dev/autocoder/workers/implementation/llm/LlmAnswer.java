package dev.autocoder.workers.implementation.llm;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What one chat-completions call gave. Only {@link Outcome#OK} has content; every other status has a one-line
 * reason. No field ever holds the token.
 *
 * @param status           how the call ended
 * @param httpStatus       the HTTP status of the last response; null when none arrived
 * @param content          {@code choices[0].message.content}; null unless ok
 * @param model            the model that answered (as the endpoint names it), else the model asked for
 * @param promptTokens     {@code usage.prompt_tokens}; null when not reported
 * @param completionTokens {@code usage.completion_tokens}; null when not reported
 * @param totalTokens      {@code usage.total_tokens}; null when not reported
 * @param attempts         requests sent (2 when a 429 or 5xx was retried once; 0 when disabled)
 * @param reason           why the call did not give an answer; null when ok
 */
public record LlmAnswer(Outcome status, Integer httpStatus, String content, String model, Integer promptTokens,
                        Integer completionTokens, Integer totalTokens, int attempts, String reason) {

    public enum Outcome {
        OK, TIMEOUT, HTTP_ERROR, MALFORMED, UNREACHABLE, DISABLED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean ok() {
        return status == Outcome.OK;
    }

    static LlmAnswer disabled(String model, String reason) {
        return new LlmAnswer(Outcome.DISABLED, null, null, model, null, null, null, 0, reason);
    }

    static LlmAnswer failed(Outcome status, Integer httpStatus, String model, int attempts, String reason) {
        return new LlmAnswer(status, httpStatus, null, model, null, null, null, attempts, reason);
    }
}
