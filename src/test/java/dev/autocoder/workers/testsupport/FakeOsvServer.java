package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.osv.dev that enforces the v1 request format: {@code POST /v1/querybatch} with
 * {@code Content-Type: application/json} and a body {@code {"queries":[...]}} of 1 to 1000 queries, each with a
 * non-empty {@code package.name}, a known {@code package.ecosystem} and a non-empty {@code version} (or a
 * {@code commit}); {@code GET /v1/vulns/{id}} for an advisory. Anything else is answered 400 (404 for an
 * unknown advisory) with an error JSON, as OSV does.
 * <p>
 * Planted data, modelled on real advisories: jackson-databind 2.9.8 (Maven) has one advisory; lodash 4.17.15
 * (npm) has two, the second only on a second result page, to exercise {@code next_page_token}; ghost-package 1.0
 * (PyPI) lists an advisory whose record is missing; django 1.4.1 (PyPI) has one scored only with a CVSS v2 vector,
 * pillow 9.0.0 (PyPI) one scored with both a v3.1 and a v4.0 vector.
 */
public final class FakeOsvServer implements AutoCloseable {

    public static final String JACKSON_ID = "GHSA-5ww9-j83m-q7qx";
    public static final String LODASH_ID_1 = "GHSA-p6mc-m468-83gw";
    public static final String LODASH_ID_2 = "GHSA-35jh-r3h4-6jhm";
    /** django 1.4.1: scored with the CVSS v2 guide's CVE-2002-0392 vector, 7.8. */
    public static final String CVSS_V2_ID = "PYSEC-2012-0002";
    /** pillow 9.0.0: v3.1 7.8 (high) and v4.0 9.3 (critical). */
    public static final String CVSS_V4_ID = "GHSA-8vj2-vxx3-667w";
    /** Listed for ghost-package 1.0 (PyPI) but without a record: its details answer 404. */
    public static final String WITHDRAWN_ID = "PYSEC-0000-0";
    private static final Set<String> ECOSYSTEMS = Set.of("Maven", "npm", "PyPI", "Go", "crates.io", "NuGet", "RubyGems", "Packagist");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> ADVISORIES = Map.of(CVSS_V2_ID, """
            {"id": "PYSEC-2012-0002", "summary": "Denial of service in django", "aliases": ["CVE-2012-4520"],
             "severity": [{"type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:N/I:N/A:C"}],
             "affected": [{"package": {"ecosystem": "PyPI", "name": "Django"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.4.2"}]}]}]}
            """, CVSS_V4_ID, """
            {"id": "GHSA-8vj2-vxx3-667w", "summary": "Arbitrary code execution in Pillow", "aliases": ["CVE-2022-22817"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"},
                          {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
             "database_specific": {"severity": "HIGH"},
             "affected": [{"package": {"ecosystem": "PyPI", "name": "pillow"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "9.0.1"}]}]}]}
            """, JACKSON_ID, """
            {"id": "GHSA-5ww9-j83m-q7qx", "modified": "2024-03-15T00:00:00Z",
             "summary": "Information exposure in jackson-databind",
             "aliases": ["CVE-2019-12086"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
             "database_specific": {"severity": "HIGH"},
             "affected": [{"package": {"ecosystem": "Maven", "name": "com.fasterxml.jackson.core:jackson-databind"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0.0"}, {"fixed": "2.9.9"}]},
                                      {"type": "ECOSYSTEM", "events": [{"introduced": "2.7.0"}, {"fixed": "2.7.9.6"}]}]}]}
            """, LODASH_ID_1, """
            {"id": "GHSA-p6mc-m468-83gw", "summary": "Prototype Pollution in lodash", "aliases": ["CVE-2020-8203"],
             "database_specific": {"severity": "HIGH"},
             "affected": [{"package": {"ecosystem": "npm", "name": "lodash"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "3.7.0"}, {"fixed": "4.17.19"}]}]}]}
            """, LODASH_ID_2, """
            {"id": "GHSA-35jh-r3h4-6jhm", "summary": "Command Injection in lodash", "aliases": ["CVE-2021-23337"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],
             "affected": [{"package": {"ecosystem": "npm", "name": "lodash"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]}]}]}
            """);

    public enum Mode { NORMAL, SERVER_ERROR, MALFORMED_JSON, WRONG_RESULT_COUNT }

    private final HttpServer server;
    private volatile Mode mode = Mode.NORMAL;
    public final AtomicInteger batchRequests = new AtomicInteger();
    public final AtomicInteger detailRequests = new AtomicInteger();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public final List<String> rejections = new CopyOnWriteArrayList<>();

