package dev.autocoder.workers.testsupport;

import dev.autocoder.workers.testsupport.FakeHub.Endpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Maps a request to its {@link Endpoint} and handler. Paths follow the Hub: plural repo types under /api, the
 * "datasets/" and "spaces/" prefixes (none for models) on resolve and .git URLs, percent-encoded revisions.
 */
final class FakeHubRouter {

    interface Handler {
        FakeHubResponse handle(FakeHubExchange exchange);
    }

    record Route(Endpoint endpoint, Handler handler) {
    }

    private static final Map<String, String> API_TYPES = Map.of("models", "model", "datasets", "dataset", "spaces", "space");

    private final FakeHubRepoApi repos;
    private final FakeHubCommitApi commits;
    private final FakeHubLfsApi lfs;
    private final FakeHubSpaceApi spaces;

    FakeHubRouter(FakeHubState state) {
        this.repos = new FakeHubRepoApi(state);
        this.commits = new FakeHubCommitApi(state);
        this.lfs = new FakeHubLfsApi(state);
        this.spaces = new FakeHubSpaceApi(state);
    }

    /** The route of a request; an unknown path is a 404 violation. Storage URLs only exist on the storage origin. */
    Route route(FakeHubExchange exchange, boolean storageOrigin) {
        List<String> s = exchange.segments;
        if (storageOrigin) {
            if (s.size() == 2 && s.get(0).equals("cdn")) {
                return on(exchange, Endpoint.CDN, Set.of("GET", "HEAD"), ex -> lfs.cdn(ex, s.get(1)));
            }
            if (s.size() == 2 && s.get(0).equals("lfs-upload")) {
                return on(exchange, Endpoint.LFS_UPLOAD, Set.of("PUT"), ex -> lfs.upload(ex, s.get(1)));
            }
            throw unknown(exchange, "the storage origin only serves presigned /cdn/ and /lfs-upload/ URLs");
        }
        if (!s.isEmpty() && s.get(0).equals("api")) {
            return apiRoute(exchange, s);
        }
        if (s.size() == 1 && s.get(0).equals("lfs-verify")) {
            return on(exchange, Endpoint.LFS_VERIFY, Set.of("POST"), lfs::verify);
        }
        return repoUrlRoute(exchange, s);
    }

    private Route apiRoute(FakeHubExchange exchange, List<String> s) {
        if (s.size() == 2 && s.get(1).equals("whoami-v2")) {
            return on(exchange, Endpoint.WHOAMI, Set.of("GET"), repos::whoami);
        }
        if (s.size() == 3 && s.get(1).equals("repos") && s.get(2).equals("create")) {
            return on(exchange, Endpoint.REPO_CREATE, Set.of("POST"), repos::create);
        }
        String type = s.size() >= 4 ? API_TYPES.get(s.get(1)) : null;
        if (type == null) {
            throw unknown(exchange, "not an endpoint of the Hub API that FakeHub knows");
        }
        String repoId = decode(s.get(2), "namespace") + "/" + decode(s.get(3), "repo name");
        List<String> rest = s.subList(4, s.size());
        if (rest.isEmpty()) {
            return on(exchange, Endpoint.REPO_INFO, Set.of("GET"), ex -> repos.info(ex, type, repoId, "main"));
        }
        String action = rest.get(0);
        if (rest.size() == 2 && action.equals("revision")) {
            return on(exchange, Endpoint.REPO_INFO, Set.of("GET"), ex -> repos.info(ex, type, repoId, revision(rest.get(1))));
        }
        if (rest.size() == 2 && action.equals("preupload")) {
            return on(exchange, Endpoint.PREUPLOAD, Set.of("POST"), ex -> commits.preupload(ex, type, repoId, revision(rest.get(1))));
        }
        if (rest.size() == 2 && action.equals("commit")) {
            return on(exchange, Endpoint.COMMIT, Set.of("POST"), ex -> commits.commit(ex, type, repoId, revision(rest.get(1))));
        }
        if (rest.size() >= 2 && action.equals("tree")) {
            String path = joinDecoded(rest.subList(2, rest.size()));
            return on(exchange, Endpoint.TREE, Set.of("GET"), ex -> repos.tree(ex, type, repoId, revision(rest.get(1)), path));
        }
        if (rest.size() == 2 && action.equals("paths-info")) {
            return on(exchange, Endpoint.PATHS_INFO, Set.of("POST"), ex -> repos.pathsInfo(ex, type, repoId, revision(rest.get(1))));
        }
        if (type.equals("space") && rest.size() == 1) {
            switch (action) {
                case "secrets" -> {
                    return on(exchange, Endpoint.SPACE_SECRETS, Set.of("GET", "POST", "DELETE"), ex -> spaces.secrets(ex, repoId));
                }
                case "variables" -> {
                    return on(exchange, Endpoint.SPACE_VARIABLES, Set.of("GET", "POST", "DELETE"), ex -> spaces.variables(ex, repoId));
                }
                case "runtime" -> {
                    return on(exchange, Endpoint.SPACE_RUNTIME, Set.of("GET"), ex -> spaces.runtime(ex, repoId));
                }
                default -> {
                }
            }
        }
        throw unknown(exchange, "not an endpoint of the Hub API that FakeHub knows");
    }

