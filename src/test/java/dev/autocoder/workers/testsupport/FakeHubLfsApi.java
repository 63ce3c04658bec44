package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.testsupport.FakeHubState.Identity;


/**
 * Downloads (resolve, and the CDN it redirects LFS files to) and the Git LFS upload flow (batch, PUT to the
 * presigned storage URL, verify). The CDN and upload URLs live on the separate storage origin and are signed: the
 * signature is in the query, so an Authorization header sent there is a leaked token.
 */
final class FakeHubLfsApi {

    static final String LFS_JSON = "application/vnd.git-lfs+json";
    private static final String S3_TWO_AUTHS = "Only one auth mechanism allowed; only the X-Amz-Algorithm query"
            + " parameter, Signature query string parameter or the Authorization header should be specified";

    private final FakeHubState state;

    FakeHubLfsApi(FakeHubState state) {
        this.state = state;
    }

    FakeHubResponse resolve(FakeHubExchange exchange, String type, String repoId, String revision, String path) {
        FakeHubRepo repo = state.readable(state.identify(exchange), type, repoId);
        FakeHubRepo.Snapshot snapshot = FakeHubRepoApi.snapshot(repo, revision);
        String problem = FakeHubFormats.pathProblem(path);
        if (problem != null) {
            throw FakeHubError.malformed(problem);
        }
        FakeHubFile file = snapshot.files().get(path);
        if (file == null) {
            throw FakeHubError.notFound("EntryNotFound", "Entry not found: " + path + " at " + snapshot.oid());
        }
        if (file.lfs()) {
            // a CloudFront-style signed URL, like cdn-lfs.hf.co
            String location = state.storageUri + "/cdn/" + file.sha256() + "?Expires="
                    + (state.clock.instant().getEpochSecond() + 3600) + "&Signature=" + state.sign("GET " + file.sha256())
                    + "&Key-Pair-Id=FAKEHUB";
            return FakeHubResponse.empty(302)
                    .header("Location", location)
                    .header("X-Repo-Commit", snapshot.oid())
                    .header("ETag", "\"" + file.sha256() + "\"")
                    .header("X-Linked-Etag", "\"" + file.sha256() + "\"")
                    .header("X-Linked-Size", Long.toString(file.size()));
        }
        byte[] content = file.content();
        return whole(exchange, content, contentType(content))
                .header("X-Repo-Commit", snapshot.oid())
                .header("ETag", "\"" + file.oid() + "\"");
    }

    /**
     * The CDN serves the object even when a token comes along (whether the real CDN refuses it is unknown), but
     * the leak is recorded as a violation.
     */
    FakeHubResponse cdn(FakeHubExchange exchange, String sha256) {
        if (exchange.header("Authorization") != null) {
            state.violation(exchange, "an Authorization header was sent to the CDN: the Hub token leaked to another"
                    + " origin (follow the redirect without it)");
        }
        if (!state.sign("GET " + sha256).equals(exchange.param("Signature"))) {
            throw FakeHubError.violation(403, "Access denied: the signed CDN URL was altered; use the Location exactly"
                    + " as the Hub gave it");
        }
        byte[] object = state.lfsObjects.get(sha256);
        if (object == null) {
            throw FakeHubError.of(404, "NoSuchKey: The specified key does not exist.");
        }
        return whole(exchange, object, "application/octet-stream").header("ETag", "\"" + sha256 + "\"");
    }

    FakeHubResponse batch(FakeHubExchange exchange, String type, String repoId) {
        Identity caller = state.requireIdentity(exchange);
        if (!FakeHubExchange.mediaTypeOf(exchange.header("Accept")).equals(LFS_JSON)) {
            throw FakeHubError.malformed("the LFS batch needs 'Accept: " + LFS_JSON + "', got "
                    + exchange.header("Accept"));
        }
        exchange.requireMediaType(LFS_JSON);
        FakeHubRepo repo = state.writable(caller, type, repoId);
        JsonNode body = exchange.parseJsonObject();
        if (!"upload".equals(body.path("operation").asText(null))) {
            throw FakeHubError.malformed("'operation' must be \"upload\" (FakeHub implements uploads only), got "
                    + body.get("operation"));
        }
        JsonNode transfers = body.get("transfers");
        if (transfers == null || !transfers.isArray() || !contains(transfers, "basic")) {
            throw FakeHubError.malformed("'transfers' must be a list that contains \"basic\", got " + transfers);
        }
        if (contains(transfers, "xet")) {
            throw FakeHubError.malformed("'transfers' must not contain \"xet\": this client does not speak Xet");
        }
        String hashAlgo = body.path("hash_algo").asText(null);
        if (!"sha256".equals(hashAlgo) && !"sha_256".equals(hashAlgo)) {
            throw FakeHubError.malformed("'hash_algo' must be \"sha256\" or \"sha_256\", got " + body.get("hash_algo"));
        }
        checkRef(body.get("ref"));
        JsonNode objects = body.get("objects");
        if (objects == null || !objects.isArray() || objects.isEmpty()) {
            throw FakeHubError.malformed("'objects' must be a non-empty list of {oid, size}");
        }
        ObjectNode answer = FakeHubFormats.JSON.createObjectNode().put("transfer", "basic");
        ArrayNode answered = answer.putArray("objects");
        for (JsonNode object : objects) {
            String oid = object.path("oid").asText("");
            if (!FakeHubFormats.SHA256_HEX.matcher(oid).matches() || !FakeHubFormats.isNonNegativeInteger(object.get("size"))) {
                throw FakeHubError.malformed("each object needs 'oid' (64 lower-case hex) and 'size' (non-negative"
                        + " integer), got " + object);
            }
            long size = object.get("size").asLong();
            ObjectNode entry = answered.addObject().put("oid", oid).put("size", size).put("authenticated", true);
            byte[] stored = state.lfsObjects.get(oid);
            if (stored != null && stored.length != size) {
                state.violation(exchange, "object " + oid + " is stored with " + stored.length + " bytes, the batch says " + size);
                entry.putObject("error").put("code", 422).put("message", "size mismatch: the object has "
                        + stored.length + " bytes");
            } else if (stored == null) {
                state.announcedUploads.put(oid, size);
                ObjectNode actions = entry.putObject("actions");
                actions.putObject("upload")
                        .put("href", state.storageUri + "/lfs-upload/" + oid + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                + "&X-Amz-Expires=900&X-Amz-Signature=" + state.sign("PUT " + oid))
                        .put("expires_in", 900);
                actions.putObject("verify").put("href", state.hubUri + "/lfs-verify").putObject("header");
            } // already stored: no actions, the client skips the upload (dedup)
        }
        return FakeHubResponse.json(200, answer, LFS_JSON);
    }

