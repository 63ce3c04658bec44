package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.testsupport.FakeHubState.Identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** whoami, repository creation and the read API (repo info, tree, paths-info). */
final class FakeHubRepoApi {

    static final Set<String> TYPES = Set.of("model", "dataset", "space");
    private static final Set<String> SDKS = Set.of("gradio", "docker", "static");
    private static final int MAX_PATHS_INFO = 1000;

    private final FakeHubState state;

    FakeHubRepoApi(FakeHubState state) {
        this.state = state;
    }

    FakeHubResponse whoami(FakeHubExchange exchange) {
        Identity caller = state.requireIdentity(exchange);
        ObjectNode json = FakeHubFormats.JSON.createObjectNode()
                .put("type", "user")
                .put("id", FakeHubFormats.objectId("user:" + caller.name()))
                .put("name", caller.name())
                .put("isPro", state.isPaid(caller.name()));
        json.putArray("orgs");
        json.putObject("auth").put("type", "access_token").putObject("accessToken")
                .put("displayName", "fakehub-" + caller.role())
                .put("role", caller.role())
                .put("createdAt", FakeHubFormats.isoTime(state.clock.instant()));
        return FakeHubResponse.json(200, json);
    }

    FakeHubResponse create(FakeHubExchange exchange) {
        Identity caller = state.requireIdentity(exchange);
        JsonNode body = exchange.jsonObjectBody();
        String name = requiredText(body, "name");
        String problem = FakeHubFormats.repoNameProblem(name);
        if (problem != null) {
            throw FakeHubError.malformed(problem);
        }
        String type = optionalText(body, "type", "model");
        if (!TYPES.contains(type)) {
            throw FakeHubError.malformed("'type' must be model, dataset or space, got '" + type + "'");
        }
        String namespace = optionalText(body, "organization", caller.name());
        boolean isPrivate = visibility(body, type);
        String sdk = null;
        if (type.equals("space")) {
            sdk = optionalText(body, "sdk", null);
            if (sdk == null || !SDKS.contains(sdk)) {
                throw FakeHubError.malformed("a Space needs 'sdk': gradio, docker or static, got "
                        + (sdk == null ? "none" : "'" + sdk + "'"));
            }
        }
        List<Map.Entry<String, FakeHubRepo.Setting>> secrets = settings(body, "secrets", type);
        List<Map.Entry<String, FakeHubRepo.Setting>> variables = settings(body, "variables", type);
        if (!caller.canWrite()) {
            throw FakeHubError.of(403, "You must use a write token to create a repository");
        }
        if (!namespace.equals(caller.name())) {
            throw FakeHubError.of(403, "You don't have the rights to create a " + type + " under the namespace \""
                    + namespace + "\"");
        }
        String repoId = namespace + "/" + name;
        if (state.repo(type, repoId) != null) {
            throw FakeHubError.of(409, "You already created this " + type + " repo");
        }
        if (type.equals("space") && !sdk.equals("static") && !state.isPaid(caller.name())) {
            throw FakeHubError.of(402, "Payment required: creating a " + sdk + " Space needs a paid plan (PRO for"
                    + " users, Team or Enterprise for organizations). Static Spaces stay free.");
        }
        FakeHubRepo repo = new FakeHubRepo(type, namespace, name, isPrivate, state.clock.instant());
        repo.sdk = sdk;
        secrets.forEach(secret -> repo.secrets.put(secret.getKey(), secret.getValue()));
        variables.forEach(variable -> repo.variables.put(variable.getKey(), variable.getValue()));
        state.repos.put(FakeHubState.key(type, repoId), repo);
        return FakeHubResponse.json(200, FakeHubFormats.JSON.createObjectNode()
                .put("url", state.hubUri + "/" + repo.urlPrefix() + repoId)
                .put("name", repoId)
                .put("id", repo.id));
    }

