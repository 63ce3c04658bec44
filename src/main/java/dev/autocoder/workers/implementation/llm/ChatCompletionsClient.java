package dev.autocoder.workers.implementation.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible chat-completions endpoint (by default Hugging Face's router) one question: a POST of
 * {@code {"model", "messages": [system, user], "max_tokens", "temperature", "stream": false}} with
 * {@code Authorization: Bearer <token>}, and reads {@code choices[0].message.content}.
 * <p>
 * Never throws: a timeout, an HTTP error, an unreachable endpoint or an answer without content is an
 * {@link LlmAnswer} with a status and a one-line reason. A 429 or 5xx is retried once, after the integer
 * {@code Retry-After} (capped at {@value #MAX_RETRY_AFTER_SECONDS} s) or {@value #DEFAULT_BACKOFF_MILLIS} ms; a
 * 402 (no credit left) and other 4xx are not retried. The token is sent only in the Authorization header and
 * removed from anything the endpoint echoes back.
 */
public class ChatCompletionsClient {

    static final int MAX_RETRY_AFTER_SECONDS = 5;
    static final long DEFAULT_BACKOFF_MILLIS = 1000;
    private static final int MAX_REASON_CHARS = 300;

    private final LlmProperties properties;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param token the bearer token (HF_TOKEN); null or blank sends no Authorization header, which only endpoints
     *              other than Hugging Face's router may accept
     * @param json  the application's mapper ({@code AutocoderJson.MAPPER})
     */
    public ChatCompletionsClient(LlmProperties properties, String token, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = HttpClient.newBuilder()
                .connectTimeout(shorter(properties.getTimeout(), Duration.ofSeconds(10)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the system and user prompts and returns the answer or why there is none. */
    public LlmAnswer complete(String systemPrompt, String userPrompt) {
        String model = properties.getModel();
        if (!properties.isEnabled()) {
            return LlmAnswer.disabled(null, "autocoder.llm.model is not set");
        }
        if (token == null && properties.usesHuggingFaceRouter()) {
            return LlmAnswer.disabled(model, "HF_TOKEN is not set, and the Hugging Face router needs it");
        }
        Optional<URI> endpoint = endpoint();
        if (endpoint.isEmpty()) {
            return LlmAnswer.failed(LlmAnswer.Outcome.UNREACHABLE, null, model, 0,
                    "autocoder.llm.endpoint is not an http(s) URL");
        }
        HttpRequest request = request(endpoint.get(), model, systemPrompt, userPrompt);
        int attempts = 0;
        while (true) {
            attempts++;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpConnectTimeoutException e) {
                return LlmAnswer.failed(LlmAnswer.Outcome.UNREACHABLE, null, model, attempts, "could not connect to the endpoint in time");
            } catch (HttpTimeoutException e) {
                return LlmAnswer.failed(LlmAnswer.Outcome.TIMEOUT, null, model, attempts,
                        "no answer within " + seconds(properties.getTimeout()));
            } catch (ConnectException e) {
                return LlmAnswer.failed(LlmAnswer.Outcome.UNREACHABLE, null, model, attempts, "could not connect to the endpoint");
            } catch (IOException e) {
                return LlmAnswer.failed(LlmAnswer.Outcome.UNREACHABLE, null, model, attempts,
                        oneLine("the request failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return LlmAnswer.failed(LlmAnswer.Outcome.UNREACHABLE, null, model, attempts, "interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body(), status, model, attempts);
            }
            boolean retryable = status == 429 || status >= 500;
            if (retryable && attempts == 1 && pause(backoff(response))) {
                continue;
            }
            return LlmAnswer.failed(LlmAnswer.Outcome.HTTP_ERROR, status, model, attempts,
                    oneLine("HTTP " + status + ": " + errorMessage(response.body())));
        }
    }

    private Optional<URI> endpoint() {
        try {
            URI uri = URI.create(properties.getEndpoint().strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private HttpRequest request(URI endpoint, String model, String systemPrompt, String userPrompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", model); // first key: some routers read it before the rest
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt == null ? "" : systemPrompt);
        messages.addObject().put("role", "user").put("content", userPrompt == null ? "" : userPrompt);
        body.put("max_tokens", properties.getMaxTokens());
        body.put("temperature", properties.getTemperature());
        body.put("stream", false);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(properties.getTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private LlmAnswer parse(String body, int status, String model, int attempts) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            return LlmAnswer.failed(LlmAnswer.Outcome.MALFORMED, status, model, attempts, "the answer is not JSON");
        }
        JsonNode content = answer == null ? null : answer.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            return LlmAnswer.failed(LlmAnswer.Outcome.MALFORMED, status, model, attempts,
                    "the answer has no choices[0].message.content");
        }
        String answeredBy = answer.path("model").isTextual() ? answer.path("model").asText() : model;
        JsonNode usage = answer.path("usage");
        return new LlmAnswer(LlmAnswer.Outcome.OK, status, redact(content.asText()), redact(answeredBy),
                count(usage, "prompt_tokens"), count(usage, "completion_tokens"), count(usage, "total_tokens"),
                attempts, null);
    }

    private static Integer count(JsonNode usage, String field) {
        JsonNode value = usage.path(field);
        return value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : null;
    }

    /** The endpoint's error message ({@code error.message}, {@code error}, {@code message}) or the start of the body. */
    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode error = json.readTree(body);
            for (JsonNode candidate : new JsonNode[]{error.path("error").path("message"), error.path("error"),
                    error.path("message"), error.path("detail")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return candidate.asText();
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself
        }
        return body;
    }

    /** Time to wait before the one retry: the integer Retry-After, capped, else the default backoff. */
    private static Duration backoff(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                long seconds = Long.parseLong(retryAfter.get().strip());
                if (seconds >= 0) {
                    return Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS));
                }
            } catch (NumberFormatException e) {
                // an HTTP date: use the default backoff
            }
        }
        return Duration.ofMillis(DEFAULT_BACKOFF_MILLIS);
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One line, shortened, without the token. */
    private String oneLine(String text) {
        String line = redact(text).replaceAll("\\s+", " ").strip();
        return line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) + "..." : line;
    }

    private String redact(String text) {
        return token == null || text == null ? text : text.replace(token, "[redacted]");
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