    FakeHubResponse upload(FakeHubExchange exchange, String oid) {
        requirePresignedUpload(exchange, "PUT " + oid);
        Long announced = state.announcedUploads.get(oid);
        if (announced == null) {
            throw FakeHubError.malformed("no LFS batch answer gave an upload URL for " + oid);
        }
        byte[] body = exchange.body;
        String actual = FakeHubFormats.sha256Hex(body);
        if (!actual.equals(oid) || body.length != announced) {
            throw FakeHubError.malformed("the uploaded bytes (" + body.length + " bytes, sha256 " + actual
                    + ") do not match the batch object (" + announced + " bytes, sha256 " + oid + ")");
        }
        state.lfsObjects.put(oid, body);
        return FakeHubResponse.empty(200).header("ETag", "\"" + FakeHubFormats.md5Hex(body) + "\"");
    }

    FakeHubResponse verify(FakeHubExchange exchange) {
        state.requireIdentity(exchange);
        String mediaType = exchange.mediaType();
        if (!mediaType.equals(LFS_JSON) && !mediaType.equals("application/json")) {
            throw FakeHubError.malformed("verify takes a JSON body {oid, size}; got Content-Type "
                    + exchange.header("Content-Type"));
        }
        JsonNode body = exchange.parseJsonObject();
        String oid = body.path("oid").asText("");
        if (!FakeHubFormats.SHA256_HEX.matcher(oid).matches() || !FakeHubFormats.isNonNegativeInteger(body.get("size"))) {
            throw FakeHubError.malformed("verify needs {\"oid\": <64 hex>, \"size\": <integer>}, got " + body);
        }
        byte[] stored = state.lfsObjects.get(oid);
        if (stored == null) {
            throw FakeHubError.of(404, "object " + oid + " is not in LFS storage");
        }
        if (stored.length != body.get("size").asLong()) {
            throw FakeHubError.malformed("verify: object " + oid + " has " + stored.length + " bytes, not "
                    + body.get("size").asLong());
        }
        return FakeHubResponse.json(200, FakeHubFormats.JSON.createObjectNode(), LFS_JSON);
    }

    /** The ref of an upload batch: the unencoded branch name. */
    private static void checkRef(JsonNode ref) {
        if (ref == null || ref.isNull()) {
            return;
        }
        if (!ref.isObject() || !ref.path("name").isTextual()) {
            throw FakeHubError.malformed("'ref' must be {\"name\": <branch>}, got " + ref);
        }
        String name = ref.get("name").asText();
        if (name.contains("%")) {
            throw FakeHubError.malformed("'ref.name' must be the unencoded branch name, got '" + name + "'");
        }
        if (!name.equals("main") && !name.equals("refs/heads/main")) {
            throw FakeHubError.notFound("RevisionNotFound", "Invalid rev id: " + name);
        }
    }

    /** A presigned S3 URL: the signature must be intact and no Authorization header may come along (S3 refuses it). */
    private void requirePresignedUpload(FakeHubExchange exchange, String what) {
        if (exchange.header("Authorization") != null) {
            throw FakeHubError.violation(400, "InvalidArgument: " + S3_TWO_AUTHS
                    + " (an Authorization header was sent to the presigned storage URL: the Hub token leaked)");
        }
        if (!state.sign(what).equals(exchange.param("X-Amz-Signature"))) {
            throw FakeHubError.violation(403, "SignatureDoesNotMatch: use the presigned URL exactly as the Hub gave it");
        }
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.isTextual() && item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Text files as text, anything else as bytes. */
    private static String contentType(byte[] content) {
        return FakeHubFormats.looksBinary(content) || FakeHubFormats.strictUtf8(content) == null
                ? "application/octet-stream" : "text/plain; charset=utf-8";
    }

    /** The whole content; a Range header (no client here sends one) fails loudly rather than being ignored. */
    private static FakeHubResponse whole(FakeHubExchange exchange, byte[] content, String contentType) {
        FakeHubRepoApi.refuseUnimplemented(exchange.header("Range") != null, "Range");
        return FakeHubResponse.bytes(200, content, contentType);
    }
}
