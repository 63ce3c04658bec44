package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dashboard.MovableClock;
import dev.autocoder.workers.testsupport.FakeHub.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the fake Hub over real loopback HTTP with the JDK client, as the Hub clients under test will. */
class FakeHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "hf_alice_write";
    private static final String DATASET = "alice/rows";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FakeHub hub;

    @BeforeEach
    void startHub() {
        hub = FakeHub.start();
        hub.addUser("alice", TOKEN, false);
        hub.addUser("paula", "hf_paula_write", true);
        hub.addReadOnlyToken("alice", "hf_alice_read");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    // ---- auth and whoami

    @Test
    void whoamiDescribesTheTokenAndABadTokenIs401WithTheInvalidCredentialsMessage() throws Exception {
        JsonNode me = json(send(get("/api/whoami-v2", TOKEN)));
        assertThat(me.get("type").asText()).isEqualTo("user");
        assertThat(me.get("name").asText()).isEqualTo("alice");
        assertThat(me.get("isPro").asBoolean()).isFalse();
        assertThat(me.get("orgs").size()).isZero();
        assertThat(me.at("/auth/type").asText()).isEqualTo("access_token");
        assertThat(me.at("/auth/accessToken/role").asText()).isEqualTo("write");
        assertThat(json(send(get("/api/whoami-v2", "hf_alice_read"))).at("/auth/accessToken/role").asText()).isEqualTo("read");

        HttpResponse<byte[]> bad = send(get("/api/whoami-v2", "hf_nobody"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("X-Error-Message")).hasValue("Invalid credentials in Authorization header");
        assertThat(hub.violations()).isEmpty(); // an unknown token is a wrong setup, not a protocol error

        HttpResponse<byte[]> malformed = send(request("/api/whoami-v2").header("Authorization", "token hf_alice_write").GET());
        assertThat(malformed.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> anonymous = send(request("/api/whoami-v2").GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(hub.violations()).hasSize(2);
        assertThat(hub.count(Endpoint.WHOAMI)).isEqualTo(5);
    }

    @Test
    void everyAnswerCarriesARequestIdAndAnUnknownEndpointIs404AndAViolation() throws Exception {
        HttpResponse<byte[]> unknown = send(get("/api/datasets/alice/rows/nonsense/main", TOKEN));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(hub.violations()).singleElement().asString().contains("Unknown endpoint");
        assertThat(send(get("/api/whoami-v2", TOKEN)).headers().firstValue("X-Request-Id")).isPresent();
    }

    // ---- repository creation and info

    @Test
    void createAnswersUrlNameIdAndAnInitialCommitThenTheSameNameIs409() throws Exception {
        HttpResponse<byte[]> created = createDataset("rows", true);
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode answer = json(created);
        assertThat(answer.get("url").asText()).isEqualTo(hub.uri() + "/datasets/alice/rows");
        assertThat(answer.get("name").asText()).isEqualTo("alice/rows");
        assertThat(answer.get("id").asText()).matches("[0-9a-f]{24}");
        assertThat(hub.exists("dataset", DATASET)).isTrue();
        assertThat(hub.isPrivate("dataset", DATASET)).isTrue();
        assertThat(hub.headSha("dataset", DATASET)).matches("[0-9a-f]{40}");
        assertThat(hub.commits("dataset", DATASET)).singleElement()
                .satisfies(commit -> assertThat(commit.paths()).containsExactly(".gitattributes"));

        HttpResponse<byte[]> again = createDataset("rows", false);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error").asText()).isEqualTo("You already created this dataset repo");
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void createRefusesAnotherNamespaceAReadTokenAndAMissingName() throws Exception {
        assertThat(send(post("/api/repos/create", TOKEN, "application/json",
                "{\"type\":\"dataset\",\"name\":\"rows\",\"organization\":\"paula\"}")).statusCode()).isEqualTo(403);
        assertThat(send(post("/api/repos/create", "hf_alice_read", "application/json",
                "{\"type\":\"dataset\",\"name\":\"rows\"}")).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> noName = send(post("/api/repos/create", TOKEN, "application/json", "{\"type\":\"dataset\"}"));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(json(noName).get("error").asText()).contains("'name' is required");
        assertThat(send(post("/api/repos/create", TOKEN, "text/plain", "{\"name\":\"rows\"}")).statusCode()).isEqualTo(400);
        assertThat(hub.violations()).hasSize(2);
        assertThat(hub.exists("dataset", DATASET)).isFalse();
    }

    @Test
    void repoInfoGivesShaAndSiblingsAndHidesPrivateReposLikeTheHub() throws Exception {
        createDataset("rows", true);
        hub.putFile("dataset", DATASET, "data/a.jsonl", "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));

        JsonNode info = json(send(get("/api/datasets/alice/rows/revision/main", TOKEN)));
        assertThat(info.get("id").asText()).isEqualTo(DATASET);
        assertThat(info.get("sha").asText()).isEqualTo(hub.headSha("dataset", DATASET));
        assertThat(info.get("private").asBoolean()).isTrue();
        assertThat(info.get("siblings").findValuesAsText("rfilename")).containsExactly(".gitattributes", "data/a.jsonl");
        // a valid option the fake does not implement fails loudly
        assertThat(send(get("/api/datasets/alice/rows/revision/main?expand=sha", TOKEN)).statusCode()).isEqualTo(501);

        assertThat(send(get("/api/datasets/alice/rows", null)).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> otherUser = send(get("/api/datasets/alice/rows", "hf_paula_write"));
        assertThat(otherUser.statusCode()).isEqualTo(404);
        assertThat(otherUser.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        HttpResponse<byte[]> pr = send(get("/api/datasets/alice/rows/revision/refs%2Fpr%2F1", TOKEN));
        assertThat(pr.statusCode()).isEqualTo(404);
        assertThat(pr.headers().firstValue("X-Error-Code")).hasValue("RevisionNotFound");
    }

    // ---- preupload and commit

    @Test
    void preuploadSaysRegularForTextLfsForBinaryAndGivesTheOidOfAnExistingFile() throws Exception {
        createDataset("rows", false);
        byte[] existing = "old\n".getBytes(StandardCharsets.UTF_8);
        hub.putFile("dataset", DATASET, "data/a.jsonl", existing);
        byte[] binary = {1, 2, 0, 3};
        String body = JSON.writeValueAsString(Map.of("files", List.of(
                Map.of("path", "data/a.jsonl", "size", 4, "sample", base64(existing)),
                Map.of("path", "img.raw", "size", 4, "sample", base64(binary)),
                Map.of("path", "model.safetensors", "size", 3, "sample", base64("abc".getBytes(StandardCharsets.UTF_8))))));

        JsonNode files = json(send(post("/api/datasets/alice/rows/preupload/main", TOKEN, "application/json", body))).get("files");
        assertThat(files.get(0).get("uploadMode").asText()).isEqualTo("regular");
        assertThat(files.get(0).get("oid").asText()).isEqualTo(gitBlobSha1(existing));
        assertThat(files.get(1).get("uploadMode").asText()).isEqualTo("lfs");
        assertThat(files.get(1).has("oid")).isFalse();
        assertThat(files.get(2).get("uploadMode").asText()).isEqualTo("lfs"); // *.safetensors in .gitattributes

        String wrongSample = JSON.writeValueAsString(Map.of("files", List.of(
                Map.of("path", "a.txt", "size", 600, "sample", base64("short".getBytes(StandardCharsets.UTF_8))))));
        HttpResponse<byte[]> rejected = send(post("/api/datasets/alice/rows/preupload/main", TOKEN, "application/json", wrongSample));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json(rejected).get("error").asText()).contains("min(size, 512) = 512");
    }

    @Test
    void aCommitWithCorrectNdjsonLandsAndMovesTheHead() throws Exception {
        createDataset("rows", false);
        String parent = hub.headSha("dataset", DATASET);
        String body = ndjson(header("Add rows", parent),
                file("data/train-1.jsonl", "{\"x\":1}\n"),
                file("README.md", "---\nviewer: true\n---\n"));

        HttpResponse<byte[]> response = send(post("/api/datasets/alice/rows/commit/main", TOKEN, "application/x-ndjson", body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        String oid = answer.get("commitOid").asText();
        assertThat(oid).matches("[0-9a-f]{40}").isEqualTo(hub.headSha("dataset", DATASET)).isNotEqualTo(parent);
        assertThat(answer.get("commitUrl").asText()).isEqualTo(hub.uri() + "/datasets/alice/rows/commit/" + oid);
        assertThat(hub.fileText("dataset", DATASET, "data/train-1.jsonl")).isEqualTo("{\"x\":1}\n");
        FakeHub.Commit last = hub.commits("dataset", DATASET).get(1);
        assertThat(last).isEqualTo(new FakeHub.Commit(oid, parent, "Add rows", List.of("data/train-1.jsonl", "README.md")));
        assertThat(hub.violations()).isEmpty();

        String delete = ndjson(header("Drop data", oid.substring(0, 7)), line("deletedFolder", Map.of("path", "data/")));
        assertThat(send(post("/api/datasets/alice/rows/commit/main", TOKEN, "application/x-ndjson", delete)).statusCode()).isEqualTo(200);
        assertThat(hub.files("dataset", DATASET)).containsOnlyKeys(".gitattributes", "README.md");
    }

    @Test
    void aStaleParentCommitIs412AndChangesNothing() throws Exception {
        createDataset("rows", false);
        String parent = hub.headSha("dataset", DATASET);
        assertThat(send(commit(ndjson(header("first", parent), file("a.txt", "a")))).statusCode()).isEqualTo(200);
        String head = hub.headSha("dataset", DATASET);

        HttpResponse<byte[]> stale = send(commit(ndjson(header("second", parent), file("b.txt", "b"))));

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("error").asText()).isEqualTo("A commit has happened since. Please refresh and try again.");
        assertThat(hub.headSha("dataset", DATASET)).isEqualTo(head);
        assertThat(hub.fileText("dataset", DATASET, "b.txt")).isNull();
        assertThat(hub.violations()).isEmpty();
    }

    @Test
    void parallelCommitsOnTheSameParentLandExactlyOnce() throws Exception {
        createDataset("rows", false);
        String parent = hub.headSha("dataset", DATASET);
        List<CompletableFuture<HttpResponse<byte[]>>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racing.add(http.sendAsync(commit(ndjson(header("racer " + i, parent), file("r" + i + ".txt", "r"))),
                    BodyHandlers.ofByteArray()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> response : racing) {
            statuses.add(response.get().statusCode());
        }

        assertThat(statuses).containsOnly(200, 412).filteredOn(status -> status == 200).hasSize(1);
        assertThat(hub.commits("dataset", DATASET)).hasSize(2);
        assertThat(hub.commits("dataset", DATASET).get(1).parent()).isEqualTo(parent);
    }

    @Test
    void malformedNdjsonIs400WithTheReasonAndAViolation() throws Exception {
        createDataset("rows", false);
        String head = hub.headSha("dataset", DATASET);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(ndjson(file("a.txt", "a"), header("late header", null)), "the first line must be");
        cases.put(ndjson(header("bad base64", null), line("file", Map.of("path", "a.txt", "content", "%%%", "encoding", "base64"))),
                "not valid standard base64");
        cases.put(ndjson(header("escape", null), file("../x", "x")), "must not contain '..'");
        cases.put(ndjson(header("nothing", null)), "no operations");
        cases.put(ndjson(header("unknown", null), line("renameFile", Map.of("path", "a"))), "unknown key 'renameFile'");
        cases.put(ndjson(line("header", Map.of("summary", "", "description", ""))), "summary must be a non-empty string");

        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<byte[]> response = send(commit(bad.getKey()));
            assertThat(response.statusCode()).isEqualTo(400);
            errors.add(json(response).get("error").asText());
        }

        for (int i = 0; i < errors.size(); i++) {
            assertThat(errors.get(i)).contains(new ArrayList<>(cases.values()).get(i));
        }
        assertThat(hub.violations()).hasSize(cases.size());
        assertThat(hub.headSha("dataset", DATASET)).isEqualTo(head);
        HttpResponse<byte[]> json = send(post("/api/datasets/alice/rows/commit/main", TOKEN, "application/json",
                ndjson(header("x", null), file("a.txt", "a"))));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).get("error").asText()).contains("application/x-ndjson");
    }

    @Test
    void aRegularFileAboveTheThresholdMustUseLfsAndDeletingAMissingFileIsEntryNotFound() throws Exception {
        createDataset("rows", false);
        hub.setLfsThreshold(10);
        HttpResponse<byte[]> big = send(commit(ndjson(header("big", null), file("big.txt", "0123456789ABC"))));
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(json(big).get("error").asText()).contains("must use LFS");

        HttpResponse<byte[]> missing = send(commit(ndjson(header("delete", null), line("deletedFile", Map.of("path", "nope.txt")))));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
    }

    @Test
    void theCommitQuotaCountsCommitsInTheLastHourOfTheFakeClock() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        hub.setClock(clock);
        hub.setCommitQuotaPerHour(2);
        createDataset("rows", false);
        assertThat(send(commit(ndjson(header("one", null), file("1.txt", "1")))).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(send(commit(ndjson(header("two", null), file("2.txt", "2")))).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> third = send(commit(ndjson(header("three", null), file("3.txt", "3"))));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1800");
        assertThat(json(third).get("error").asText()).isEqualTo("You have exceeded the rate limit for repository commits"
                + " (2 per hour). You can retry this action in about 1 hour.");

        clock.advance(Duration.ofMinutes(31));
        assertThat(send(commit(ndjson(header("three", null), file("3.txt", "3")))).statusCode()).isEqualTo(200);
        assertThat(hub.commits("dataset", DATASET)).extracting(FakeHub.Commit::summary)
                .containsExactly("initial commit", "one", "two", "three");
    }

    // ---- faults

    @Test
    void rateLimitInjectionAnswers429WithRetryAfterThenRecovers() throws Exception {
        createDataset("rows", false);
        hub.rateLimitNext(Endpoint.COMMIT, 1, 30);

        HttpResponse<byte[]> limited = send(commit(ndjson(header("one", null), file("1.txt", "1"))));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(json(limited).get("error").asText()).startsWith("You have exceeded the rate limit for repository commits (128 per hour)");
        assertThat(hub.commits("dataset", DATASET)).hasSize(1);

        assertThat(send(commit(ndjson(header("one", null), file("1.txt", "1")))).statusCode()).isEqualTo(200);
        assertThat(hub.count(Endpoint.COMMIT)).isEqualTo(2);
    }

    @Test
    void applyThenDropLandsTheCommitButTheClientGetsNoAnswer() throws Exception {
        createDataset("rows", false);
        hub.applyThenDropNext(Endpoint.COMMIT, 1);

        assertThatThrownBy(() -> send(commit(ndjson(header("lost answer", null), file("1.txt", "1")))))
                .isInstanceOf(IOException.class);

        assertThat(hub.commits("dataset", DATASET)).extracting(FakeHub.Commit::summary).containsExactly("initial commit", "lost answer");
        assertThat(hub.fileText("dataset", DATASET, "1.txt")).isEqualTo("1");
        assertThat(hub.requests()).last().extracting(FakeHub.Request::status).isEqualTo(-1);
    }

    @Test
    void failAndDownDoNothingToTheRepo() throws Exception {
        createDataset("rows", false);
        hub.failNext(Endpoint.COMMIT, 2, 502);
        assertThat(send(commit(ndjson(header("failed", null), file("1.txt", "1")))).statusCode()).isEqualTo(502);
        assertThat(send(commit(ndjson(header("failed", null), file("1.txt", "1")))).statusCode()).isEqualTo(502);
        hub.setDown(true);
        assertThat(send(get("/api/whoami-v2", TOKEN)).statusCode()).isEqualTo(503);
        hub.setDown(false);

        assertThat(hub.commits("dataset", DATASET)).hasSize(1);
        assertThat(send(commit(ndjson(header("works", null), file("1.txt", "1")))).statusCode()).isEqualTo(200);
    }

    // ---- reading: tree, paths-info, resolve

    @Test
    void treeListingIsSortedAndPaginatedWithLinkHeaders() throws Exception {
        createDataset("rows", false);
        for (String path : List.of("data/b.jsonl", "data/a.jsonl", "data/2026/c.jsonl", "README.md", "z.txt")) {
            hub.putFile("dataset", DATASET, path, path.getBytes(StandardCharsets.UTF_8));
        }
        hub.setTreePageSize(3);

        List<String> paths = new ArrayList<>();
        List<String> links = new ArrayList<>();
        URI next = hub.uri().resolve("/api/datasets/alice/rows/tree/main?recursive=true");
        while (next != null) {
            HttpResponse<byte[]> page = send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + TOKEN).GET().build());
            assertThat(page.statusCode()).isEqualTo(200);
            json(page).forEach(entry -> paths.add(entry.get("type").asText() + ":" + entry.get("path").asText()));
            next = page.headers().firstValue("Link").map(link -> URI.create(nextLink(link))).orElse(null);
            page.headers().firstValue("Link").ifPresent(links::add);
        }

        assertThat(paths).containsExactly("file:.gitattributes", "file:README.md", "directory:data", "directory:data/2026",
                "file:data/2026/c.jsonl", "file:data/a.jsonl", "file:data/b.jsonl", "file:z.txt");
        assertThat(links).hasSize(2).allSatisfy(link -> assertThat(link)
                .startsWith("<" + hub.uri() + "/api/datasets/alice/rows/tree/main?recursive=true&cursor=").endsWith(">; rel=\"next\""));

        JsonNode encoded = json(send(get("/api/datasets/alice/rows/tree/main/data%2F2026", TOKEN)));
        JsonNode raw = json(send(get("/api/datasets/alice/rows/tree/main/data/2026", TOKEN)));
        assertThat(encoded).isEqualTo(raw);
        assertThat(raw.get(0).get("path").asText()).isEqualTo("data/2026/c.jsonl");
        assertThat(raw.get(0).get("size").asLong()).isEqualTo("data/2026/c.jsonl".length());
        assertThat(raw.get(0).get("oid").asText()).isEqualTo(gitBlobSha1("data/2026/c.jsonl".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> missing = send(get("/api/datasets/alice/rows/tree/main/nope", TOKEN));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
    }

    @Test
    void pathsInfoAnswersOnlyExistingPaths() throws Exception {
        createDataset("rows", false);
        hub.putFile("dataset", DATASET, "data/a.jsonl", "a".getBytes(StandardCharsets.UTF_8));

        JsonNode fromJson = json(send(post("/api/datasets/alice/rows/paths-info/main", TOKEN, "application/json",
                "{\"paths\":[\"data/a.jsonl\",\"missing.txt\",\"data\"],\"expand\":false}")));

        assertThat(fromJson.findValuesAsText("path")).containsExactly("data/a.jsonl", "data");
        assertThat(fromJson.get(0).get("type").asText()).isEqualTo("file");
        assertThat(fromJson.get(1).get("type").asText()).isEqualTo("directory");
        assertThat(send(post("/api/datasets/alice/rows/paths-info/main", TOKEN, "application/json",
                "{\"paths\":[\"data/a.jsonl\"],\"expand\":true}")).statusCode()).isEqualTo(501);

        String tooMany = JSON.writeValueAsString(Map.of("paths", java.util.Collections.nCopies(1001, "a")));
        assertThat(send(post("/api/datasets/alice/rows/paths-info/main", TOKEN, "application/json", tooMany)).statusCode()).isEqualTo(413);
    }

    @Test
    void resolveServesARegularFileWithEtag() throws Exception {
        createDataset("rows", false);
        byte[] content = "hello rows\n".getBytes(StandardCharsets.UTF_8);
        hub.putFile("dataset", DATASET, "data/my file.txt", content);

        HttpResponse<byte[]> whole = send(get("/datasets/alice/rows/resolve/main/data/my%20file.txt", TOKEN));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + gitBlobSha1(content) + "\"");
        assertThat(whole.headers().firstValue("X-Repo-Commit")).hasValue(hub.headSha("dataset", DATASET));

        assertThat(send(request("/datasets/alice/rows/resolve/main/data/my%20file.txt")
                .header("Authorization", "Bearer " + TOKEN).header("Range", "bytes=6-").GET()).statusCode()).isEqualTo(501);

        HttpResponse<byte[]> head = send(request("/datasets/alice/rows/resolve/main/data/my%20file.txt")
                .method("HEAD", BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue("11");

        HttpResponse<byte[]> missing = send(get("/datasets/alice/rows/resolve/main/none.txt", TOKEN));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
    }

    @Test
    void resolveRedirectsAnLfsFileToTheCdnWhichMustBeFetchedWithoutTheToken() throws Exception {
        createDataset("rows", false);
        byte[] content = new byte[2000];
        content[0] = 0; // binary: LFS
        Arrays.fill(content, 1, content.length, (byte) 7);
        hub.putFile("dataset", DATASET, "blob.raw", content);
        assertThat(hub.isLfs("dataset", DATASET, "blob.raw")).isTrue();

        HttpResponse<byte[]> redirect = send(get("/datasets/alice/rows/resolve/main/blob.raw", TOKEN));
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(hub.storageUri() + "/cdn/" + sha256(content) + "?");
        assertThat(redirect.headers().firstValue("X-Linked-Size")).hasValue("2000");
        assertThat(redirect.headers().firstValue("X-Linked-Etag")).hasValue("\"" + sha256(content) + "\"");

        HttpResponse<byte[]> cdn = send(HttpRequest.newBuilder(location).GET().build());
        assertThat(cdn.statusCode()).isEqualTo(200);
        assertThat(cdn.body()).isEqualTo(content);
        assertThat(hub.violations()).isEmpty();

        HttpResponse<byte[]> leaked = send(HttpRequest.newBuilder(location).header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(leaked.body()).isEqualTo(content);
        assertThat(hub.violations()).singleElement().asString().contains("token leaked");
        URI altered = URI.create(location.toString().replace("Signature=", "Signature=0"));
        assertThat(send(HttpRequest.newBuilder(altered).GET().build()).statusCode()).isEqualTo(403);
        assertThat(hub.count(Endpoint.CDN)).isEqualTo(3);
    }

    // ---- LFS upload

    @Test
    void lfsBatchUploadVerifyThenCommitAnLfsFile() throws Exception {
        createDataset("rows", false);
        byte[] content = "a large shard\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        String oid = sha256(content);

        JsonNode batch = json(send(lfsBatch(oid, content.length)));
        assertThat(batch.get("transfer").asText()).isEqualTo("basic");
        JsonNode object = batch.get("objects").get(0);
        assertThat(object.get("oid").asText()).isEqualTo(oid);
        URI upload = URI.create(object.at("/actions/upload/href").asText());
        URI verify = URI.create(object.at("/actions/verify/href").asText());
        assertThat(upload.toString()).startsWith(hub.storageUri() + "/lfs-upload/" + oid);

        HttpResponse<byte[]> withToken = send(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + TOKEN)
                .PUT(BodyPublishers.ofByteArray(content)).build());
        assertThat(withToken.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> wrongBytes = send(HttpRequest.newBuilder(upload).PUT(BodyPublishers.ofByteArray(new byte[]{1})).build());
        assertThat(wrongBytes.statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(upload).PUT(BodyPublishers.ofByteArray(content)).build()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> verified = send(HttpRequest.newBuilder(verify).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(BodyPublishers.ofString("{\"oid\":\"" + oid + "\",\"size\":" + content.length + "}")).build());
        assertThat(verified.statusCode()).isEqualTo(200);

        JsonNode again = json(send(lfsBatch(oid, content.length)));
        assertThat(again.get("objects").get(0).has("actions")).isFalse(); // already stored: dedup

        String commit = ndjson(header("Add shard", null),
                line("lfsFile", Map.of("path", "data/shard.bin", "algo", "sha256", "oid", oid, "size", content.length)));
        assertThat(send(commit(commit)).statusCode()).isEqualTo(200);
        assertThat(hub.files("dataset", DATASET).get("data/shard.bin")).isEqualTo(content);
        assertThat(hub.isLfs("dataset", DATASET, "data/shard.bin")).isTrue();
        JsonNode entry = json(send(get("/api/datasets/alice/rows/tree/main/data", TOKEN))).get(0);
        assertThat(entry.at("/lfs/oid").asText()).isEqualTo(oid);
        assertThat(entry.at("/lfs/size").asLong()).isEqualTo(content.length);

        String neverUploaded = ndjson(header("ghost", null), line("lfsFile",
                Map.of("path", "ghost.bin", "algo", "sha256", "oid", "0".repeat(64), "size", 3)));
        HttpResponse<byte[]> ghost = send(commit(neverUploaded));
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(json(ghost).get("error").asText()).contains("was never uploaded");
        assertThat(hub.violations()).hasSize(3); // the leaked token, the wrong bytes and the ghost object
    }

    @Test
    void lfsBatchRefusesXetAndWrongHeaders() throws Exception {
        createDataset("rows", false);
        String xet = "{\"operation\":\"upload\",\"transfers\":[\"basic\",\"xet\"],\"hash_algo\":\"sha256\","
                + "\"objects\":[{\"oid\":\"" + "a".repeat(64) + "\",\"size\":1}]}";
        HttpResponse<byte[]> response = send(request("/datasets/alice/rows.git/info/lfs/objects/batch")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/vnd.git-lfs+json").header("Content-Type", "application/vnd.git-lfs+json")
                .POST(BodyPublishers.ofString(xet)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("xet");
        HttpResponse<byte[]> plainJson = send(request("/datasets/alice/rows.git/info/lfs/objects/batch")
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(xet)));
        assertThat(plainJson.statusCode()).isEqualTo(400);
        assertThat(hub.violations()).hasSize(2);
    }

    // ---- Spaces

    @Test
    void aDockerSpaceNeedsAPaidPlanAndASpaceNeedsAnSdk() throws Exception {
        HttpResponse<byte[]> unpaid = send(post("/api/repos/create", TOKEN, "application/json",
                "{\"type\":\"space\",\"name\":\"app\",\"sdk\":\"docker\"}"));
        assertThat(unpaid.statusCode()).isEqualTo(402);
        assertThat(json(unpaid).get("error").asText()).contains("paid plan");
        assertThat(hub.exists("space", "alice/app")).isFalse();
        assertThat(send(post("/api/repos/create", TOKEN, "application/json",
                "{\"type\":\"space\",\"name\":\"app\"}")).statusCode()).isEqualTo(400);
        assertThat(send(post("/api/repos/create", TOKEN, "application/json",
                "{\"type\":\"space\",\"name\":\"app\",\"sdk\":\"static\"}")).statusCode()).isEqualTo(200);
        assertThat(hub.spaceSdk("alice/app")).isEqualTo("static");

        HttpResponse<byte[]> paid = send(post("/api/repos/create", "hf_paula_write", "application/json",
                "{\"type\":\"space\",\"name\":\"app\",\"sdk\":\"docker\",\"private\":false,"
                        + "\"secrets\":[{\"key\":\"HF_TOKEN\",\"value\":\"s3cret\"}],\"variables\":[{\"key\":\"MODE\",\"value\":\"hub\"}]}"));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(json(paid).get("url").asText()).isEqualTo(hub.uri() + "/spaces/paula/app");
        assertThat(hub.spaceSdk("paula/app")).isEqualTo("docker");
        assertThat(hub.spaceSecrets("paula/app")).containsExactly(Map.entry("HF_TOKEN", "s3cret"));
        assertThat(hub.spaceVariables("paula/app")).containsExactly(Map.entry("MODE", "hub"));
    }

    @Test
    void secretsAreWriteOnlyVariablesReadableAndDeleteTakesAJsonBody() throws Exception {
        hub.createSpace("paula/app", "docker", false);
        String token = "hf_paula_write";

        assertThat(send(post("/api/spaces/paula/app/secrets", token, "application/json",
                "{\"key\":\"HF_TOKEN\",\"value\":\"s3cret\",\"description\":\"push rows\"}")).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> secrets = send(get("/api/spaces/paula/app/secrets", token));
        assertThat(json(secrets).at("/HF_TOKEN/description").asText()).isEqualTo("push rows");
        assertThat(new String(secrets.body(), StandardCharsets.UTF_8)).doesNotContain("s3cret");
        assertThat(hub.spaceSecrets("paula/app")).containsEntry("HF_TOKEN", "s3cret");

        JsonNode variables = json(send(post("/api/spaces/paula/app/variables", token, "application/json",
                "{\"key\":\"MODE\",\"value\":\"hub\"}")));
        assertThat(variables.at("/MODE/value").asText()).isEqualTo("hub");
        assertThat(json(send(get("/api/spaces/paula/app/variables", token))).at("/MODE/value").asText()).isEqualTo("hub");

        HttpResponse<byte[]> deleted = send(request("/api/spaces/paula/app/secrets").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method("DELETE", BodyPublishers.ofString("{\"key\":\"HF_TOKEN\"}")));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(hub.spaceSecrets("paula/app")).isEmpty();
        HttpResponse<byte[]> noBody = send(request("/api/spaces/paula/app/variables").header("Authorization", "Bearer " + token)
                .DELETE());
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(send(get("/api/spaces/paula/app/secrets", TOKEN)).statusCode()).isEqualTo(403);

        JsonNode runtime = json(send(get("/api/spaces/paula/app/runtime", token)));
        assertThat(runtime.get("stage").asText()).isEqualTo("BUILDING");
        assertThat(runtime.at("/hardware/current").isNull()).isTrue();
        assertThat(runtime.at("/hardware/requested").asText()).isEqualTo("cpu-basic");
    }

    // ---- helpers

    private HttpResponse<byte[]> createDataset(String name, boolean isPrivate) throws Exception {
        return send(post("/api/repos/create", TOKEN, "application/json", JSON.writeValueAsString(
                Map.of("type", "dataset", "name", name, "organization", "alice", "private", isPrivate))));
    }

    private HttpRequest commit(String body) {
        return post("/api/datasets/alice/rows/commit/main", TOKEN, "application/x-ndjson", body);
    }

    private HttpRequest lfsBatch(String oid, long size) throws Exception {
        String body = JSON.writeValueAsString(Map.of("operation", "upload", "transfers", List.of("basic", "multipart"),
                "hash_algo", "sha256", "ref", Map.of("name", "main"), "objects", List.of(Map.of("oid", oid, "size", size))));
        return request("/datasets/alice/rows.git/info/lfs/objects/batch")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/vnd.git-lfs+json")
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(hub.uri() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest get(String pathAndQuery, String token) {
        HttpRequest.Builder builder = request(pathAndQuery).GET();
        return token == null ? builder.build() : builder.header("Authorization", "Bearer " + token).build();
    }

    private HttpRequest post(String pathAndQuery, String token, String contentType, String body) {
        return request(pathAndQuery).header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request.build());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String ndjson(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String header(String summary, String parent) throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("summary", summary);
        value.put("description", "");
        if (parent != null) {
            value.put("parentCommit", parent);
        }
        return line("header", value);
    }

    private static String file(String path, String content) throws IOException {
        return line("file", Map.of("path", path, "content", base64(content.getBytes(StandardCharsets.UTF_8)), "encoding", "base64"));
    }

    private static String line(String key, Map<String, ?> value) throws IOException {
        return JSON.writeValueAsString(Map.of("key", key, "value", value));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String nextLink(String link) {
        return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** What `git hash-object` prints: sha1 of "blob <size>\0" + content. */
    private static String gitBlobSha1(byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }
}
