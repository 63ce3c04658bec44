package dev.autocoder.workers.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real Apache Kafka broker for tests: Apache Kafka's own server (kafka_2.13, test scope) in KRaft mode, one node
 * that is both broker and controller, in a child JVM on free loopback ports with its data in a temporary folder.
 * The storage is formatted with Kafka's storage tool first, as an operator would (in the broker's own JVM: see
 * {@link Server}).
 * <p>
 * {@link #shared()} is the one broker of the test JVM, started on first use: a test that needs no broker of its own
 * uses it, with topic and group names of its own so that tests do not see each other's records.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private volatile Process process;

    private KafkaBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    private static KafkaBroker shared;

    /**
     * The test JVM's shared broker, started on first call and stopped (its folder deleted) by a JVM shutdown hook.
     * Never close it: other test classes of this JVM use it after you.
     */
    public static synchronized KafkaBroker shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("autocoder-shared-kafka");
            KafkaBroker broker = start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                    deleteRecursively(dir);
                } catch (Exception e) {
                    // the JVM is exiting; a folder left in the temp directory is all that remains
                }
            }, "shared-kafka-broker-stop"));
            shared = broker;
        }
        return shared;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** How often a start is tried again when a port chosen free was taken before the broker bound it. */
    private static final int START_ATTEMPTS = 3;

    /**
     * Starts a broker on two ports free when chosen. Another process may take such a port before the broker's JVM
     * binds it (any outgoing connection gets a port of that range): the broker then exits with "Address already in
     * use", and the start is tried again on other ports, its storage formatted anew.
     */
    public static KafkaBroker start(Path dir) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePorts(dir);
            } catch (IllegalStateException e) {
                if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
                Path data = dir.resolve("data");
                if (Files.exists(data)) {
                    deleteRecursively(data);
                }
            }
        }
    }

    private static KafkaBroker startOnFreePorts(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        int controllerPort = freePort();
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // short session timeouts for the failover tests
                "group.min.session.timeout.ms=1000",
                "") );
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Files.writeString(dir.resolve("cluster.id"), Uuid.randomUuid().toString());
        Process server = java(dir, logback, "broker.log", Server.class.getName(), dir.resolve("cluster.id").toString(),
                properties.toString()).start();
        KafkaBroker broker = new KafkaBroker(dir, port, server);
        try {
            broker.awaitReady(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * The broker's JVM: formats the storage with Kafka's storage tool (a formatted one it leaves as it is, as on a
     * restart), then runs Kafka's server. One JVM instead of a second one for the format saves its start-up (about 2 s).
     * Arguments: the file with the cluster id, the server properties.
     */
    public static final class Server {

        public static void main(String[] args) throws Exception {
            String clusterId = Files.readString(Path.of(args[0])).strip();
            int formatted = kafka.tools.StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", args[1],
                    "--ignore-formatted"}, System.out);
            if (formatted != 0) {
                System.err.println("kafka storage format failed: exit code " + formatted);
                System.exit(formatted);
            }
            kafka.Kafka.main(new String[]{args[1]});
        }
    }

    private static ProcessBuilder java(Path dir, Path logback, String log, String mainClass, String... args) {
        // C1 only, as the fleet tests' instances: a test broker does little work, and C2 would take CPU from the tests
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady(Duration timeout) {
        // a broker that exited ends the wait at once (the condition throws); one that does not answer yet is asked again
        await("the Kafka broker answers").atMost(timeout).pollInterval(Duration.ofMillis(300)).until(this::answers);
    }

    private boolean answers() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Kafka broker exited: " + Files.readString(dir.resolve("broker.log")));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM, as an operator would), keeping its port and its data for {@link #restart()}. */
    public void stop() throws Exception {
        Process running = process;
        running.destroy();
        if (!running.waitFor(60, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the stopped broker again on the same port with the same log dirs, and waits until it answers. */
    public void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the Kafka broker still runs");
        }
        Files.writeString(dir.resolve("broker.log"), "\n--- restart ---\n", java.nio.file.StandardOpenOption.APPEND);
        process = java(dir, dir.resolve("logback.xml"), "broker.log", Server.class.getName(),
                dir.resolve("cluster.id").toString(), dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        awaitReady(Duration.ofMinutes(2));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Every committed record of a topic, partition by partition in offset order, read from the beginning up to the
     * end offsets of now (at most 20 s). Aborted rows (a fenced writer's) are not among them.
     */
    public List<ConsumerRecord<String, String>> committedRecords(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null) {
                return records;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
