package dev.autocoder.workers.implementation.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for an OpenAI-compatible chat-completions endpoint (as Hugging Face's router serves it) that
 * enforces the request format: {@code POST /v1/chat/completions} (else 404 or 405), {@code Authorization: Bearer
 * <token>} (else 401), {@code Content-Type: application/json} and a JSON object whose first key is {@code model} (a
 * non-empty string), with a non-empty {@code messages} array of {@code {role: system|user|assistant, content:
 * string}}, an integer {@code max_tokens} above 0, a {@code temperature} between 0 and 2 and {@code stream} false
 * when present (else 400 with an error JSON, as the router answers).
 * <p>
 * What it answers to a valid request depends on the {@link Mode}.
 */
final class FakeChatCompletionsServer implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Mode { OK, SERVER_ERROR, PAYMENT_REQUIRED, SLOW, MALFORMED_JSON, NO_CHOICES, RATE_LIMITED_ONCE }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String token;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Mode mode = Mode.OK;
    private volatile String content = "The field is never read.";
    final List<JsonNode> validRequests = new CopyOnWriteArrayList<>();
    final List<String> rejections = new CopyOnWriteArrayList<>();
    final List<String> rawBodies = new CopyOnWriteArrayList<>();

    FakeChatCompletionsServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    void content(String content) {
        this.content = content;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            rawBodies.add(body);
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                reject(exchange, 404, "Not Found");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                reject(exchange, 405, "Method Not Allowed");
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reject(exchange, 401, "Invalid credentials in Authorization header");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                reject(exchange, 400, "Content-Type must be application/json");
                return;
            }
            String problem = problem(body);
            if (problem != null) {
                reject(exchange, 400, problem);
                return;
            }
            JsonNode request = JSON.readTree(body);
            validRequests.add(request);
            answer(exchange, request);
        }
    }

    /** Why the body is not a valid chat-completions request, or null. */
    private static String problem(String body) {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "the body must be a JSON object";
            }
            if (parser.nextToken() != JsonToken.FIELD_NAME || !parser.currentName().equals("model")) {
                return "model must be the first field";
            }
        } catch (IOException e) {
            return "the body is not JSON";
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return "the body is not JSON";
        }
        if (!request.path("model").isTextual() || request.path("model").asText().isBlank()) {
            return "model must be a non-empty string";
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "messages must be a non-empty array";
        }
        for (JsonNode message : messages) {
            if (!ROLES.contains(message.path("role").asText()) || !message.path("content").isTextual()) {
                return "each message needs a role (system, user or assistant) and a string content";
            }
        }
        JsonNode maxTokens = request.path("max_tokens");
        if (!maxTokens.isMissingNode() && (!maxTokens.isIntegralNumber() || maxTokens.asInt() < 1)) {
            return "max_tokens must be a positive integer";
        }
        JsonNode temperature = request.path("temperature");
        if (!temperature.isMissingNode() && (!temperature.isNumber() || temperature.asDouble() < 0 || temperature.asDouble() > 2)) {
            return "temperature must be a number between 0 and 2";
        }
        JsonNode stream = request.path("stream");
        if (!stream.isMissingNode() && (!stream.isBoolean() || stream.asBoolean())) {
            return "this endpoint only serves stream=false";
        }
        return null;
    }

    private void answer(HttpExchange exchange, JsonNode request) throws IOException {
        switch (mode) {
            case SERVER_ERROR -> {
                exchange.getResponseHeaders().add("Retry-After", "0");
                send(exchange, 500, "{\"error\":{\"message\":\"upstream model crashed\"}}");
            }
            // the real router names the account; the fake echoes the token to prove the client hides it
            case PAYMENT_REQUIRED -> send(exchange, 402, "{\"error\":\"You have exceeded your monthly included credits "
                    + "for token " + token + ". Subscribe to PRO to get more.\"}");
            case SLOW -> {
                awaitRelease();
                send(exchange, 200, completion(request));
            }
            case MALFORMED_JSON -> send(exchange, 200, "{\"choices\": [{\"message\": ");
            case NO_CHOICES -> send(exchange, 200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
            case RATE_LIMITED_ONCE -> {
                mode = Mode.OK;
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"error\":\"rate limited\"}");
            }
            default -> send(exchange, 200, completion(request));
        }
    }

    private String completion(JsonNode request) throws IOException {
        var answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-1");
        answer.put("object", "chat.completion");
        answer.put("model", request.path("model").asText() + ":fake-provider");
        var choice = answer.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        answer.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 7).put("total_tokens", 49);
        return JSON.writeValueAsString(answer);
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reject(HttpExchange exchange, int status, String message) throws IOException {
        rejections.add(status + " " + message);
        send(exchange, status, JSON.writeValueAsString(JSON.createObjectNode().put("error", message)));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
