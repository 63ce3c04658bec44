package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.testplan.model.Invocation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which calls are integration points: a table of receiver types (package-qualified) and methods, matched against
 * the receiver types the model resolved from declarations and imports.
 */
public final class IntegrationCatalog {

    private record Entry(String type, Set<String> methods, IntegrationKind kind) {
        boolean matches(Invocation call) {
            if (call.type() == null || !(call.type().equals(type) || (type.endsWith(".") && call.type().startsWith(type)))) {
                return false;
            }
            return methods.contains("*") || methods.contains(call.method());
        }
    }

    private static final Set<String> ANY = Set.of("*");
    private static final Set<String> NEW = Set.of("<init>");

    private static final List<Entry> ENTRIES = List.of(
            new Entry("java.net.http.HttpClient", Set.of("send", "sendAsync"), IntegrationKind.HTTP),
            new Entry("java.net.HttpURLConnection", Set.of("connect", "getInputStream", "getOutputStream", "getResponseCode"), IntegrationKind.HTTP),
            new Entry("java.net.URLConnection", Set.of("connect", "getInputStream", "getOutputStream"), IntegrationKind.HTTP),
            new Entry("java.net.URL", Set.of("openConnection", "openStream"), IntegrationKind.HTTP),
            new Entry("org.springframework.web.client.RestTemplate", ANY, IntegrationKind.HTTP),
            new Entry("org.springframework.web.client.RestClient", ANY, IntegrationKind.HTTP),
            new Entry("org.springframework.web.reactive.function.client.WebClient", ANY, IntegrationKind.HTTP),
            new Entry("okhttp3.OkHttpClient", Set.of("newCall"), IntegrationKind.HTTP),
            new Entry("org.apache.http.impl.client.CloseableHttpClient", Set.of("execute"), IntegrationKind.HTTP),
            new Entry("org.apache.http.client.HttpClient", Set.of("execute"), IntegrationKind.HTTP),
            new Entry("java.net.Socket", NEW, IntegrationKind.NETWORK),
            new Entry("java.net.ServerSocket", NEW, IntegrationKind.NETWORK),
            new Entry("java.sql.DriverManager", Set.of("getConnection"), IntegrationKind.DATABASE),
            new Entry("javax.sql.DataSource", Set.of("getConnection"), IntegrationKind.DATABASE),
            new Entry("java.sql.Connection", Set.of("prepareStatement", "createStatement", "prepareCall", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("java.sql.Statement", Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate"), IntegrationKind.DATABASE),
            new Entry("java.sql.PreparedStatement", Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate"), IntegrationKind.DATABASE),
            new Entry("jakarta.persistence.EntityManager", Set.of("persist", "merge", "remove", "find", "createQuery", "createNativeQuery", "flush"), IntegrationKind.DATABASE),
            new Entry("javax.persistence.EntityManager", Set.of("persist", "merge", "remove", "find", "createQuery", "createNativeQuery", "flush"), IntegrationKind.DATABASE),
            new Entry("org.springframework.jdbc.core.JdbcTemplate", Set.of("query", "queryForObject", "queryForList", "update", "batchUpdate", "execute"), IntegrationKind.DATABASE),
            new Entry("org.apache.kafka.clients.producer.KafkaProducer", Set.of("send"), IntegrationKind.MESSAGING),
            new Entry("org.apache.kafka.clients.producer.Producer", Set.of("send"), IntegrationKind.MESSAGING),
            new Entry("org.apache.kafka.clients.consumer.KafkaConsumer", Set.of("poll"), IntegrationKind.MESSAGING),
            new Entry("org.springframework.kafka.core.KafkaTemplate", Set.of("send"), IntegrationKind.MESSAGING),
            new Entry("org.springframework.amqp.rabbit.core.RabbitTemplate", Set.of("send", "convertAndSend"), IntegrationKind.MESSAGING),
            new Entry("org.springframework.jms.core.JmsTemplate", Set.of("send", "convertAndSend"), IntegrationKind.MESSAGING),
            new Entry("jakarta.jms.MessageProducer", Set.of("send"), IntegrationKind.MESSAGING),
            new Entry("javax.jms.MessageProducer", Set.of("send"), IntegrationKind.MESSAGING),
            new Entry("java.nio.file.Files", ANY, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.FileInputStream", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.FileOutputStream", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.FileReader", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.FileWriter", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.RandomAccessFile", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("java.io.File", Set.of("exists", "delete", "mkdir", "mkdirs", "listFiles", "createNewFile", "renameTo", "length", "isDirectory", "isFile"), IntegrationKind.FILE_SYSTEM),
            new Entry("java.lang.System", Set.of("getenv", "getProperty", "getProperties"), IntegrationKind.ENVIRONMENT),
            new Entry("java.lang.System", Set.of("currentTimeMillis", "nanoTime"), IntegrationKind.CLOCK),
            new Entry("java.time.Instant", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.LocalDate", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.LocalDateTime", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.LocalTime", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.ZonedDateTime", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.OffsetDateTime", Set.of("now"), IntegrationKind.CLOCK),
            new Entry("java.time.Clock", Set.of("systemUTC", "systemDefaultZone"), IntegrationKind.CLOCK),
            new Entry("java.lang.Runtime", Set.of("exec"), IntegrationKind.PROCESS),
            new Entry("java.lang.ProcessBuilder", Set.of("start"), IntegrationKind.PROCESS),
            new Entry("java.util.Random", NEW, IntegrationKind.RANDOMNESS),
            new Entry("java.security.SecureRandom", NEW, IntegrationKind.RANDOMNESS),
            new Entry("java.lang.Math", Set.of("random"), IntegrationKind.RANDOMNESS),
            new Entry("java.util.UUID", Set.of("randomUUID"), IntegrationKind.RANDOMNESS),
            new Entry("java.util.concurrent.ThreadLocalRandom", Set.of("current"), IntegrationKind.RANDOMNESS),
            new Entry("java.lang.Thread", NEW, IntegrationKind.CONCURRENCY),
            new Entry("java.util.concurrent.Executors", ANY, IntegrationKind.CONCURRENCY),
            new Entry("java.util.concurrent.CompletableFuture", Set.of("supplyAsync", "runAsync"), IntegrationKind.CONCURRENCY),
            new Entry("java.util.concurrent.ExecutorService", Set.of("submit", "execute", "invokeAll"), IntegrationKind.CONCURRENCY));

    private IntegrationCatalog() {
    }

    public static Optional<IntegrationKind> classify(Invocation call) {
        if (call.creation() && "java.util.Date".equals(call.type()) && call.text().equals("new Date()")) {
            return Optional.of(IntegrationKind.CLOCK);
        }
        return ENTRIES.stream().filter(e -> e.matches(call)).map(Entry::kind).findFirst();
    }
}
