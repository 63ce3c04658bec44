package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, stateful fake of the Hugging Face Hub HTTP API (see docs/hf-hub-protocol.md) for tests: whoami, repo
 * creation and info, preupload, NDJSON commits, tree listing with Link pagination, paths-info, resolve with a
 * redirect to a CDN for LFS files, the Git LFS batch/upload/verify flow, Space secrets, variables and runtime: what
 * this project's clients use. It enforces the documented request formats: a malformed request is answered 400 with
 * {@code {"error": "..."}} saying what is wrong, and recorded in {@link #violations()}; a valid option no client
 * here sends (expand, blobs, Range, form bodies, pull requests) is answered 501 and recorded the same way.
 * <p>
 * Two loopback origins: {@link #uri()} is the Hub; {@link #storageUri()} stands for the CDN and the presigned
 * upload URLs (a different origin, like cdn-lfs.hf.co and S3), where an Authorization header is a leaked token: a
 * violation (the upload also answers 400, as S3 does). The JDK HttpClient with Redirect.NORMAL does forward the
 * token across origins, so a client must follow the 302 of resolve itself.
 * Faults ({@link #failNext}, {@link #rateLimitNext}, {@link #applyThenDropNext}) apply to the next requests of one
 * {@link Endpoint}.
 * <p>
 * Thread-safe: every handler runs under one state lock; only the network I/O runs outside it.
 */
public final class FakeHub implements AutoCloseable {

    public enum Endpoint {
        WHOAMI, REPO_CREATE, REPO_INFO, PREUPLOAD, COMMIT, TREE, PATHS_INFO, RESOLVE, LFS_BATCH, LFS_UPLOAD,
        LFS_VERIFY, CDN, SPACE_SECRETS, SPACE_VARIABLES, SPACE_RUNTIME
    }

    /** One commit of a repository: {@code parent} is null for the initial commit. */
    public record Commit(String oid, String parent, String summary, List<String> paths) {
    }

    /**
     * One request as received. {@code path} and {@code query} are raw (percent escapes kept); {@code headers} has
     * case-insensitive names; {@code status} is the answer's status, -1 when the connection was closed without
     * an answer, 0 while the request is still being answered.
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                          int status) {

        /** The first value of a header (case-insensitive name), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private enum FaultKind { FAIL, RATE_LIMIT, APPLY_THEN_DROP }

    private static final class Fault {
        final FaultKind kind;
        int remaining;
        final int status;

        Fault(FaultKind kind, int times, int status) {
            this.kind = kind;
            this.remaining = times;
            this.status = status;
        }
    }

    /** A request being or having been answered; the status is filled in when the answer is known. */
    private static final class LoggedRequest {
        final FakeHubExchange exchange;
        volatile int status;

        LoggedRequest(FakeHubExchange exchange) {
            this.exchange = exchange;
        }
    }

    private final FakeHubState state = new FakeHubState();
    private final FakeHubRouter router = new FakeHubRouter(state);
    private final ExecutorService executor;
    private final HttpServer hubServer;
    private final HttpServer storageServer;
    private final Map<Endpoint, Deque<Fault>> faults = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, AtomicInteger> counts = new EnumMap<>(Endpoint.class);
    private final List<LoggedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean down;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeHub() throws IOException {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new AtomicInteger());
            faults.put(endpoint, new ArrayDeque<>());
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fakehub-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        hubServer = HttpServer.create(loopback, 0);
        storageServer = HttpServer.create(loopback, 0);
        hubServer.createContext("/", exchange -> serve(exchange, false));
        storageServer.createContext("/", exchange -> serve(exchange, true));
        hubServer.setExecutor(executor);
        storageServer.setExecutor(executor);
        hubServer.start();
        storageServer.start();
        state.hubUri = URI.create("http://127.0.0.1:" + hubServer.getAddress().getPort());
        state.storageUri = URI.create("http://127.0.0.1:" + storageServer.getAddress().getPort());
    }

    /** Starts a fake Hub on free loopback ports. Close it to stop it. */
    public static FakeHub start() {
        try {
            return new FakeHub();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start FakeHub on 127.0.0.1", e);
        }
    }

    /** The Hub base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    public URI uri() {
        return state.hubUri;
    }

    /** The storage origin the CDN redirects and LFS upload URLs point to (a different port than {@link #uri()}). */
    public URI storageUri() {
        return state.storageUri;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        hubServer.stop(0);
        storageServer.stop(0);
        executor.shutdownNow();
    }

    // ---- accounts

    /** A user whose token has the role "write"; an unpaid user gets 402 when creating a docker or gradio Space. */
    public void addUser(String name, String token, boolean paid) {
        synchronized (state) {
            state.tokens.put(token, new FakeHubState.Identity(name, token, "write"));
            state.paidUsers.put(name, paid);
        }
    }

    /** A token with the role "read" for the user: reads work, writes answer 403. */
    public void addReadOnlyToken(String name, String token) {
        synchronized (state) {
            state.tokens.put(token, new FakeHubState.Identity(name, token, "read"));
        }
    }

    // ---- repositories (type is "dataset", "space" or "model"; repoId is "owner/name")

    public boolean exists(String type, String repoId) {
        synchronized (state) {
            return state.repo(checkType(type), repoId) != null;
        }
    }

    /** Path -> content at head (the real content for LFS files); empty when the repo does not exist. */
    public Map<String, byte[]> files(String type, String repoId) {
        synchronized (state) {
            FakeHubRepo repo = state.repo(checkType(type), repoId);
            Map<String, byte[]> files = new TreeMap<>();
            if (repo != null) {
                repo.head().files().forEach((path, file) -> files.put(path, file.content()));
            }
            return files;
        }
    }

    /** The rows of a dataset's data files at head ({@code data/**.jsonl}), in path order; empty when it does not exist. */
    public List<JsonNode> dataRows(String repoId) {
        List<JsonNode> rows = new ArrayList<>();
        files("dataset", repoId).forEach((path, content) -> {
            if (path.startsWith("data/") && path.endsWith(".jsonl")) {
                for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        try {
                            rows.add(FakeHubFormats.JSON.readTree(line));
                        } catch (IOException e) {
                            throw new AssertionError("unreadable row on the Hub in " + path, e);
                        }
                    }
                }
            }
        });
        return rows;
    }

    /** A file's content at head as UTF-8, or null when the repo or the file does not exist. */
    public String fileText(String type, String repoId, String path) {
        byte[] content = files(type, repoId).get(path);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    /** Whether the file at head is stored in LFS (false when absent). */
    public boolean isLfs(String type, String repoId, String path) {
        synchronized (state) {
            FakeHubRepo repo = state.repo(checkType(type), repoId);
            FakeHubFile file = repo == null ? null : repo.head().files().get(path);
            return file != null && file.lfs();
        }
    }

    /** Every commit, oldest first (the first is the initial commit made at creation); empty for a missing repo. */
    public List<Commit> commits(String type, String repoId) {
        synchronized (state) {
            FakeHubRepo repo = state.repo(checkType(type), repoId);
            if (repo == null) {
                return List.of();
            }
            return repo.history().stream()
                    .map(snapshot -> new Commit(snapshot.oid(), snapshot.parent(), snapshot.summary(), snapshot.paths()))
                    .toList();
        }
    }

    /** The 40-hex head commit of main, or null when the repo does not exist. */
    public String headSha(String type, String repoId) {
        synchronized (state) {
            FakeHubRepo repo = state.repo(checkType(type), repoId);
            return repo == null ? null : repo.head().oid();
        }
    }

    public boolean isPrivate(String type, String repoId) {
        synchronized (state) {
            return requireRepo(type, repoId).isPrivate;
        }
    }

    /** A Space's secrets, key -> value (the API never answers values; tests may look). */
    public Map<String, String> spaceSecrets(String repoId) {
        synchronized (state) {
            return values(state.repo("space", repoId) == null ? Map.of() : state.repo("space", repoId).secrets);
        }
    }

    public Map<String, String> spaceVariables(String repoId) {
        synchronized (state) {
            return values(state.repo("space", repoId) == null ? Map.of() : state.repo("space", repoId).variables);
        }
    }

    /** gradio, docker or static; null when the Space does not exist. */
    public String spaceSdk(String repoId) {
        synchronized (state) {
            FakeHubRepo space = state.repo("space", repoId);
            return space == null ? null : space.sdk;
        }
    }

    /** Creates a Space directly with the given sdk (gradio, docker or static). */
    public void createSpace(String repoId, String sdk, boolean isPrivate) {
        synchronized (state) {
            createSeeded("space", repoId, isPrivate).sdk = sdk;
        }
    }

    /**
     * Seeds a file with one commit (creating a public repo if needed). The file goes to LFS when the Hub would
     * want it there (large, binary, or matched by .gitattributes), exactly as preupload decides.
     */
    public void putFile(String type, String repoId, String path, byte[] content) {
        synchronized (state) {
            FakeHubRepo repo = repoOrCreate(checkType(type), repoId);
            boolean lfs = content.length > 0 && FakeHubLfsRules.mustUseLfs(path, content.length, content,
                    FakeHubLfsRules.gitattributes(repo.head().files()), state.lfsThreshold);
            seed(repo, path, content, lfs);
        }
    }

    // ---- faults and settings

    /** The next {@code times} requests to the endpoint answer {@code status} (e.g. 500, 502, 503, 401). */
    public void failNext(Endpoint endpoint, int times, int status) {
        addFault(endpoint, new Fault(FaultKind.FAIL, times, status));
    }

    /** 429 with Retry-After; for COMMIT the Hub's commit-quota message. */
    public void rateLimitNext(Endpoint endpoint, int times, int retryAfterSeconds) {
        addFault(endpoint, new Fault(FaultKind.RATE_LIMIT, times, retryAfterSeconds));
    }

    /** Performs the operation (a commit lands), then closes the connection without any response. */
    public void applyThenDropNext(Endpoint endpoint, int times) {
        addFault(endpoint, new Fault(FaultKind.APPLY_THEN_DROP, times, 0));
    }

    /** While down, every request (Hub and storage) answers 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Entries per tree page (default 1000; with expand=true at most 50, as on the Hub). */
    public void setTreePageSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        synchronized (state) {
            state.treePageSize = n;
        }
    }

    /** Preupload answers "lfs" above this size (default and maximum 10 MiB), for binary samples and .gitattributes matches. */
    public void setLfsThreshold(long bytes) {
        synchronized (state) {
            state.lfsThreshold = bytes;
        }
    }

    /** Successful API commits per repository in the last hour of the fake's clock (default 128). */
    public void setCommitQuotaPerHour(int n) {
        synchronized (state) {
            state.commitQuotaPerHour = n;
        }
    }

    /** The clock for commit times, the commit quota and timestamps (default system UTC). */
    public void setClock(Clock clock) {
        synchronized (state) {
            state.clock = clock;
        }
    }

    // ---- inspection

    /** Every request in order of arrival. */
    public List<Request> requests() {
        synchronized (log) {
            return log.stream().map(entry -> new Request(entry.exchange.method, entry.exchange.rawPath,
                    entry.exchange.rawQuery, entry.exchange.headers, entry.exchange.body.clone(), entry.status)).toList();
        }
    }

    /** The protocol problems seen, each as "METHOD /path: what was wrong". */
    public List<String> violations() {
        return List.copyOf(state.violations);
    }

    /** How many requests reached the endpoint (faulted ones included). */
    public int count(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    // ---- serving

    private void serve(HttpExchange http, boolean storageOrigin) {
        try {
            byte[] body = http.getRequestBody().readAllBytes();
            URI uri = http.getRequestURI();
            FakeHubExchange exchange = new FakeHubExchange(http.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    http.getRequestHeaders(), body);
            LoggedRequest entry = new LoggedRequest(exchange);
            log.add(entry);
            FakeHubResponse response = answer(exchange, storageOrigin);
            if (!storageOrigin) {
                FakeHubCors.allowOrigin(exchange, response);
            }
            entry.status = response.status;
            if (response != FakeHubResponse.DROP) {
                write(http, exchange, response);
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        } finally {
            http.close(); // before any response headers were sent, this closes the connection: a dropped request
        }
    }

    private FakeHubResponse answer(FakeHubExchange exchange, boolean storageOrigin) {
        if (down) {
            return FakeHubResponse.json(503, error("Service Unavailable (FakeHub.setDown)"));
        }
        FakeHubResponse preflight = storageOrigin ? null : FakeHubCors.preflight(exchange);
        if (preflight != null) {
            return preflight;
        }
        FakeHubRouter.Route route;
        try {
            route = router.route(exchange, storageOrigin);
        } catch (FakeHubError e) {
            return failed(exchange, e);
        }
        counts.get(route.endpoint()).incrementAndGet();
        Fault fault = takeFault(route.endpoint());
        if (fault == null) {
            return handle(route, exchange);
        }
        return switch (fault.kind) {
            case FAIL -> injectedFailure(fault.status);
            case RATE_LIMIT -> rateLimited(route.endpoint(), fault.status);
            case APPLY_THEN_DROP -> {
                handle(route, exchange);
                yield FakeHubResponse.DROP;
            }
        };
    }

    private FakeHubResponse handle(FakeHubRouter.Route route, FakeHubExchange exchange) {
        try {
            synchronized (state) {
                return route.handler().handle(exchange);
            }
        } catch (FakeHubError e) {
            return failed(exchange, e);
        } catch (RuntimeException e) {
            state.violation(exchange, "FakeHub internal error (a bug in the fake): " + e);
            return FakeHubResponse.json(500, error("FakeHub internal error: " + e));
        }
    }

    private FakeHubResponse failed(FakeHubExchange exchange, FakeHubError error) {
        if (error.violation) {
            state.violation(exchange, error.getMessage());
        }
        return error.toResponse();
    }

    private static FakeHubResponse injectedFailure(int status) {
        if (status == 401) {
            return FakeHubError.invalidCredentials().toResponse();
        }
        String reason = switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 403 -> "Forbidden";
            case 409 -> "Cannot create repo: another conflicting operation is in progress";
            default -> "Injected failure " + status;
        };
        return FakeHubResponse.json(status, error(reason));
    }

    /**
     * 429 with Retry-After. The commit quota is separate from the 5-minute request buckets, so its RateLimit header
     * still shows budget left; other endpoints show their bucket exhausted (r=0).
     */
    private FakeHubResponse rateLimited(Endpoint endpoint, int retryAfterSeconds) {
        String bucket = endpoint == Endpoint.RESOLVE || endpoint == Endpoint.CDN ? "resolvers" : "api";
        FakeHubResponse response;
        if (endpoint == Endpoint.COMMIT) {
            int quota;
            synchronized (state) {
                quota = state.commitQuotaPerHour;
            }
            response = FakeHubResponse.json(429, error(FakeHubCommitApi.commitQuotaMessage(quota)))
                    .header("RateLimit", "\"api\";r=949;t=" + retryAfterSeconds);
        } else {
            response = FakeHubResponse.json(429, error("You have exceeded the rate limit of the '" + bucket
                            + "' bucket. Retry after " + retryAfterSeconds + " seconds."))
                    .header("RateLimit", "\"" + bucket + "\";r=0;t=" + retryAfterSeconds);
        }
        return response.header("Retry-After", Integer.toString(retryAfterSeconds))
                .header("RateLimit-Policy", "\"fixed window\";\"" + bucket + "\";q=1000;w=300");
    }

    private static void write(HttpExchange http, FakeHubExchange exchange, FakeHubResponse response) throws IOException {
        Headers headers = http.getResponseHeaders();
        response.headers.forEach(headers::set);
        headers.set("X-Request-Id", UUID.randomUUID().toString());
        if (exchange.isHead()) {
            headers.set("Content-Length", Integer.toString(response.body.length));
            http.sendResponseHeaders(response.status, -1);
        } else if (response.body.length == 0) {
            http.sendResponseHeaders(response.status, -1);
        } else {
            http.sendResponseHeaders(response.status, response.body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(response.body);
            }
        }
    }

    /** Forgets every fault not yet used. */
    public void clearFaults() {
        synchronized (faults) {
            faults.values().forEach(Deque::clear);
        }
    }

    private void addFault(Endpoint endpoint, Fault fault) {
        if (fault.remaining < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        synchronized (faults) {
            faults.get(endpoint).addLast(fault);
        }
    }

    private Fault takeFault(Endpoint endpoint) {
        synchronized (faults) {
            Deque<Fault> queue = faults.get(endpoint);
            Fault fault = queue.peekFirst();
            if (fault != null && --fault.remaining == 0) {
                queue.pollFirst();
            }
            return fault;
        }
    }

    // ---- helpers

    private static ObjectNode error(String message) {
        return FakeHubFormats.JSON.createObjectNode().put("error", message);
    }

    static String urlPrefix(String type) {
        return switch (type) {
            case "dataset" -> "datasets/";
            case "space" -> "spaces/";
            default -> "";
        };
    }

    private static String checkType(String type) {
        if (!FakeHubRepoApi.TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be dataset, space or model, got " + type);
        }
        return type;
    }

    private FakeHubRepo requireRepo(String type, String repoId) {
        FakeHubRepo repo = state.repo(checkType(type), repoId);
        if (repo == null) {
            throw new IllegalArgumentException("no " + type + " repo " + repoId);
        }
        return repo;
    }

    private FakeHubRepo repoOrCreate(String type, String repoId) {
        FakeHubRepo repo = state.repo(type, repoId);
        return repo != null ? repo : createSeeded(type, repoId, false);
    }

    private FakeHubRepo createSeeded(String type, String repoId, boolean isPrivate) {
        String[] parts = repoId.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || FakeHubFormats.repoNameProblem(parts[1]) != null) {
            throw new IllegalArgumentException("repoId must be owner/name, got " + repoId);
        }
        if (state.repo(type, repoId) != null) {
            throw new IllegalStateException(type + " repo " + repoId + " already exists");
        }
        FakeHubRepo repo = new FakeHubRepo(type, parts[0], parts[1], isPrivate, state.clock.instant());
        if (type.equals("space")) {
            repo.sdk = "static";
        }
        state.repos.put(FakeHubState.key(type, repoId), repo);
        return repo;
    }

    private void seed(FakeHubRepo repo, String path, byte[] content, boolean lfs) {
        String problem = FakeHubFormats.pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        FakeHubFile file = new FakeHubFile(content, lfs);
        if (lfs) {
            state.lfsObjects.put(file.sha256(), content.clone());
        }
        TreeMap<String, FakeHubFile> files = new TreeMap<>(repo.head().files());
        files.put(path, file);
        repo.commit("Upload " + path, List.of(path), files, state.clock.instant());
    }

    private static Map<String, String> values(Map<String, FakeHubRepo.Setting> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, setting) -> values.put(key, setting.value()));
        return values;
    }
}
