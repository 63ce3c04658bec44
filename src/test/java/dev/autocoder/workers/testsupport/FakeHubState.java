package dev.autocoder.workers.testsupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the fake Hub knows: tokens, repositories, LFS storage and the settings tests change. Handlers run
 * while holding this object's monitor ({@code synchronized (state)}), so they see and change it atomically.
 */
final class FakeHubState {

    /** Who a token belongs to. */
    record Identity(String name, String token, String role) {
        boolean canWrite() {
            return role.equals("write");
        }
    }

    final Map<String, Identity> tokens = new HashMap<>();
    final Map<String, Boolean> paidUsers = new HashMap<>();
    final Map<String, FakeHubRepo> repos = new HashMap<>();
    /** LFS storage: sha256 -> bytes, shared by all repositories like the Hub's content-addressed store. */
    final Map<String, byte[]> lfsObjects = new HashMap<>();
    /** Objects a batch answer gave an upload URL for: sha256 -> announced size. */
    final Map<String, Long> announcedUploads = new HashMap<>();

    /** Protocol problems seen, in order; each one also got an error answer or was otherwise flagged. */
    final List<String> violations = new CopyOnWriteArrayList<>();
    URI hubUri;
    URI storageUri;
    int treePageSize = 1000;
    long lfsThreshold = FakeHubFormats.MAX_REGULAR_FILE;
    int commitQuotaPerHour = 128;
    Clock clock = Clock.systemUTC();
    /** Signs the presigned storage URLs, so a client must use them exactly as given. */
    private final String signingKey = UUID.randomUUID().toString();

    void violation(FakeHubExchange exchange, String problem) {
        violations.add(exchange.method + " " + exchange.rawPath + ": " + problem);
    }

    static String key(String type, String repoId) {
        return type + ":" + repoId;
    }

    FakeHubRepo repo(String type, String repoId) {
        return repos.get(key(type, repoId));
    }

    boolean isPaid(String user) {
        return paidUsers.getOrDefault(user, false);
    }

    String sign(String what) {
        return FakeHubFormats.sha256Hex((signingKey + "\n" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** The caller of a request: null without an Authorization header, 401 for a malformed or unknown token. */
    Identity identify(FakeHubExchange exchange) {
        String header = exchange.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ") || header.substring(7).isBlank()) {
            throw FakeHubError.violation(401, FakeHubError.INVALID_CREDENTIALS)
                    .header("X-Error-Message", FakeHubError.INVALID_CREDENTIALS)
                    .body(FakeHubFormats.JSON.createObjectNode().put("error", FakeHubError.INVALID_CREDENTIALS
                            + ": the header must be 'Authorization: Bearer <token>'"));
        }
        Identity identity = tokens.get(header.substring(7).trim());
        if (identity == null) {
            throw FakeHubError.invalidCredentials();
        }
        return identity;
    }

    /** The caller, where the protocol requires a token (writes, whoami, the LFS batch). */
    Identity requireIdentity(FakeHubExchange exchange) {
        Identity identity = identify(exchange);
        if (identity == null) {
            throw FakeHubError.violation(401, exchange.method + " " + exchange.rawPath
                    + " needs 'Authorization: Bearer <token>'");
        }
        return identity;
    }

    /**
     * The repository if the caller may read it. Like the Hub, an anonymous caller gets an ambiguous 401 for a
     * missing or private repository, a signed-in caller a 404 RepoNotFound.
     */
    FakeHubRepo readable(Identity caller, String type, String repoId) {
        FakeHubRepo repo = repo(type, repoId);
        boolean visible = repo != null && (!repo.isPrivate || (caller != null && caller.name().equals(repo.owner)));
        if (visible) {
            return repo;
        }
        if (caller == null) {
            throw FakeHubError.of(401, "Repository not found: " + type + " " + repoId
                    + " is missing, private or gated (send a token)");
        }
        throw FakeHubError.notFound("RepoNotFound", "Repository not found");
    }

    /** The repository if the caller may write to it: only its owner, and only with a write token. */
    FakeHubRepo writable(Identity caller, String type, String repoId) {
        FakeHubRepo repo = readable(caller, type, repoId);
        if (!caller.canWrite()) {
            throw FakeHubError.of(403, "Forbidden: you must use a write token to write to a repository."
                    + " The token of " + caller.name() + " has the role 'read'.");
        }
        if (!caller.name().equals(repo.owner)) {
            throw FakeHubError.of(403, "Forbidden: " + caller.name() + " has no write access to " + repoId);
        }
        return repo;
    }
}
