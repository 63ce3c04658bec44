package dev.autocoder.workers.implementation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a local fake of the chat-completions endpoint that validates every request. */
class ChatCompletionsClientTest {

    /** Built at run time so this source holds no token-shaped literal. */
    private static final String TOKEN = "hf_" + "fakeTokenForTests" + "1234567890";
    private static final String MODEL = "Qwen/Qwen2.5-Coder-32B-Instruct";
    private static final ObjectMapper JSON = AutocoderJson.newObjectMapper();

    private FakeChatCompletionsServer fake;
    private LlmProperties properties;
    private final List<LlmAnswer> answers = new ArrayList<>();

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeChatCompletionsServer(TOKEN);
        properties = new LlmProperties();
        properties.setModel(MODEL);
        properties.setEndpoint(fake.url());
    }

    @AfterEach
    void tokenNeverLeaksAndFakeStops() {
        fake.close();
        for (LlmAnswer answer : answers) {
            assertThat(answer.toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void sendsAValidRequestAndReadsTheAnswer() {
        LlmAnswer answer = ask("You review code.", "Why is the field unused?");

        assertThat(answer).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.OK, 200, "The field is never read.",
                MODEL + ":fake-provider", 42, 7, 49, 1, null));
        assertThat(fake.rejections).isEmpty();
        JsonNode request = fake.validRequests.get(0);
        assertThat(fake.rawBodies.get(0)).startsWith("{\"model\":\"" + MODEL + "\",");
        assertThat(request.path("messages").toString()).isEqualTo(
                "[{\"role\":\"system\",\"content\":\"You review code.\"},{\"role\":\"user\",\"content\":\"Why is the field unused?\"}]");
        assertThat(request.path("max_tokens").asInt()).isEqualTo(1500);
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(request.path("stream").asBoolean(true)).isFalse();
    }

    @Test
    void retriesA5xxOnceThenReportsIt() {
        fake.mode(FakeChatCompletionsServer.Mode.SERVER_ERROR);

        LlmAnswer answer = ask("s", "u");

        assertThat(answer).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.HTTP_ERROR, 500, null, MODEL, null, null, null, 2,
                "HTTP 500: upstream model crashed"));
        assertThat(fake.validRequests).hasSize(2);
    }

    @Test
    void retriesA429OnceHonouringRetryAfter() {
        fake.mode(FakeChatCompletionsServer.Mode.RATE_LIMITED_ONCE);

        LlmAnswer answer = ask("s", "u");

        assertThat(answer.status()).isEqualTo(LlmAnswer.Outcome.OK);
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(answer.content()).isEqualTo("The field is never read.");
    }

    @Test
    void doesNotRetryA402AndHidesTheTokenTheEndpointEchoes() {
        fake.mode(FakeChatCompletionsServer.Mode.PAYMENT_REQUIRED);

        LlmAnswer answer = ask("s", "u");

        assertThat(answer).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.HTTP_ERROR, 402, null, MODEL, null, null, null, 1,
                "HTTP 402: You have exceeded your monthly included credits for token [redacted]. Subscribe to PRO to get more."));
        assertThat(fake.validRequests).hasSize(1);
    }

    @Test
    void reportsATimeoutWhenTheEndpointIsTooSlow() {
        fake.mode(FakeChatCompletionsServer.Mode.SLOW);
        properties.setTimeout(Duration.ofMillis(500));

        LlmAnswer answer = ask("s", "u");

        assertThat(answer).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.TIMEOUT, null, null, MODEL, null, null, null, 1,
                "no answer within 0.5 s"));
    }

    @Test
    void reportsAnAnswerThatIsNotJson() {
        fake.mode(FakeChatCompletionsServer.Mode.MALFORMED_JSON);

        assertThat(ask("s", "u")).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.MALFORMED, 200, null, MODEL, null, null, null,
                1, "the answer is not JSON"));
    }

    @Test
    void reportsAnAnswerWithoutChoices() {
        fake.mode(FakeChatCompletionsServer.Mode.NO_CHOICES);

        assertThat(ask("s", "u")).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.MALFORMED, 200, null, MODEL, null, null, null,
                1, "the answer has no choices[0].message.content"));
    }

    @Test
    void theFakeRejectsMalformedRequestsWith400() throws Exception {
        properties.setMaxTokens(0);
        assertThat(ask("s", "u")).isEqualTo(new LlmAnswer(LlmAnswer.Outcome.HTTP_ERROR, 400, null, MODEL, null, null, null,
                1, "HTTP 400: max_tokens must be a positive integer"));

        HttpClient http = HttpClient.newHttpClient();
        for (String body : List.of("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"model\":\"m\"}",
                "{\"model\":\"m\",\"messages\":[]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":1.5}",
                "not json")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.url()))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(fake.validRequests).isEmpty();
    }

    @Test
    void aWrongTokenIsAnHttpErrorThatDoesNotShowTheToken() {
        LlmAnswer answer = new ChatCompletionsClient(properties, "hf_wrong", JSON).complete("s", "u");

        assertThat(answer.status()).isEqualTo(LlmAnswer.Outcome.HTTP_ERROR);
        assertThat(answer.httpStatus()).isEqualTo(401);
        assertThat(answer.reason()).isEqualTo("HTTP 401: Invalid credentials in Authorization header");
    }

    @Test
    void isDisabledWithoutAModelOrWithoutATokenForTheRouter() {
        properties.setModel(" ");
        assertThat(ask("s", "u")).isEqualTo(LlmAnswer.disabled(null, "autocoder.llm.model is not set"));

        LlmProperties router = new LlmProperties();
        router.setModel(MODEL);
        assertThat(new ChatCompletionsClient(router, null, JSON).complete("s", "u"))
                .isEqualTo(LlmAnswer.disabled(MODEL, "HF_TOKEN is not set, and the Hugging Face router needs it"));
        assertThat(fake.rawBodies).isEmpty();
    }

    @Test
    void reportsAnUnreachableOrInvalidEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        properties.setEndpoint("http://127.0.0.1:" + closedPort + "/v1/chat/completions");
        LlmAnswer answer = ask("s", "u");
        assertThat(answer.status()).isEqualTo(LlmAnswer.Outcome.UNREACHABLE);
        assertThat(answer.reason()).isEqualTo("could not connect to the endpoint");

        properties.setEndpoint("ftp://example.org/chat");
        assertThat(ask("s", "u").reason()).isEqualTo("autocoder.llm.endpoint is not an http(s) URL");
    }

    private LlmAnswer ask(String system, String user) {
        LlmAnswer answer = new ChatCompletionsClient(properties, TOKEN, JSON).complete(system, user);
        answers.add(answer);
        return answer;
    }
}
