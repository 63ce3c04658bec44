package dev.autocoder.workers.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.KafkaBroker;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One application instance of a fleet. In a child JVM on the test classpath ({@link #start}), so that killing it
 * (SIGKILL) or pausing it (SIGSTOP) is what happens to a real process and its log is its own; or in this JVM
 * ({@link #startHere}) for a test that only starts and closes instances: the same application, closed the same way
 * (leaving the group), started in a few seconds where a cold child JVM takes half a minute beside the other tests.
 */
final class FleetInstance implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A log line of one of our loggers, whose names Spring Boot shortens to {@code d.a.workers...} or {@code d.autocoder...}. */
    private static final Pattern OUR_LOGGER = Pattern.compile("\\] d\\.(a|autocoder)\\.");

    final String name;
    final int port;
    final Path log;
    /** The child JVM; null for an instance in this JVM. */
    private final Process process;
    /** The application in this JVM; null for a child JVM. */
    private final ConfigurableApplicationContext context;
    private boolean terminated;

    private FleetInstance(String name, int port, Path log, Process process, ConfigurableApplicationContext context) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.context = context;
    }

    /** Starts an instance in {@code {dir}/{name}} and adds it to {@code started}, which the test closes at its end. */
    static FleetInstance start(List<FleetInstance> started, Path dir, String name, Map<String, String> settings)
            throws Exception {
        FleetInstance instance = start(name, dir.resolve(name), settings);
        started.add(instance);
        return instance;
    }

    static FleetInstance start(String name, Path dir, Map<String, String> settings) throws Exception {
        Files.createDirectories(dir);
        int port = KafkaBroker.freePort();
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.autocoder.workers.AutocoderApplication"));
        command.add("--server.port=" + port);
        command.add("--autocoder.store.path=" + dir.resolve("store"));
        command.add("--autocoder.fleet.kafka.instance-id=" + name);
        if (!settings.containsKey("autocoder.hub.token")) {
            command.add("--autocoder.hub.token=");
        }
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FleetInstance(name, port, log, process, null);
    }

    /**
     * Starts an instance in this JVM (its log goes to the test's output, not to a file of its own) and adds it to
     * {@code started}. It cannot be killed or paused.
     */
    static FleetInstance startHere(List<FleetInstance> started, Path dir, String name, Map<String, String> settings)
            throws Exception {
        Files.createDirectories(dir.resolve(name));
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        properties.put("server.port", "0");
        properties.put("autocoder.store.path", dir.resolve(name).resolve("store").toString());
        properties.put("autocoder.fleet.kafka.instance-id", name);
        ConfigurableApplicationContext context = App.start(properties);
        FleetInstance instance = new FleetInstance(name, App.port(context), null, null, context);
        started.add(instance);
        return instance;
    }

    /** The pairs this instance runs now, as its health says; empty while it does not answer. */
    List<String> ownedPairs() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode pairs = JSON.readTree(response.body()).path("components").path("kafkaFleet").path("details").path("ownedPairs");
            List<String> owned = new ArrayList<>();
            pairs.forEach(p -> owned.add(p.asText()));
            return owned;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** POST with the admin token (a dashboard's Start, Stop or Run now as a script calls it). */
    HttpResponse<String> post(String path, String adminToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a JSON answer; an empty node while the instance does not answer. */
    JsonNode json(String path) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The pairs the instances run now, together (a pair run by two shows twice). */
    static List<String> ownedPairs(FleetInstance... instances) {
        List<String> all = new ArrayList<>();
        for (FleetInstance instance : instances) {
            all.addAll(instance.ownedPairs());
        }
        return all;
    }

    /**
     * Closes the instances, then prints the end of each one's log (what a failed test needs to be read). Each gets its
     * SIGTERM before any is waited for: they shut down side by side (about 2 s each), not one after the other.
     */
    static void closeAll(List<FleetInstance> instances, int tailLines) throws Exception {
        for (FleetInstance instance : instances) {
            instance.terminate();
        }
        for (FleetInstance instance : instances) {
            instance.close();
        }
        instances.stream().filter(i -> i.log != null)
                .forEach(i -> System.out.println("---- " + i.name + " log tail:\n" + i.logTail(tailLines)));
    }

    /** SIGKILL: the JVM dies at once. */
    void kill9() throws InterruptedException {
        childJvm().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: every thread of the JVM stands still, as in a long GC pause; no heartbeat, no leaving the group. */
    void pause() throws Exception {
        signal("-STOP");
    }

    /** SIGCONT: the JVM goes on where it stood, not knowing it was paused. */
    void resume() throws Exception {
        signal("-CONT");
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(childJvm().pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    String logText() {
        Path file = childJvmLog();
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * The last lines of the instance's own account (our loggers, and every WARN and ERROR), for a failed test's
     * output: the raw log ends in Camel's and Kafka's shutdown lines, which tell nothing of what went wrong.
     */
    String logTail(int lines) {
        List<String> told = Arrays.stream(logText().split("\n"))
                .filter(l -> OUR_LOGGER.matcher(l).find() || l.contains(" WARN ") || l.contains(" ERROR ")).toList();
        return String.join("\n", told.subList(Math.max(0, told.size() - lines), told.size()));
    }

    /**
     * The last lines of our loggers on one line (each cut short), for a failure message: a build's summary shows the
     * message's first line, where a log tail printed beside it may be cut off.
     */
    String lastWordsOnOneLine(int lines) {
        List<String> log = Arrays.asList(logText().split("\n"));
        // an iteration that went well and a Hub commit tell nothing of what went wrong
        List<String> ours = log.stream().filter(l -> OUR_LOGGER.matcher(l).find())
                .filter(l -> !l.contains(": ok (") && !l.contains("Published to the Hub"))
                .map(l -> l.substring(Math.min(l.length(), 24), Math.min(l.length(), 400)).replaceAll("\\s{2,}", " ").strip())
                .toList();
        // the root cause of the last stack trace, whoever logged it (Camel's error handler logs an iteration's)
        String cause = log.stream().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(l -> " | last cause: " + l.substring(0, Math.min(l.length(), 400))).orElse("");
        return String.join(" | ", ours.subList(Math.max(0, ours.size() - lines), ours.size())) + cause;
    }

    private Process childJvm() {
        if (process == null) {
            throw new IllegalStateException(name + " runs in the test's JVM: start it with FleetInstance.start to kill or pause it");
        }
        return process;
    }

    private Path childJvmLog() {
        if (log == null) {
            throw new IllegalStateException(name + " runs in the test's JVM: its log is the test's output");
        }
        return log;
    }

    /**
     * SIGTERM, once, without waiting: the JVM runs its shutdown hooks (leaves the group) and ends. An instance in this
     * JVM has nothing to wait for here: closing it is {@link #close}.
     */
    private void terminate() throws Exception {
        if (process != null && process.isAlive() && !terminated) {
            terminated = true;
            try {
                // a paused JVM cannot end by SIGTERM
                signal("-CONT");
            } catch (IllegalStateException e) {
                // it ended meanwhile
            }
            process.destroy();
        }
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
            return;
        }
        terminate();
        if (process.isAlive() && !process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
