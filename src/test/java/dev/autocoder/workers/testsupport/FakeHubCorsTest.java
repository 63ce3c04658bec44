package dev.autocoder.workers.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake Hub answers a page on another origin as the Hub does: the Origin echoed, the preflight allowed. */
class FakeHubCorsTest {

    private static final String ORIGIN = "http://127.0.0.1:1";
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeHub hub;

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        hub.putFile("dataset", "alice/results", "data/2026/12/01/rows.jsonl", "{\"iteration\":1}\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void treeAndResolveAnswersCarryTheCallersOriginBack() throws Exception {
        HttpResponse<String> tree = get("/api/datasets/alice/results/tree/main/data?recursive=true", ORIGIN);
        HttpResponse<String> file = get("/datasets/alice/results/resolve/main/data/2026/12/01/rows.jsonl", ORIGIN);

        assertThat(tree.statusCode()).isEqualTo(200);
        assertThat(tree.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("{\"iteration\":1}\n");
        assertThat(file.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(get("/datasets/alice/results/resolve/main/missing.jsonl", ORIGIN).headers()
                .firstValue("Access-Control-Allow-Origin")).as("errors too, so the page can read why").hasValue(ORIGIN);
        assertThat(get("/datasets/alice/results/resolve/main/data/2026/12/01/rows.jsonl", null).headers()
                .firstValue("Access-Control-Allow-Origin")).as("not a cross-origin request").isEmpty();
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void aPreflightIsAllowedForTheMethodAndHeadersAskedForWithoutAMaxAge() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(hub.uri().resolve("/datasets/alice/results/resolve/main/data/2026/12/01/rows.jsonl"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isEmpty();
        assertThat(hub.violations()).isEmpty();
    }

    private HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.uri() + path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
