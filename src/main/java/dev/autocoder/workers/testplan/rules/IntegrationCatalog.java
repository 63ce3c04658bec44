package dev.autocoder.workers.testplan.rules;

import dev.autocoder.workers.javamodel.Invocation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which calls are integration points: a table of receiver types (package-qualified) and methods, matched against
 * the receiver types the model resolved from declarations and imports. Python calls are in the same table by
 * their qualified names as the Python model resolves them through the imports ({@code requests.get},
 * {@code subprocess.run}, {@code builtins.open}; a class call such as {@code threading.Thread(..)} is a creation).
 * A call into the project's own package is none, whatever library its names resemble (requests' own
 * {@code Session.request}).
 */
public final class IntegrationCatalog {

    /** What one call puts on the wire. */
    private enum Traffic {
        /** A request and its answer. */
        ROUND_TRIP,
        /** Queued for the client to ship in batches (Kafka's producer). */
        BATCHED,
        /** Nothing: a handle set up on this machine (a socket bound, a server socket opened). */
        LOCAL,
        /**
         * Nothing yet: a client handle that talks only when used (a socket made, SQLAlchemy's {@code create_engine},
         * which "does not establish any actual DBAPI connections directly").
         */
        HANDLE
    }

    private record Entry(String type, Set<String> methods, IntegrationKind kind, Traffic traffic) {
        Entry(String type, Set<String> methods, IntegrationKind kind) {
            this(type, methods, kind, Traffic.ROUND_TRIP);
        }

        boolean matches(Invocation call) {
            if (call.type() == null || !(call.type().equals(type) || (type.endsWith(".") && call.type().startsWith(type)))) {
                return false;
            }
            return methods.contains("*") || methods.contains(call.method());
        }
    }

