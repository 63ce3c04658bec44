package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.AutocoderApplication;
import dev.autocoder.workers.testsupport.FixtureRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body far larger than the heap, against the packaged application in its own JVM with the README's small-heap
 * flags ({@code -Xmx144m}): every path answers 413 from the declared length, or after reading one byte past the
 * limit of a chunked body, without reading the rest; the server keeps answering. The bodies are generated as
 * they are sent, never held in memory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RequestBodyLimitTest {

    /** The README's recommended flags for a small machine (bench/analysis.sh). */
    static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xmx144m", "-Xss512k", "-XX:MaxMetaspaceSize=100m",
            "-XX:ReservedCodeCacheSize=24m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
    static final long HUGE = 300L * 1024 * 1024;
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    static Path temp;
    static Process server;
    static Path log;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        log = temp.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SMALL_HEAP);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AutocoderApplication.class.getName(),
                "--server.port=0", "--autocoder.target.path=" + fixture.root(), "--autocoder.store.path=" + temp.resolve("store"),
                "--autocoder.workers.enabled=none", "--autocoder.hub.token=", "--autocoder.hub.endpoint=http://127.0.0.1:9"));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("the server's port in its log").atMost(Duration.ofMinutes(2)).until(() -> STARTED.matcher(logText()).find() || !server.isAlive());
        assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
        Matcher started = STARTED.matcher(Files.readString(log));
        assertThat(started.find()).isTrue();
        port = Integer.parseInt(started.group(1));
        await("the dashboard").atMost(Duration.ofMinutes(1)).until(() -> RawHttp.send(port, "GET", "/api/status", "localhost").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aHugeBodyWithAContentLengthIsRefusedOnEveryPath() throws Exception {
        for (String request : List.of("GET /api/status", "POST /workers/analysis/stop", "GET /actuator/health", "GET /")) {
            RawHttp.Answer answer = sendHuge(request, false);
            assertThat(answer.status()).as(request + "\n" + tail()).isEqualTo(413);
            assertThat(answer.body()).contains("autocoder.dashboard.max-request-body");
            assertServerStillAnswers();
        }
    }

    @Test
    void aHugeChunkedBodyIsRefusedAfterTheLimit() throws Exception {
        for (String request : List.of("GET /api/status", "POST /workers/analysis/run")) {
            RawHttp.Answer answer = sendHuge(request, true);
            assertThat(answer.status()).as(request + "\n" + tail()).isEqualTo(413);
            assertServerStillAnswers();
        }
    }

    @Test
    void aHugeHeaderIsRefused() throws Exception {
        try (Socket socket = RawHttp.connect(port)) {
            String request = "GET /api/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Padding: "
                    + "a".repeat(64 * 1024) + "\r\n\r\n";
            CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // refused part-way: the answer says why
                }
            });
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(400);
        }
        assertServerStillAnswers();
    }

    /** Sends {@code HUGE} bytes as the body of "METHOD /path" while reading the answer as it comes. */
    private static RawHttp.Answer sendHuge(String request, boolean chunked) throws Exception {
        try (Socket socket = RawHttp.connect(port)) {
            String head = request + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + HUGE + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> RawHttp.stream(out, HUGE, chunked));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            socket.close();
            sent.get(1, TimeUnit.MINUTES);
            return answer;
        }
    }

    private static void assertServerStillAnswers() throws IOException {
        assertThat(server.isAlive()).as(tail()).isTrue();
        assertThat(RawHttp.send(port, "GET", "/api/status", "localhost:" + port).status()).as(tail()).isEqualTo(200);
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    private static String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
