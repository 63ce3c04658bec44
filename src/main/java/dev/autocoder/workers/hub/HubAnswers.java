package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Hub's failure answers the same way whichever HTTP client received them. */
final class HubAnswers {

    private static final Pattern RATE_LIMIT = Pattern.compile("r=(\\d+);\\s*t=(\\d+)");
    private static final int MAX_MESSAGE = 300;

    private HubAnswers() {
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param json   reads a JSON body
     * @param header a case-insensitive lookup of the answer's headers
     */
    public static HubException failure(ObjectMapper json, String operation, int status, Function<String, Optional<String>> header, String body) {
        String message = operation + " answered " + status + errorText(json, header, body).map(t -> ": " + t).orElse("");
        HubException.Kind kind;
        if (status == 401) {
            boolean badToken = header.apply("X-Error-Message").map(m -> m.contains("Invalid credentials")).orElse(false)
                    || header.apply("X-Error-Code").isEmpty() && body != null && body.contains("Invalid credentials");
            kind = badToken ? HubException.Kind.AUTH_REJECTED : HubException.Kind.NOT_FOUND;
        } else if (status == 402) {
            kind = HubException.Kind.PAYMENT_REQUIRED;
        } else if (status == 403) {
            kind = HubException.Kind.FORBIDDEN;
        } else if (status == 404) {
            kind = HubException.Kind.NOT_FOUND;
        } else if (status == 409 || status == 412) {
            kind = HubException.Kind.CONFLICT;
        } else if (status == 429) {
            kind = HubException.Kind.RATE_LIMITED;
        } else if (status == 408 || status >= 500) {
            kind = HubException.Kind.SERVER_ERROR;
        } else {
            kind = HubException.Kind.REJECTED;
        }
        return new HubException(kind, status, message, status == 429 ? retryAfter(header).orElse(null) : null);
    }

    /**
     * How long to wait: the integer {@code Retry-After} seconds, or the reset time of an exhausted
     * {@code RateLimit} bucket (only when nothing remains in it, as the Hub sends the header on every answer).
     */
    static Optional<Duration> retryAfter(Function<String, Optional<String>> header) {
        Optional<String> retryAfter = header.apply("Retry-After").map(String::strip);
        if (retryAfter.isPresent() && retryAfter.get().matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.get())));
        }
        Optional<String> rateLimit = header.apply("RateLimit");
        if (rateLimit.isPresent()) {
            Matcher m = RATE_LIMIT.matcher(rateLimit.get());
            if (m.find() && Long.parseLong(m.group(1)) == 0) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(2)) + 1));
            }
        }
        return Optional.empty();
    }

    /** The Hub's explanation: {@code X-Error-Message}, or the error of a JSON body, or a short plain body. */
    static Optional<String> errorText(ObjectMapper mapper, Function<String, Optional<String>> header, String body) {
        Optional<String> fromHeader = header.apply("X-Error-Message");
        if (fromHeader.isPresent()) {
            return fromHeader.map(HubAnswers::shorten);
        }
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = mapper.readTree(body);
            JsonNode error = json.path("error");
            if (error.isTextual()) {
                return Optional.of(shorten(error.asText()));
            }
            if (error.isArray() && !error.isEmpty()) {
                return Optional.of(shorten(error.get(0).asText()));
            }
            if (error.isObject() && error.has("message")) {
                return Optional.of(shorten(error.get("message").asText()));
            }
            JsonNode errors = json.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return Optional.of(shorten(errors.get(0).path("message").asText()));
            }
            return Optional.empty();
        } catch (Exception notJson) {
            return body.stripLeading().startsWith("<") ? Optional.empty() : Optional.of(shorten(body));
        }
    }

    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 3) + "..." : line;
    }
}
