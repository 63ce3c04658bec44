package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.config.AutocoderJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's HTTP API as docs/hf-hub-protocol.md describes it: identity, repositories, preupload, commits, LFS
 * uploads, tree listings, downloads and Space settings. Every Hub request of the application goes through here, with
 * the timeouts and the one retry of {@link HubRetryPolicy}. Redirects are followed by hand so the token never goes
 * to another host; the token stays inside this class (no exchange, header or message carries it). Every failure is
 * a {@link HubException}.
 */
public class HubClient {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final String LFS_JSON = "application/vnd.git-lfs+json";

    private final URI endpoint;
    private final String token;
    private final HubRetryPolicy policy;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final int maxDownloadBytes;

    /**
     * @param meters where request latencies go; null for none
     * @param json   the application's mapper ({@link AutocoderJson#MAPPER})
     */
    public HubClient(HubProperties properties, MeterRegistry meters, ObjectMapper json) {
        this.json = json;
        this.endpoint = properties.getEndpoint();
        this.token = properties.getToken();
        this.policy = new HubRetryPolicy(properties);
        this.timeout = policy.requestTimeout();
        this.meters = meters;
        this.maxDownloadBytes = (int) properties.getMaxDownloadSize().toBytes();
        this.http = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The user behind the token and what it may do. */
    public record WhoAmI(String name, String role) {
    }

    /** A repository at a revision: its id, the commit the revision resolved to, its files. */
    public record RepoInfo(String id, String sha, boolean isPrivate, List<String> files) {
    }

    /** One entry of a tree listing or a paths-info answer. */
    public record TreeEntry(String type, String path, long size, String oid, String lfsOid) {
    }

    public WhoAmI whoami() {
        JsonNode answer = sendJson("whoami", get("/api/whoami-v2"));
        String role = answer.path("auth").path("accessToken").path("role").asText(null);
        return new WhoAmI(answer.path("name").asText(), role);
    }

    /** The repository at {@code main}, or empty when it does not exist (or the token cannot see it). */
    public Optional<RepoInfo> repoInfo(RepoType type, String repoId) {
        try {
            JsonNode answer = sendJson("repository info",
                    get("/api/" + type.apiPath() + "/" + repoId + "/revision/main"));
            List<String> files = new ArrayList<>();
            answer.path("siblings").forEach(s -> files.add(s.path("rfilename").asText()));
            return Optional.of(new RepoInfo(answer.path("id").asText(repoId), answer.path("sha").asText(null),
                    answer.path("private").asBoolean(false), files));
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates a repository; one that already exists counts as created. Space settings (sdk, secrets, variables)
     * are passed through for Spaces.
     */
    public void createRepo(RepoType type, String owner, String name, boolean isPrivate, Map<String, Object> spaceSettings) {
        ObjectNode body = json.createObjectNode().put("name", name).put("organization", owner).put("type", type.id())
                .put("private", isPrivate);
        if (spaceSettings != null) {
            spaceSettings.forEach((key, value) -> body.set(key, json.valueToTree(value)));
        }
        for (int tried = 1; ; tried++) {
            HttpResponse<String> answer = send("create repository", jsonRequest("/api/repos/create", body));
            if (answer.statusCode() / 100 == 2) {
                return;
            }
            if (answer.statusCode() == 409 && answer.body() != null && answer.body().contains("already created")) {
                return;
            }
            // "another conflicting operation is in progress": the Hub asks us to try again shortly
            if (answer.statusCode() == 409 && tried < HubRetryPolicy.CREATE_TRIES) {
                sleep(policy.pauseBeforeCreateRetry(tried));
                continue;
            }
            throw failure("create repository", answer);
        }
    }

    /** For each file, whether the Hub wants it as a regular file or through LFS. */
    public Map<String, Boolean> preuploadNeedsLfs(RepoType type, String repoId, List<FileUpload> files) {
        Map<String, Boolean> lfs = new java.util.HashMap<>();
        for (int from = 0; from < files.size(); from += 100) {
            ArrayNode entries = json.createArrayNode();
            for (FileUpload file : files.subList(from, Math.min(files.size(), from + 100))) {
                entries.addObject().put("path", file.path()).put("size", file.size()).put("sample", file.sample());
            }
            ObjectNode body = json.createObjectNode();
            body.set("files", entries);
            JsonNode answer = sendJson("preupload",
                    jsonRequest("/api/" + type.apiPath() + "/" + repoId + "/preupload/main", body));
            answer.path("files").forEach(f -> lfs.put(f.path("path").asText(), "lfs".equals(f.path("uploadMode").asText())));
        }
        // the Hub refuses empty LFS objects; empty files always go as regular files
        files.stream().filter(f -> f.size() == 0).forEach(f -> lfs.put(f.path(), false));
        return lfs;
    }

    /** Puts the bytes of LFS files into the Hub's storage: batch, then a PUT per object, then verify. */
    public void uploadLfs(RepoType type, String repoId, List<FileUpload> files) {
        if (files.isEmpty()) {
            return;
        }
        ObjectNode body = json.createObjectNode().put("operation", "upload").put("hash_algo", "sha256");
        body.putArray("transfers").add("basic").add("multipart");
        body.putObject("ref").put("name", "main");
        ArrayNode objects = body.putArray("objects");
        Map<String, FileUpload> byOid = new java.util.HashMap<>();
        for (FileUpload file : files) {
            objects.addObject().put("oid", file.sha256()).put("size", file.size());
            byOid.put(file.sha256(), file);
        }
        HttpRequest batch = authorized(HttpRequest.newBuilder(url("/" + type.urlPrefix() + repoId + ".git/info/lfs/objects/batch")))
                .timeout(timeout).header("Accept", LFS_JSON)
                .header("Content-Type", LFS_JSON).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        JsonNode answer = sendJson("LFS batch", batch);
        for (JsonNode object : answer.path("objects")) {
            if (object.has("error")) {
                throw new HubException(HubException.Kind.REJECTED, 200, "LFS batch refused " + object.path("oid").asText()
                        + ": " + object.path("error").path("message").asText(), null);
            }
            FileUpload file = byOid.get(object.path("oid").asText());
            JsonNode upload = object.path("actions").path("upload");
            if (file == null || upload.isMissingNode()) {
                continue; // already stored: nothing to send
            }
            if (upload.path("header").has("chunk_size")) {
                throw new HubException(HubException.Kind.REJECTED, 200, "LFS multipart upload asked for "
                        + file.path() + "; files are kept below the multipart size, lower autocoder.hub.max-file-size", null);
            }
            // a presigned storage URL: no token goes there
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("href").asText())).timeout(timeout)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(file.content()));
            upload.path("header").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
            expectOk("LFS upload", send("LFS upload", put.build()));
            JsonNode verify = object.path("actions").path("verify");
            if (!verify.isMissingNode()) {
                HttpRequest.Builder check = HttpRequest.newBuilder(URI.create(verify.path("href").asText())).timeout(timeout)
                        .header("Accept", LFS_JSON).header("Content-Type", LFS_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("oid", file.sha256())
                                .put("size", file.size()).toString()));
                if (sameHost(verify.path("href").asText())) {
                    authorized(check);
                }
                verify.path("header").fields().forEachRemaining(h -> check.header(h.getKey(), h.getValue().asText()));
                expectOk("LFS verify", send("LFS verify", check.build()));
            }
        }
    }

    /**
     * Sends a commit (with the commit timeout) and returns the new commit's id, null when the Hub confirmed it
     * without one.
     */
    public String commit(RepoType type, String repoId, CommitPayload payload) {
        HttpRequest request = authorized(HttpRequest.newBuilder(url("/api/" + type.apiPath() + "/" + repoId + "/commit/main")))
                .timeout(policy.commitTimeout()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.bytes(json))).build();
        HttpResponse<String> answer = send("commit", request);
        expectOk("commit", answer);
        try {
            // a confirmed commit counts even when its answer cannot be read
            return json.readTree(answer.body() == null || answer.body().isEmpty() ? "{}" : answer.body())
                    .path("commitOid").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every entry under a folder at {@code main}, following the pagination links; empty when the folder is absent. */
    public List<TreeEntry> tree(RepoType type, String repoId, String folder, boolean recursive) {
        List<TreeEntry> entries = new ArrayList<>();
        URI next = url("/api/" + type.apiPath() + "/" + repoId + "/tree/main"
                + (folder == null || folder.isEmpty() ? "" : "/" + encodePath(folder)) + "?recursive=" + recursive);
        try {
            while (next != null) {
                HttpResponse<String> answer = send("tree listing", authorized(HttpRequest.newBuilder(next)).timeout(timeout)
                        .GET().build());
                expectOk("tree listing", answer);
                readTree(answer.body()).forEach(entries::add);
                next = nextLink(answer.headers()).orElse(null);
            }
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.NOT_FOUND && entries.isEmpty() && e.getMessage().contains("EntryNotFound")) {
                return List.of();
            }
            throw e;
        }
        return entries;
    }

    /** The entries of the given paths that exist at {@code main}. */
    public List<TreeEntry> pathsInfo(RepoType type, String repoId, List<String> paths) {
        List<TreeEntry> entries = new ArrayList<>();
        for (int from = 0; from < paths.size(); from += 500) {
            ObjectNode body = json.createObjectNode().put("expand", false);
            ArrayNode list = body.putArray("paths");
            paths.subList(from, Math.min(paths.size(), from + 500)).forEach(list::add);
            HttpResponse<String> answer = send("paths info",
                    jsonRequest("/api/" + type.apiPath() + "/" + repoId + "/paths-info/main", body));
            expectOk("paths info", answer);
            entries.addAll(readTree(answer.body()));
        }
        return entries;
    }

    /**
     * Downloads a file at a revision; redirects to another host are followed without the token. A file larger than
     * {@code autocoder.hub.max-download-size} is not read ({@link HubException.Kind#TOO_LARGE}), whatever its
     * Content-Length says.
     */
    public byte[] download(RepoType type, String repoId, String revision, String path) {
        URI uri = url("/" + type.urlPrefix() + repoId + "/resolve/" + encodeSegment(revision) + "/" + encodePath(path));
        for (int hop = 0; hop < 5; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (sameHost(uri.toString())) {
                authorized(request);
            }
            Download answer = timed("download", () -> fetch(request.build(), path));
            int status = answer.status();
            if (status / 100 == 2) {
                return answer.body();
            }
            Optional<String> location = answer.headers().firstValue("Location");
            if (status / 100 == 3 && location.isPresent()) {
                uri = uri.resolve(location.get());
                continue;
            }
            throw HubAnswers.failure(json, "download " + path, status, answer.headers()::firstValue,
                    new String(answer.body(), StandardCharsets.UTF_8));
        }
        throw new HubException(HubException.Kind.REJECTED, 0, "download " + path + ": too many redirects", null);
    }

    public void addSpaceSecret(String repoId, String key, String value) {
        ObjectNode body = json.createObjectNode().put("key", key).put("value", value);
        expectOk("set Space secret " + key, send("set Space secret", jsonRequest("/api/spaces/" + repoId + "/secrets", body)));
    }

    public void addSpaceVariable(String repoId, String key, String value) {
        ObjectNode body = json.createObjectNode().put("key", key).put("value", value);
        expectOk("set Space variable " + key, send("set Space variable", jsonRequest("/api/spaces/" + repoId + "/variables", body)));
    }

    /** The git blob id of the file currently at each path, for skipping unchanged uploads. */
    public Map<String, String> blobIds(RepoType type, String repoId, List<String> paths) {
        Map<String, String> ids = new java.util.HashMap<>();
        pathsInfo(type, repoId, paths).forEach(e -> ids.put(e.path(), e.oid()));
        return ids;
    }

    private List<TreeEntry> readTree(String body) {
        List<TreeEntry> entries = new ArrayList<>();
        try {
            for (JsonNode node : json.readTree(body)) {
                JsonNode lfs = node.path("lfs");
                entries.add(new TreeEntry(node.path("type").asText(), node.path("path").asText(), node.path("size").asLong(),
                        node.path("oid").asText(null), lfs.isMissingNode() ? null : lfs.path("oid").asText(null)));
            }
        } catch (IOException e) {
            throw new HubException(HubException.Kind.REJECTED, 200, "the Hub's listing is not JSON", null);
        }
        return entries;
    }

    static Optional<URI> nextLink(HttpHeaders headers) {
        for (String link : headers.allValues("Link")) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                return Optional.of(URI.create(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** Adds the Authorization header; none without a token (public repositories can still be read). */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpRequest get(String path) {
        return authorized(HttpRequest.newBuilder(url(path))).timeout(timeout).GET().build();
    }

    private HttpRequest jsonRequest(String path, JsonNode body) {
        return authorized(HttpRequest.newBuilder(url(path))).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private URI url(String pathAndQuery) {
        return URI.create(endpoint + pathAndQuery);
    }

    private boolean sameHost(String url) {
        URI other = URI.create(url);
        return other.getHost() == null || other.getHost().equalsIgnoreCase(endpoint.getHost()) && other.getPort() == endpoint.getPort();
    }

    private JsonNode sendJson(String operation, HttpRequest request) {
        HttpResponse<String> answer = send(operation, request);
        expectOk(operation, answer);
        try {
            return json.readTree(answer.body() == null || answer.body().isEmpty() ? "{}" : answer.body());
        } catch (IOException e) {
            throw new HubException(HubException.Kind.REJECTED, answer.statusCode(), operation + " answered something that is not JSON", null);
        }
    }

    private void expectOk(String operation, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            throw failure(operation, answer);
        }
    }

    private HubException failure(String operation, HttpResponse<String> answer) {
        Function<String, Optional<String>> header = answer.headers()::firstValue;
        HubException failure = HubAnswers.failure(json, operation, answer.statusCode(), header, answer.body());
        Optional<String> code = answer.headers().firstValue("X-Error-Code");
        return code.isEmpty() ? failure : new HubException(failure.kind(), failure.status(),
                failure.getMessage() + " (" + code.get() + ")", failure.retryAfter());
    }

    private HttpResponse<String> send(String operation, HttpRequest request) {
        return timed(operation, () -> http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** An answer to a download: its body read up to the download limit (an error's up to 64 KB). */
    private record Download(int status, HttpHeaders headers, byte[] body) {
    }

    private Download fetch(HttpRequest request, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() / 100 != 2) {
                return new Download(answer.statusCode(), answer.headers(), body.readNBytes(64 * 1024));
            }
            long declared = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
            byte[] bytes = declared > maxDownloadBytes ? null : body.readNBytes(maxDownloadBytes + 1);
            if (bytes == null || bytes.length > maxDownloadBytes) {
                throw new HubException(HubException.Kind.TOO_LARGE, answer.statusCode(), "download " + path + ": "
                        + (declared > maxDownloadBytes ? declared + " bytes" : "the file") + " is larger than "
                        + "autocoder.hub.max-download-size (" + maxDownloadBytes + " bytes): not read", null);
            }
            return new Download(answer.statusCode(), answer.headers(), bytes);
        }
    }

    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T timed(String operation, Call<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T answer = call.run();
            outcome = answer instanceof HttpResponse<?> r ? String.valueOf(r.statusCode())
                    : answer instanceof Download d ? String.valueOf(d.status()) : "ok";
            return answer;
        } catch (IOException e) {
            outcome = "no-answer";
            throw new HubException(HubException.Kind.NO_ANSWER, operation + " got no answer: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.NO_ANSWER, operation + " was interrupted", null);
        } finally {
            if (meters != null) {
                Timer.builder("autocoder.hub.request").description("Hub requests by operation and answer")
                        .tag("operation", operation).tag("outcome", outcome).register(meters)
                        .record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!encoded.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(encodeSegment(segment));
        }
        return encoded.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
