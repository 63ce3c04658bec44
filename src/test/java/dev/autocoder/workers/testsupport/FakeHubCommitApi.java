package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.testsupport.FakeHubCommitParser.CommitRequest;
import dev.autocoder.workers.testsupport.FakeHubCommitParser.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** The write path: preupload (which upload mode each file needs) and the atomic NDJSON commit. */
final class FakeHubCommitApi {

    private static final int MAX_PREUPLOAD_FILES = 256;

    private final FakeHubState state;

    FakeHubCommitApi(FakeHubState state) {
        this.state = state;
    }

    FakeHubResponse preupload(FakeHubExchange exchange, String type, String repoId, String revision) {
        FakeHubRepo repo = state.writable(state.requireIdentity(exchange), type, repoId);
        rejectPullRequests(exchange);
        FakeHubRepo.Snapshot head = branchHead(repo, revision);
        JsonNode body = exchange.jsonObjectBody();
        JsonNode files = body.get("files");
        if (files == null || !files.isArray()) {
            throw FakeHubError.malformed("the body needs 'files': a list of {path, size, sample}");
        }
        if (files.size() > MAX_PREUPLOAD_FILES) {
            throw FakeHubError.violation(413, "Payload Too Large: " + files.size() + " files in one preupload request"
                    + " (send at most " + MAX_PREUPLOAD_FILES + ")");
        }
        for (String optional : List.of("gitIgnore", "gitAttributes")) {
            if (body.has(optional) && !body.get(optional).isTextual()) {
                throw FakeHubError.malformed("'" + optional + "' must be a string");
            }
        }
        String gitattributes = body.has("gitAttributes") ? body.get("gitAttributes").asText()
                : FakeHubLfsRules.gitattributes(head.files());
        ArrayNode answer = FakeHubFormats.JSON.createArrayNode();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String where = "files[" + i + "]";
            if (!file.isObject()) {
                throw FakeHubError.malformed(where + " must be an object {path, size, sample}");
            }
            String path = file.path("path").asText(null);
            String problem = file.path("path").isTextual() ? FakeHubFormats.pathProblem(path) : "'path' must be a string";
            if (problem != null) {
                throw FakeHubError.malformed(where + ": " + problem);
            }
            if (!FakeHubFormats.isNonNegativeInteger(file.get("size"))) {
                throw FakeHubError.malformed(where + " ('" + path + "'): 'size' must be a non-negative integer, got "
                        + file.get("size"));
            }
            long size = file.get("size").asLong();
            byte[] sample = file.path("sample").isTextual()
                    ? FakeHubFormats.decodeStandardBase64(file.get("sample").asText()) : null;
            if (sample == null) {
                throw FakeHubError.malformed(where + " ('" + path + "'): 'sample' must be standard base64 of the first"
                        + " 512 bytes of the file");
            }
            long expected = Math.min(size, FakeHubFormats.SAMPLE_BYTES);
            if (sample.length != expected) {
                throw FakeHubError.malformed(where + " ('" + path + "'): 'sample' decodes to " + sample.length
                        + " bytes but must be the first min(size, 512) = " + expected + " bytes");
            }
            boolean lfs = FakeHubLfsRules.mustUseLfs(path, size, sample, gitattributes, state.lfsThreshold);
            ObjectNode mode = answer.addObject()
                    .put("path", path)
                    .put("uploadMode", lfs ? "lfs" : "regular")
                    .put("shouldIgnore", false);
            FakeHubFile existing = head.files().get(path);
            if (existing != null) {
                mode.put("oid", existing.preuploadOid());
            }
        }
        ObjectNode json = FakeHubFormats.JSON.createObjectNode();
        json.set("files", answer);
        return FakeHubResponse.json(200, json);
    }

    FakeHubResponse commit(FakeHubExchange exchange, String type, String repoId, String revision) {
        FakeHubRepo repo = state.writable(state.requireIdentity(exchange), type, repoId);
        rejectPullRequests(exchange);
        FakeHubRepo.Snapshot head = branchHead(repo, revision);
        exchange.requireMediaType("application/x-ndjson");
        CommitRequest request = FakeHubCommitParser.parse(exchange.utf8Body());
        TreeMap<String, FakeHubFile> files = new TreeMap<>(head.files());
        Set<String> paths = new LinkedHashSet<>();
        for (Operation operation : request.operations()) {
            apply(operation, files);
            paths.add(operation.path());
        }
        requireLfsWhereNeeded(request.operations(), files);
        requireNoFileFolderClash(files);
        if (request.parentCommit() != null && !head.oid().startsWith(request.parentCommit().toLowerCase(Locale.ROOT))) {
            throw FakeHubError.of(412, "A commit has happened since. Please refresh and try again.");
        }
        Instant now = state.clock.instant();
        List<Instant> recent = repo.apiCommitsInLastHour(now);
        if (recent.size() >= state.commitQuotaPerHour) {
            long waitMillis = Duration.between(now, recent.get(0).plusSeconds(3600)).toMillis();
            long wait = Math.max(1, (waitMillis + 999) / 1000); // until the oldest commit leaves the hour, rounded up
            throw FakeHubError.of(429, commitQuotaMessage(state.commitQuotaPerHour))
                    .header("Retry-After", Long.toString(wait));
        }
        FakeHubRepo.Snapshot commit = repo.commit(request.summary(), List.copyOf(paths), files, now);
        repo.countApiCommit(now);
        ObjectNode answer = FakeHubFormats.JSON.createObjectNode()
                .put("commitUrl", state.hubUri + "/" + repo.urlPrefix() + repoId + "/commit/" + commit.oid())
                .put("commitOid", commit.oid());
        answer.putNull("pullRequestUrl");
        return FakeHubResponse.json(200, answer);
    }

    static String commitQuotaMessage(int quota) {
        return "You have exceeded the rate limit for repository commits (" + quota + " per hour)."
                + " You can retry this action in about 1 hour.";
    }

    private void apply(Operation operation, TreeMap<String, FakeHubFile> files) {
        String path = operation.path();
        switch (operation.kind()) {
            case "file" -> files.put(path, new FakeHubFile(operation.content(), false));
            case "lfsFile" -> {
                byte[] object = state.lfsObjects.get(operation.oid());
                if (object == null) {
                    throw FakeHubError.malformed("lfsFile '" + path + "': LFS object " + operation.oid() + " was never"
                            + " uploaded (LFS batch, then PUT to actions.upload.href)");
                }
                if (operation.size() != null && operation.size() != object.length) {
                    throw FakeHubError.malformed("lfsFile '" + path + "': size " + operation.size()
                            + " does not match the uploaded object of " + object.length + " bytes");
                }
                files.put(path, new FakeHubFile(object, true));
            }
            case "deletedFile" -> {
                if (files.remove(path) == null) {
                    String hint = FakeHubTree.isDirectory(files, path) ? " ('" + path + "' is a folder: use deletedFolder)" : "";
                    throw FakeHubError.notFound("EntryNotFound", "A file with this name doesn't exist: " + path + hint);
                }
            }
            case "deletedFolder" -> {
                if (!FakeHubTree.isDirectory(files, path)) {
                    throw FakeHubError.notFound("EntryNotFound", "A folder with this name doesn't exist: " + path);
                }
                files.subMap(path + "/", true, path + "0", false).clear(); // '0' follows '/' in ASCII
            }
            default -> throw new IllegalStateException("the parser only returns known operations: " + operation.kind());
        }
    }

    /** A regular file must not be one the Hub wants in LFS (empty files may stay regular, as huggingface_hub sends them). */
    private void requireLfsWhereNeeded(List<Operation> operations, TreeMap<String, FakeHubFile> files) {
        String gitattributes = FakeHubLfsRules.gitattributes(files);
        for (Operation operation : operations) {
            if (operation.kind().equals("file") && operation.content().length > 0
                    && FakeHubLfsRules.mustUseLfs(operation.path(), operation.content().length, operation.content(),
                    gitattributes, state.lfsThreshold)) {
                throw FakeHubError.malformed("file '" + operation.path() + "' (" + operation.content().length
                        + " bytes) must use LFS: it is larger than " + Math.min(state.lfsThreshold,
                        FakeHubFormats.MAX_REGULAR_FILE) + " bytes, binary, or tracked by .gitattributes;"
                        + " preupload answers uploadMode=lfs for it");
            }
        }
    }

    private static void requireNoFileFolderClash(TreeMap<String, FakeHubFile> files) {
        for (String path : files.keySet()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (files.containsKey(path.substring(0, slash))) {
                    throw FakeHubError.malformed("'" + path + "' needs the folder '" + path.substring(0, slash)
                            + "', which is a file");
                }
            }
        }
    }

    /** Writes go to a branch; the only branch is main. */
    private static FakeHubRepo.Snapshot branchHead(FakeHubRepo repo, String revision) {
        if (!revision.equals("main")) {
            throw FakeHubError.notFound("RevisionNotFound", "Invalid rev id: " + revision
                    + " (commits go to a branch; the only branch is main)");
        }
        return repo.head();
    }

    private static void rejectPullRequests(FakeHubExchange exchange) {
        String createPr = exchange.param("create_pr");
        if (createPr != null && !createPr.equals("0") && !createPr.equals("false")) {
            throw FakeHubError.violation(400, "create_pr is not implemented by FakeHub");
        }
    }
}