    private static final Set<String> ANY = Set.of("*");
    private static final Set<String> NEW = Set.of("<init>");
    private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "request", "stream");
    private static final Set<String> HTTP_CLIENT = Set.of("get", "post", "put", "patch", "delete", "head", "options", "request",
            "stream", "send");

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
            new Entry("java.net.ServerSocket", NEW, IntegrationKind.NETWORK, Traffic.LOCAL),
            new Entry("java.sql.DriverManager", Set.of("getConnection"), IntegrationKind.DATABASE),
            new Entry("javax.sql.DataSource", Set.of("getConnection"), IntegrationKind.DATABASE),
            new Entry("java.sql.Connection", Set.of("prepareStatement", "createStatement", "prepareCall", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("java.sql.Statement", Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate"), IntegrationKind.DATABASE),
            new Entry("java.sql.PreparedStatement", Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate"), IntegrationKind.DATABASE),
            new Entry("jakarta.persistence.EntityManager", Set.of("persist", "merge", "remove", "find", "createQuery", "createNativeQuery", "flush"), IntegrationKind.DATABASE),
            new Entry("javax.persistence.EntityManager", Set.of("persist", "merge", "remove", "find", "createQuery", "createNativeQuery", "flush"), IntegrationKind.DATABASE),
            new Entry("org.springframework.jdbc.core.JdbcTemplate", Set.of("query", "queryForObject", "queryForList", "update", "batchUpdate", "execute"), IntegrationKind.DATABASE),
            new Entry("org.apache.kafka.clients.producer.KafkaProducer", Set.of("send"), IntegrationKind.MESSAGING, Traffic.BATCHED),
            new Entry("org.apache.kafka.clients.producer.Producer", Set.of("send"), IntegrationKind.MESSAGING, Traffic.BATCHED),
            new Entry("org.apache.kafka.clients.consumer.KafkaConsumer", Set.of("poll"), IntegrationKind.MESSAGING),
            new Entry("org.springframework.kafka.core.KafkaTemplate", Set.of("send"), IntegrationKind.MESSAGING, Traffic.BATCHED),
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
            new Entry("java.util.concurrent.ExecutorService", Set.of("submit", "execute", "invokeAll"), IntegrationKind.CONCURRENCY),
            // Python (see the class comment)
            new Entry("requests", HTTP_VERBS, IntegrationKind.HTTP),
            new Entry("requests.Session", HTTP_CLIENT, IntegrationKind.HTTP),
            new Entry("requests.sessions.Session", HTTP_CLIENT, IntegrationKind.HTTP),
            new Entry("httpx", HTTP_VERBS, IntegrationKind.HTTP),
            new Entry("httpx.Client", HTTP_CLIENT, IntegrationKind.HTTP),
            new Entry("httpx.AsyncClient", HTTP_CLIENT, IntegrationKind.HTTP),
            new Entry("aiohttp.ClientSession", HTTP_CLIENT, IntegrationKind.HTTP),
            new Entry("urllib.request", Set.of("urlopen", "urlretrieve"), IntegrationKind.HTTP),
            new Entry("urllib.request.OpenerDirector", Set.of("open"), IntegrationKind.HTTP),
            new Entry("http.client.HTTPConnection", Set.of("request", "getresponse", "connect"), IntegrationKind.HTTP),
            new Entry("http.client.HTTPSConnection", Set.of("request", "getresponse", "connect"), IntegrationKind.HTTP),
            new Entry("socket", Set.of("socket"), IntegrationKind.NETWORK, Traffic.HANDLE),
            new Entry("socket", Set.of("create_server"), IntegrationKind.NETWORK, Traffic.LOCAL),
            new Entry("socket", Set.of("create_connection"), IntegrationKind.NETWORK),
            new Entry("socket.socket", Set.of("bind"), IntegrationKind.NETWORK, Traffic.LOCAL),
            new Entry("socket.socket", Set.of("connect", "recv", "send", "sendall", "accept"), IntegrationKind.NETWORK),
            new Entry("sqlite3", Set.of("connect"), IntegrationKind.DATABASE),
            new Entry("sqlite3.Connection", Set.of("execute", "executemany", "executescript", "cursor", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("sqlite3.Cursor", Set.of("execute", "executemany", "executescript", "fetchone", "fetchall", "fetchmany"), IntegrationKind.DATABASE),
            new Entry("psycopg2", Set.of("connect"), IntegrationKind.DATABASE),
            new Entry("psycopg2.extensions.connection", Set.of("cursor", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("psycopg2.extensions.cursor", Set.of("execute", "executemany", "fetchone", "fetchall", "fetchmany"), IntegrationKind.DATABASE),
            new Entry("psycopg", Set.of("connect"), IntegrationKind.DATABASE),
            new Entry("psycopg.Connection", Set.of("execute", "cursor", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("psycopg.Cursor", Set.of("execute", "executemany", "fetchone", "fetchall", "fetchmany"), IntegrationKind.DATABASE),
            new Entry("sqlalchemy", Set.of("create_engine"), IntegrationKind.DATABASE, Traffic.HANDLE),
            new Entry("sqlalchemy.engine.Engine", Set.of("connect", "begin", "execute"), IntegrationKind.DATABASE),
            new Entry("sqlalchemy.engine.Connection", Set.of("execute", "commit", "rollback"), IntegrationKind.DATABASE),
            new Entry("sqlalchemy.orm.Session", Set.of("execute", "add", "add_all", "delete", "commit", "rollback", "flush", "query", "merge", "get", "scalars"), IntegrationKind.DATABASE),
            new Entry("builtins", Set.of("open"), IntegrationKind.FILE_SYSTEM),
            new Entry("io", Set.of("open"), IntegrationKind.FILE_SYSTEM),
            new Entry("os", Set.of("remove", "unlink", "rename", "replace", "mkdir", "makedirs", "listdir", "scandir", "rmdir", "removedirs", "stat", "walk", "chmod", "open"), IntegrationKind.FILE_SYSTEM),
            new Entry("os.path", Set.of("exists", "isfile", "isdir", "getsize", "getmtime", "getctime", "lexists"), IntegrationKind.FILE_SYSTEM),
            new Entry("shutil", ANY, IntegrationKind.FILE_SYSTEM),
            new Entry("tempfile", ANY, IntegrationKind.FILE_SYSTEM),
            new Entry("tempfile.", NEW, IntegrationKind.FILE_SYSTEM),
            new Entry("pathlib.Path", Set.of("open", "read_text", "read_bytes", "write_text", "write_bytes", "exists", "mkdir", "unlink", "rmdir", "iterdir", "glob", "rglob", "stat", "is_file", "is_dir", "rename", "replace", "touch"), IntegrationKind.FILE_SYSTEM),
            new Entry("os", Set.of("getenv", "putenv", "unsetenv"), IntegrationKind.ENVIRONMENT),
            new Entry("os.environ", ANY, IntegrationKind.ENVIRONMENT),
            new Entry("subprocess", Set.of("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput"), IntegrationKind.PROCESS),
            new Entry("subprocess.Popen", NEW, IntegrationKind.PROCESS),
            new Entry("os", Set.of("system", "popen", "execv", "execvp", "execve", "spawnv", "spawnvp", "posix_spawn"), IntegrationKind.PROCESS),
            new Entry("asyncio", Set.of("create_subprocess_exec", "create_subprocess_shell"), IntegrationKind.PROCESS),
            new Entry("time", Set.of("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "localtime", "gmtime", "sleep"), IntegrationKind.CLOCK),
            new Entry("datetime.datetime", Set.of("now", "utcnow", "today"), IntegrationKind.CLOCK),
            new Entry("datetime.date", Set.of("today"), IntegrationKind.CLOCK),
            new Entry("random", ANY, IntegrationKind.RANDOMNESS),
            new Entry("random.Random", NEW, IntegrationKind.RANDOMNESS),
            new Entry("secrets", ANY, IntegrationKind.RANDOMNESS),
            new Entry("uuid", Set.of("uuid1", "uuid4"), IntegrationKind.RANDOMNESS),
            new Entry("os", Set.of("urandom"), IntegrationKind.RANDOMNESS),
            new Entry("threading.Thread", NEW, IntegrationKind.CONCURRENCY),
            new Entry("threading.Timer", NEW, IntegrationKind.CONCURRENCY),
            new Entry("concurrent.futures.ThreadPoolExecutor", NEW, IntegrationKind.CONCURRENCY),
            new Entry("concurrent.futures.ProcessPoolExecutor", NEW, IntegrationKind.CONCURRENCY),
            new Entry("multiprocessing.Process", NEW, IntegrationKind.CONCURRENCY),
            new Entry("multiprocessing.Pool", NEW, IntegrationKind.CONCURRENCY),
            new Entry("asyncio", Set.of("run", "create_task", "gather", "ensure_future", "wait_for", "get_event_loop", "new_event_loop", "to_thread"), IntegrationKind.CONCURRENCY));

    private IntegrationCatalog() {
    }

    /**
     * Whether the call only queues its message for the client to send in batches (Kafka's producer:
     * {@code linger.ms}, {@code batch.size}): one per element of a loop is no round trip per element, unless the
     * loop waits for each ({@code send(..).get()}).
     */
    public static boolean batched(Invocation call) {
        return entry(call).map(e -> e.traffic() == Traffic.BATCHED).orElse(false);
    }

    /**
     * Whether the call only makes or sets up a handle on this machine and sends nothing (Python's
     * {@code socket.socket(..)} and {@code sock.bind(..)}, Java's {@code new ServerSocket(..)}): one per element of a
     * loop is the loop's work (a listener per address), no round trip.
     */
    public static boolean local(Invocation call) {
        return entry(call).map(e -> e.traffic() == Traffic.LOCAL || e.traffic() == Traffic.HANDLE).orElse(false);
    }

    /**
     * Whether the call only makes a client handle that talks when it is used (Python's {@code socket.socket(..)},
     * SQLAlchemy's {@code create_engine(..)}): the remote side cannot fail it; its connect, send and queries can.
     */
    public static boolean handleOnly(Invocation call) {
        return entry(call).map(e -> e.traffic() == Traffic.HANDLE).orElse(false);
    }

    public static Optional<IntegrationKind> classify(Invocation call) {
        if (call.hasFact(Invocation.OWN_PACKAGE)) {
            return Optional.empty();
        }
        if (call.creation() && "java.util.Date".equals(call.type()) && call.text().equals("new Date()")) {
            return Optional.of(IntegrationKind.CLOCK);
        }
        return entry(call).map(Entry::kind);
    }

    private static Optional<Entry> entry(Invocation call) {
        return ENTRIES.stream().filter(e -> e.matches(call)).findFirst();
    }
}
