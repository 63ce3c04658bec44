package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up known vulnerabilities in OSV (https://google.github.io/osv.dev/api/): {@code POST /v1/querybatch}
 * with up to {@value #MAX_QUERIES_PER_REQUEST} queries per request (answers hold only ids, in query order,
 * paged with {@code next_page_token}), then {@code GET /v1/vulns/{id}} for each advisory's summary, aliases,
 * severity and fixed versions. Answers are cached in memory per package version and per id for
 * {@value #CACHE_HOURS} hours, so an always-on worker neither hammers OSV nor misses new advisories for long, and
 * at most {@value #CACHE_ENTRIES} of each, so a worker that walks many repositories keeps bounded memory.
 * Any failure of the batch query makes the whole lookup unavailable (with the reason), never "no vulnerabilities".
 */
@Component
public class OsvClient {

    static final int MAX_QUERIES_PER_REQUEST = 1000;
    static final int MAX_PAGES = 20;
    static final int CACHE_HOURS = 6;
    /** Far above one repository's packages (a large monorepo has a few thousand) and a few MB at most. */
    static final int CACHE_ENTRIES = 20_000;

    private final URI batchUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Cache<OsvPackage, List<String>> idsByPackage;
    private final Cache<String, OsvVulnerability> detailsById;

    /** Why a request failed, in words safe to publish. */
    private static final class OsvException extends Exception {
        OsvException(String message) {
            super(message);
        }
    }

    @Autowired
    public OsvClient(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this(properties, mapper, CACHE_ENTRIES);
    }

    OsvClient(AutocoderProperties properties, ObjectMapper mapper, long cacheEntries) {
        this.json = mapper;
        this.idsByPackage = newCache(cacheEntries);
        this.detailsById = newCache(cacheEntries);
        this.batchUrl = properties.getAnalysis().getOsvUrl();
        this.timeout = properties.getAnalysis().getOsvTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Evicts on the caller's thread (not the common pool), so the size bound holds as soon as a put returns. */
    private static <K, V> Cache<K, V> newCache(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(Duration.ofHours(CACHE_HOURS))
                .executor(Runnable::run).build();
    }

    /** The advisories affecting each package; an unavailable result when OSV cannot be asked. */
    public OsvLookup lookup(Collection<OsvPackage> packages) {
        List<OsvPackage> distinct = List.copyOf(new LinkedHashSet<>(packages));
        Map<OsvPackage, List<String>> ids = new LinkedHashMap<>();
        List<OsvPackage> toQuery = new ArrayList<>();
        for (OsvPackage pkg : distinct) {
            List<String> cached = idsByPackage.getIfPresent(pkg);
            if (cached != null) {
                ids.put(pkg, cached);
            } else {
                toQuery.add(pkg);
            }
        }
        try {
            for (int from = 0; from < toQuery.size(); from += MAX_QUERIES_PER_REQUEST) {
                List<OsvPackage> chunk = toQuery.subList(from, Math.min(toQuery.size(), from + MAX_QUERIES_PER_REQUEST));
                Map<OsvPackage, List<String>> answered = queryBatch(chunk);
                idsByPackage.putAll(answered);
                ids.putAll(answered);
            }
        } catch (OsvException e) {
            return OsvLookup.unavailable(e.getMessage(), distinct.size());
        } catch (RuntimeException e) {
            // e.g. a configured URL the HTTP client refuses: still "unavailable", never a crash or a clean bill.
            return OsvLookup.unavailable("OSV lookup failed (" + e.getClass().getSimpleName() + ")", distinct.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OsvLookup.unavailable("OSV lookup interrupted", distinct.size());
        }
        return withDetails(ids, distinct.size());
    }

    private OsvLookup withDetails(Map<OsvPackage, List<String>> ids, int queried) {
        Map<OsvPackage, List<OsvVulnerability>> result = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        String failure = null;
        for (Map.Entry<OsvPackage, List<String>> entry : ids.entrySet()) {
            List<OsvVulnerability> vulnerabilities = new ArrayList<>();
            for (String id : entry.getValue()) {
                try {
                    vulnerabilities.add(details(id));
                } catch (OsvException e) {
                    failed.add(id);
                    failure = e.getMessage();
                    vulnerabilities.add(OsvVulnerability.idOnly(id));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.add(id);
                    failure = "interrupted";
                    vulnerabilities.add(OsvVulnerability.idOnly(id));
                }
            }
            if (!vulnerabilities.isEmpty()) {
                result.put(entry.getKey(), List.copyOf(vulnerabilities));
            }
        }
        String reason = failed.isEmpty() ? null
                : "details unavailable for " + String.join(", ", failed) + " (" + failure + ")";
        return new OsvLookup(true, reason, result, queried);
    }

    private Map<OsvPackage, List<String>> queryBatch(List<OsvPackage> chunk) throws OsvException, InterruptedException {
        Map<OsvPackage, List<String>> found = new LinkedHashMap<>();
        Map<OsvPackage, String> pageTokens = new LinkedHashMap<>();
        chunk.forEach(pkg -> {
            found.put(pkg, new ArrayList<>());
            pageTokens.put(pkg, null);
        });
        // The first round asks for every package; later rounds re-ask only those whose answer has more pages.
        for (int page = 0; !pageTokens.isEmpty(); page++) {
            if (page >= MAX_PAGES) {
                throw new OsvException("OSV returned more than " + MAX_PAGES + " result pages");
            }
            List<OsvPackage> asked = List.copyOf(pageTokens.keySet());
            JsonNode results = post(requestBody(asked, pageTokens)).path("results");
            if (!results.isArray() || results.size() != asked.size()) {
                throw new OsvException("malformed OSV response: expected " + asked.size() + " results from "
                        + describe(batchUrl));
            }
            pageTokens.clear();
            for (int i = 0; i < asked.size(); i++) {
                JsonNode result = results.get(i);
                for (JsonNode vuln : result.path("vulns")) {
                    if (!vuln.path("id").isTextual()) {
                        throw new OsvException("malformed OSV response: a vulnerability without an id");
                    }
                    found.get(asked.get(i)).add(vuln.get("id").asText());
                }
                String token = result.path("next_page_token").asText("");
                if (!token.isEmpty()) {
                    pageTokens.put(asked.get(i), token);
                }
            }
        }
        found.replaceAll((pkg, list) -> List.copyOf(new LinkedHashSet<>(list)));
        return found;
    }

    private String requestBody(List<OsvPackage> packages, Map<OsvPackage, String> pageTokens) {
        ObjectNode body = json.createObjectNode();
        ArrayNode queries = body.putArray("queries");
        for (OsvPackage pkg : packages) {
            ObjectNode query = queries.addObject();
            query.putObject("package").put("name", pkg.name()).put("ecosystem", pkg.ecosystem());
            query.put("version", pkg.version());
            if (pageTokens.get(pkg) != null) {
                query.put("page_token", pageTokens.get(pkg));
            }
        }
        return body.toString();
    }

    private OsvVulnerability details(String id) throws OsvException, InterruptedException {
        OsvVulnerability cached = detailsById.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        URI url = detailsUrl(id);
        JsonNode body = send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build(), url);
        if (!body.path("id").isTextual()) {
            throw new OsvException("malformed OSV vulnerability record for " + id);
        }
        OsvVulnerability vulnerability = parseVulnerability(body);
        detailsById.put(id, vulnerability);
        return vulnerability;
    }

    /** The record of one advisory: the batch URL with its trailing {@code querybatch} replaced by {@code vulns/{id}}. */
    private URI detailsUrl(String id) {
        String batch = batchUrl.toString();
        String base = batch.endsWith("/querybatch") ? batch.substring(0, batch.length() - "querybatch".length())
                : batch.endsWith("/") ? batch : batch + "/";
        return URI.create(base + "vulns/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private JsonNode post(String body) throws OsvException, InterruptedException {
        return send(HttpRequest.newBuilder(batchUrl).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), batchUrl);
    }

    private JsonNode send(HttpRequest request, URI url) throws OsvException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new OsvException("OSV request to " + describe(url) + " timed out after " + timeout.toSeconds() + "s");
        } catch (ConnectException e) {
            throw new OsvException("could not connect to " + describe(url) + " (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new OsvException("OSV request to " + describe(url) + " failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (response.statusCode() / 100 != 2) {
            throw new OsvException("OSV answered HTTP " + response.statusCode() + " from " + describe(url));
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new OsvException("malformed OSV response from " + describe(url) + ": not a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new OsvException("malformed OSV response from " + describe(url) + ": not JSON");
        }
    }

    static OsvVulnerability parseVulnerability(JsonNode record) {
        List<String> aliases = new ArrayList<>();
        record.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        List<OsvVulnerability.Affected> affected = new ArrayList<>();
        for (JsonNode entry : record.path("affected")) {
            List<String> fixed = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                for (JsonNode event : range.path("events")) {
                    if (event.path("fixed").isTextual() && !range.path("type").asText().equals("GIT")) {
                        fixed.add(event.get("fixed").asText());
                    }
                }
            }
            affected.add(new OsvVulnerability.Affected(entry.path("package").path("ecosystem").asText(),
                    entry.path("package").path("name").asText(), List.copyOf(fixed)));
        }
        String summary = record.path("summary").asText("").strip();
        Rating rating = rating(record);
        return new OsvVulnerability(record.get("id").asText(), summary, List.copyOf(aliases),
                rating.severity(), rating.source(), List.copyOf(affected), true);
    }

    private record Rating(Severity severity, String source) {
    }

    /** OSV severity types, newest CVSS version first: the one a record's publisher scored last wins. */
    private static final List<String> CVSS_TYPES = List.of("CVSS_V4", "CVSS_V3", "CVSS_V2");

    /** The severity and where it came from: a CVSS vector's base score, else the database's label, else medium. */
    private static Rating rating(JsonNode record) {
        for (String type : CVSS_TYPES) {
            for (JsonNode entry : record.path("severity")) {
                if (entry.path("type").asText().equals(type)) {
                    Optional<CvssScore> cvss = CvssScore.of(entry.path("score").asText());
                    if (cvss.isPresent()) {
                        return new Rating(cvss.get().severity(), "CVSS " + cvss.get().score());
                    }
                }
            }
        }
        String label = record.path("database_specific").path("severity").asText("").toUpperCase(Locale.ROOT);
        return switch (label) {
            case "CRITICAL", "HIGH", "LOW" -> new Rating(Severity.of(label), "database " + label);
            case "MODERATE", "MEDIUM" -> new Rating(Severity.MEDIUM, "database " + label);
            default -> new Rating(Severity.MEDIUM, "default (no severity published)");
        };
    }

    /** scheme://host:port/path of a URL: never its user info or query, which could hold a credential. */
    static String describe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }
}
