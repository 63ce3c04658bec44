package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No admin token (the default): a request is served only when its Host is a loopback name or address or one of
 * {@code autocoder.dashboard.allowed-hosts}, so a page rebound to 127.0.0.1 under its own name (DNS rebinding)
 * can neither read a CSRF token nor press a control. Real HTTP over loopback with a forged Host header.
 */
class DashboardHostCheckTest {

    @TempDir
    static Path temp;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture");
        properties.put("autocoder.workers.analysis.period", "1h");
        properties.put("autocoder.dashboard.allowed-hosts", "Dashboard.LAN, 192.168.7.7");
        app = App.start(properties);
        port = App.port(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aForgedHostIsRefusedOnEveryPathAndCannotStopAWorker() {
        for (String host : List.of("rebind.attacker.example:" + port, "rebind.attacker.example", "127.0.0.1.nip.io", "localhost.attacker.example")) {
            for (String path : List.of("/", "/api/csrf", "/api/status", "/workers/analysis", "/fragments/status",
                    "/autocoder/dashboard.js", "/actuator/health", "/actuator/prometheus", "/actuator")) {
                RawHttp.Answer answer = RawHttp.send(port, "GET", path, host);
                assertThat(answer.status()).as(host + " " + path).isEqualTo(421);
                assertThat(answer.body()).as(path).contains("answers only to localhost").doesNotContain("_csrf").doesNotContain("href");
            }
        }
        RawHttp.Answer stop = RawHttp.send(port, "POST", "/workers/analysis/stop", "rebind.attacker.example:" + port);
        assertThat(stop.status()).isEqualTo(421);
        assertThat(app.getBean(WorkerControl.class).isRunning("analysis")).isTrue();
    }

    @Test
    void loopbackNamesAndAllowedHostsAreServed() {
        for (String host : List.of("localhost:" + port, "LOCALHOST", "localhost.", "127.0.0.1:" + port, "127.8.9.10",
                "[::1]:" + port, "dashboard.lan:" + port, "192.168.7.7")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/status", host);
            assertThat(answer.status()).as(host).isEqualTo(200);
            assertThat(answer.body()).as(host).contains("\"workers_total\":1");
        }
    }

    @Test
    void theActuatorIndexDoesNotEchoTheHostInLinks() {
        // it built its links from the Host header; it is not served at all now
        RawHttp.Answer index = RawHttp.send(port, "GET", "/actuator", "localhost:" + port);
        assertThat(index.status()).isEqualTo(404);
        assertThat(index.body()).doesNotContain("href");
        assertThat(RawHttp.send(port, "GET", "/actuator/health", "localhost:" + port).status()).isEqualTo(200);
    }

    @Test
    void aSmallChunkedControlFormStillWorks() throws Exception {
        // a body without a length is read into memory by the size limit: its form fields must still arrive
        Http http = new Http(port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String action : List.of("stop", "start")) {
            byte[] form = ("_csrf=" + URLEncoder.encode(http.csrfFrom("/workers/analysis"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/workers/analysis/" + action))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(action + ": " + answer.body()).isIn(200, 303);
            assertThat(app.getBean(WorkerControl.class).isRunning("analysis")).isEqualTo(action.equals("start"));
        }
    }
}