    /** Legacy {@code private} (bool) or current {@code visibility}; both may be sent but must agree. */
    private static boolean visibility(JsonNode body, String type) {
        Boolean isPrivate = null;
        JsonNode legacy = body.get("private");
        if (legacy != null && !legacy.isNull()) {
            if (!legacy.isBoolean()) {
                throw FakeHubError.malformed("'private' must be a boolean, got " + legacy);
            }
            isPrivate = legacy.asBoolean();
        }
        JsonNode visibility = body.get("visibility");
        if (visibility != null && !visibility.isNull()) {
            String value = visibility.asText();
            if (!visibility.isTextual() || !Set.of("public", "private", "protected").contains(value)) {
                throw FakeHubError.malformed("'visibility' must be public, private or protected, got " + visibility);
            }
            if (value.equals("protected") && !type.equals("space")) {
                throw FakeHubError.malformed("'visibility': protected is for Spaces only");
            }
            boolean fromVisibility = !value.equals("public");
            if (isPrivate != null && isPrivate != fromVisibility) {
                throw FakeHubError.malformed("'private' " + isPrivate + " contradicts 'visibility' " + value);
            }
            isPrivate = fromVisibility;
        }
        return isPrivate != null && isPrivate;
    }

    /** The {@code secrets}/{@code variables} list of a Space creation: [{key, value, description?}]. */
    private List<Map.Entry<String, FakeHubRepo.Setting>> settings(JsonNode body, String field, String type) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!type.equals("space")) {
            throw FakeHubError.malformed("'" + field + "' is only for Spaces");
        }
        if (!list.isArray()) {
            throw FakeHubError.malformed("'" + field + "' must be a list of {key, value, description?}");
        }
        List<Map.Entry<String, FakeHubRepo.Setting>> settings = new ArrayList<>();
        for (JsonNode item : list) {
            settings.add(setting(item, field, state));
        }
        return settings;
    }

    /** One {key, value, description?} object of a Space secret or variable. */
    static Map.Entry<String, FakeHubRepo.Setting> setting(JsonNode item, String what, FakeHubState state) {
        if (!item.isObject()) {
            throw FakeHubError.malformed(what + ": each item must be an object {key, value, description?}");
        }
        String key = item.path("key").asText("");
        if (!item.path("key").isTextual() || !FakeHubFormats.isEnvName(key)) {
            throw FakeHubError.malformed(what + ": 'key' must be an environment variable name, got " + item.get("key"));
        }
        if (!item.path("value").isTextual()) {
            throw FakeHubError.malformed(what + ": '" + key + "' needs a string 'value'");
        }
        JsonNode description = item.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            throw FakeHubError.malformed(what + ": the description of '" + key + "' must be a string");
        }
        String text = description == null || description.isNull() ? "" : description.asText();
        return Map.entry(key, new FakeHubRepo.Setting(item.get("value").asText(), text, state.clock.instant()));
    }

    /** Repo info; {@code expand} and {@code blobs} are refused: no client here asks for them. */
    FakeHubResponse info(FakeHubExchange exchange, String type, String repoId, String revision) {
        FakeHubRepo repo = state.readable(state.identify(exchange), type, repoId);
        FakeHubRepo.Snapshot snapshot = snapshot(repo, revision);
        refuseUnimplemented(exchange.param("expand") != null || exchange.param("blobs") != null, "expand and blobs");
        ObjectNode json = FakeHubFormats.JSON.createObjectNode()
                .put("_id", repo.id)
                .put("id", repoId)
                .put("sha", snapshot.oid())
                .put("private", repo.isPrivate);
        if (type.equals("space")) {
            json.put("sdk", repo.sdk);
            json.set("runtime", FakeHubSpaceApi.runtime());
        }
        ArrayNode siblings = json.putArray("siblings");
        snapshot.files().keySet().forEach(path -> siblings.addObject().put("rfilename", path));
        return FakeHubResponse.json(200, json);
    }

    FakeHubResponse tree(FakeHubExchange exchange, String type, String repoId, String revision, String path) {
        FakeHubRepo repo = state.readable(state.identify(exchange), type, repoId);
        boolean recursive = flag(exchange.param("recursive"), "recursive");
        refuseUnimplemented(flag(exchange.param("expand"), "expand"), "expand=true (lastCommit)");
        FakeHubRepo.Snapshot snapshot = snapshot(repo, revision);
        int offset = 0;
        String cursor = exchange.param("cursor");
        if (cursor != null) {
            // The cursor pins the commit of the first page, so the pages of one listing stay consistent.
            String[] parts = decodeCursor(cursor);
            snapshot = parts == null ? null : repo.at(parts[0]);
            if (snapshot == null) {
                throw FakeHubError.malformed("cursor '" + cursor + "' was not given by a Link header of this repo");
            }
            offset = Integer.parseInt(parts[1]);
        }
        String dir = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!dir.isEmpty()) {
            String problem = FakeHubFormats.pathProblem(dir);
            if (problem != null) {
                throw FakeHubError.malformed(problem);
            }
            if (!FakeHubTree.isDirectory(snapshot.files(), dir)) {
                throw FakeHubError.notFound("EntryNotFound", "Entry not found: no directory '" + dir + "' at "
                        + snapshot.oid());
            }
        }
        List<FakeHubTree.Entry> entries = FakeHubTree.list(snapshot.files(), dir, recursive);
        int end = Math.min(entries.size(), offset + state.treePageSize);
        ArrayNode page = FakeHubFormats.JSON.createArrayNode();
        for (FakeHubTree.Entry entry : entries.subList(Math.min(offset, entries.size()), end)) {
            page.add(FakeHubTree.toJson(entry));
        }
        FakeHubResponse response = FakeHubResponse.json(200, page);
        if (end < entries.size()) {
            response.header("Link", "<" + nextPageUrl(exchange, encodeCursor(snapshot.oid(), end)) + ">; rel=\"next\"");
        }
        return response;
    }

    /** The same URL with every query parameter kept and {@code cursor} replaced. */
    private String nextPageUrl(FakeHubExchange exchange, String cursor) {
        StringBuilder url = new StringBuilder(state.hubUri.toString()).append(exchange.rawPath).append('?');
        for (String piece : exchange.rawQueryPieces()) {
            if (!piece.startsWith("cursor=")) {
                url.append(piece).append('&');
            }
        }
        return url.append("cursor=").append(cursor).toString();
    }

    private static String encodeCursor(String commit, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((commit + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return parts.length == 2 && parts[1].matches("\\d{1,9}") ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    FakeHubResponse pathsInfo(FakeHubExchange exchange, String type, String repoId, String revision) {
        FakeHubRepo.Snapshot snapshot = snapshot(state.readable(state.identify(exchange), type, repoId), revision);
        // huggingface_hub also sends a form; the client here sends JSON, the only body FakeHub reads
        exchange.requireMediaType("application/json");
        JsonNode body = exchange.parseJsonObject();
        JsonNode list = body.get("paths");
        if (list == null || !list.isArray()) {
            throw FakeHubError.malformed("the body needs 'paths', a list of strings");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode path : list) {
            if (!path.isTextual()) {
                throw FakeHubError.malformed("'paths' must hold strings, got " + path);
            }
            paths.add(path.asText());
        }
        JsonNode expand = body.get("expand");
        if (expand != null && !expand.isBoolean()) {
            throw FakeHubError.malformed("'expand' must be a boolean, got " + expand);
        }
        refuseUnimplemented(expand != null && expand.asBoolean(), "expand=true (lastCommit)");
        if (paths.size() > MAX_PATHS_INFO) {
            throw FakeHubError.violation(413, "too many parameters: " + paths.size() + " paths in one paths-info"
                    + " request (at most " + MAX_PATHS_INFO + ")");
        }
        ArrayNode answer = FakeHubFormats.JSON.createArrayNode();
        for (String path : new LinkedHashSet<>(paths)) {
            FakeHubTree.Entry entry = FakeHubTree.entry(snapshot.files(), path);
            if (entry != null) {
                answer.add(FakeHubTree.toJson(entry));
            }
        }
        return FakeHubResponse.json(200, answer);
    }

    /** A valid request for a Hub feature FakeHub does not implement fails loudly instead of being half-answered. */
    static void refuseUnimplemented(boolean asked, String feature) {
        if (asked) {
            throw FakeHubError.violation(501, feature + " is not implemented by FakeHub");
        }
    }

    /** The snapshot of a revision, or the Hub's 404 RevisionNotFound. */
    static FakeHubRepo.Snapshot snapshot(FakeHubRepo repo, String revision) {
        FakeHubRepo.Snapshot snapshot = repo.at(revision);
        if (snapshot == null) {
            throw FakeHubError.notFound("RevisionNotFound", "Invalid rev id: " + revision);
        }
        return snapshot;
    }

    /** true|1 or false|0 (absent = false); anything else is malformed. */
    static boolean flag(String value, String name) {
        if (value == null || value.equals("false") || value.equals("0")) {
            return false;
        }
        if (value.equals("true") || value.equals("1")) {
            return true;
        }
        throw FakeHubError.malformed("'" + name + "' must be true, 1, false or 0, got '" + value + "'");
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw FakeHubError.malformed("'" + field + "' is required and must be a non-empty string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode body, String field, String fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw FakeHubError.malformed("'" + field + "' must be a non-empty string, got " + node);
        }
        return node.asText();
    }
}