    public FakeOsvServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/querybatch", this::queryBatch);
        server.createContext("/v1/vulns/", this::vulnerability);
        server.createContext("/", exchange -> error(exchange, 404, "Not found"));
        server.start();
    }

    public URI batchUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/querybatch");
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void queryBatch(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 400, "querybatch takes POST");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            error(exchange, 400, "Content-Type must be application/json");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            error(exchange, 400, "body is not JSON");
            return;
        }
        String problem = validate(body);
        if (problem != null) {
            error(exchange, 400, problem);
            return;
        }
        batchRequests.incrementAndGet();
        batchSizes.add(body.get("queries").size());
        switch (mode) {
            case SERVER_ERROR -> {
                error(exchange, 500, "internal error");
                return;
            }
            case MALFORMED_JSON -> {
                respond(exchange, 200, "{\"results\": [");
                return;
            }
            case WRONG_RESULT_COUNT -> {
                respond(exchange, 200, "{\"results\": []}");
                return;
            }
            default -> {
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode query : body.get("queries")) {
            results.add(answer(query));
        }
        respond(exchange, 200, answer.toString());
    }

    /** Null when the body is a valid batch query, else what is wrong with it. */
    private String validate(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("queries").isArray()) {
            return reject("body must be an object with a queries array");
        }
        JsonNode queries = body.get("queries");
        if (queries.isEmpty() || queries.size() > 1000) {
            return reject("queries must have 1 to 1000 items, got " + queries.size());
        }
        for (JsonNode query : queries) {
            JsonNode pkg = query.path("package");
            if (!pkg.path("name").isTextual() || pkg.get("name").asText().isEmpty()) {
                return reject("package.name is required");
            }
            if (!ECOSYSTEMS.contains(pkg.path("ecosystem").asText())) {
                return reject("unknown ecosystem " + pkg.path("ecosystem"));
            }
            boolean version = query.path("version").isTextual() && !query.get("version").asText().isEmpty();
            if (!version && !query.path("commit").isTextual()) {
                return reject("version or commit is required");
            }
            if (query.has("page_token") && !query.get("page_token").isTextual()) {
                return reject("page_token must be a string");
            }
        }
        return null;
    }

    private String reject(String reason) {
        rejections.add(reason);
        return reason;
    }

    private static ObjectNode answer(JsonNode query) {
        String ecosystem = query.path("package").path("ecosystem").asText();
        String name = query.path("package").path("name").asText();
        String version = query.path("version").asText();
        ObjectNode result = JSON.createObjectNode();
        if (ecosystem.equals("Maven") && name.equals("com.fasterxml.jackson.core:jackson-databind") && version.equals("2.9.8")) {
            result.putArray("vulns").addObject().put("id", JACKSON_ID).put("modified", "2024-03-15T00:00:00Z");
        } else if (ecosystem.equals("npm") && name.equals("lodash") && version.equals("4.17.15")) {
            if ("page-2".equals(query.path("page_token").asText())) {
                result.putArray("vulns").addObject().put("id", LODASH_ID_2).put("modified", "2024-01-01T00:00:00Z");
            } else {
                result.putArray("vulns").addObject().put("id", LODASH_ID_1).put("modified", "2024-01-01T00:00:00Z");
                result.put("next_page_token", "page-2");
            }
        } else if (ecosystem.equals("PyPI") && name.equals("django") && version.equals("1.4.1")) {
            result.putArray("vulns").addObject().put("id", CVSS_V2_ID).put("modified", "2024-01-01T00:00:00Z");
        } else if (ecosystem.equals("PyPI") && name.equals("pillow") && version.equals("9.0.0")) {
            result.putArray("vulns").addObject().put("id", CVSS_V4_ID).put("modified", "2024-01-01T00:00:00Z");
        } else if (ecosystem.equals("PyPI") && name.equals("ghost-package") && version.equals("1.0")) {
            result.putArray("vulns").addObject().put("id", WITHDRAWN_ID).put("modified", "2024-01-01T00:00:00Z");
        }
        return result; // no vulnerabilities: an empty object, as OSV answers
    }

    private void vulnerability(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            error(exchange, 400, "vulns takes GET");
            return;
        }
        detailRequests.incrementAndGet();
        String id = exchange.getRequestURI().getPath().substring("/v1/vulns/".length());
        String advisory = ADVISORIES.get(id);
        if (advisory == null) {
            error(exchange, 404, "Bug not found.");
        } else {
            respond(exchange, 200, advisory);
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("code", status == 404 ? 5 : 3).put("message", message);
        respond(exchange, status, error.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