    /** {prefix}{ns}/{name}/resolve/{rev}/{path} and {prefix}{ns}/{name}.git/info/lfs/objects/batch. */
    private Route repoUrlRoute(FakeHubExchange exchange, List<String> s) {
        String type = "model";
        List<String> rest = s;
        if (!s.isEmpty() && (s.get(0).equals("datasets") || s.get(0).equals("spaces"))) {
            type = API_TYPES.get(s.get(0));
            rest = s.subList(1, s.size());
        }
        String repoType = type;
        if (rest.size() >= 5 && rest.get(2).equals("resolve")) {
            String repoId = decode(rest.get(0), "namespace") + "/" + decode(rest.get(1), "repo name");
            String revision = revision(rest.get(3));
            String path = joinDecoded(rest.subList(4, rest.size()));
            return on(exchange, Endpoint.RESOLVE, Set.of("GET", "HEAD"), ex -> lfs.resolve(ex, repoType, repoId, revision, path));
        }
        if (rest.size() == 6 && rest.get(1).endsWith(".git") && String.join("/", rest.subList(2, 6)).equals("info/lfs/objects/batch")) {
            String name = rest.get(1).substring(0, rest.get(1).length() - ".git".length());
            String repoId = decode(rest.get(0), "namespace") + "/" + decode(name, "repo name");
            return on(exchange, Endpoint.LFS_BATCH, Set.of("POST"), ex -> lfs.batch(ex, repoType, repoId));
        }
        throw unknown(exchange, "not a Hub URL that FakeHub knows");
    }

    private static Route on(FakeHubExchange exchange, Endpoint endpoint, Set<String> methods, Handler handler) {
        if (methods.contains(exchange.method)) {
            return new Route(endpoint, handler);
        }
        return new Route(endpoint, ex -> {
            throw FakeHubError.violation(405, endpoint + " takes " + String.join(" or ", methods.stream().sorted().toList())
                    + ", not " + ex.method);
        });
    }

    private static FakeHubError unknown(FakeHubExchange exchange, String why) {
        return FakeHubError.violation(404, "Unknown endpoint " + exchange.method + " " + exchange.rawPath + ": " + why);
    }

    /** A revision is one path segment, percent-encoded with no safe characters (refs/pr/3 is refs%2Fpr%2F3). */
    private static String revision(String raw) {
        return decode(raw, "revision");
    }

    private static String decode(String raw, String what) {
        String decoded = FakeHubFormats.percentDecode(raw);
        if (decoded == null) {
            throw FakeHubError.malformed("the " + what + " '" + raw + "' has a malformed percent-encoding");
        }
        return decoded;
    }

    /** A file path: '/' may be sent raw or as %2F. */
    private static String joinDecoded(List<String> rawSegments) {
        StringJoiner path = new StringJoiner("/");
        rawSegments.forEach(segment -> path.add(decode(segment, "path")));
        return path.toString();
    }
}
