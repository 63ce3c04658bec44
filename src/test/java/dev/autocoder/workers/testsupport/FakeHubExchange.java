package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One request as the fake's handlers see it: method, raw path, decoded query, headers and the whole body. */
final class FakeHubExchange {

    final String method;
    /** The path exactly as sent (percent escapes kept), e.g. /api/datasets/ns/name/tree/main/a%2Fb. */
    final String rawPath;
    /** The query exactly as sent, or null. */
    final String rawQuery;
    /** Header names are case-insensitive. */
    final Map<String, List<String>> headers;
    final byte[] body;
    /** The raw path split on '/', without the leading empty segment; each segment still percent-encoded. */
    final List<String> segments;
    /** Decoded query parameters, parsed on first use so that a malformed query is answered 400 like any other problem. */
    private Map<String, List<String>> params;

    FakeHubExchange(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        this.segments = trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        List<String> values = params().get(name);
        return values == null ? null : values.get(0);
    }

    List<String> params(String name) {
        return params().getOrDefault(name, List.of());
    }

    private Map<String, List<String>> params() {
        if (params == null) {
            params = parseForm(rawQuery);
        }
        return params;
    }

    /** The raw query pieces ("k=v", still encoded) in the order sent, for rebuilding a next-page URL. */
    List<String> rawQueryPieces() {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(rawQuery.split("&")).filter(piece -> !piece.isEmpty()).toList();
    }

    /** The media type of Content-Type, lower case and without parameters; "" when absent. */
    String mediaType() {
        return mediaTypeOf(header("Content-Type"));
    }

    static String mediaTypeOf(String headerValue) {
        if (headerValue == null) {
            return "";
        }
        int semicolon = headerValue.indexOf(';');
        return (semicolon < 0 ? headerValue : headerValue.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    void requireMediaType(String expected) {
        if (!mediaType().equals(expected)) {
            throw FakeHubError.malformed(method + " " + rawPath + " needs 'Content-Type: " + expected + "', got "
                    + (header("Content-Type") == null ? "none" : "'" + header("Content-Type") + "'"));
        }
    }

    /** The body as a JSON object after checking Content-Type: application/json. */
    JsonNode jsonObjectBody() {
        requireMediaType("application/json");
        return parseJsonObject();
    }

    /** The body parsed as one JSON object, whatever the Content-Type. */
    JsonNode parseJsonObject() {
        String text = utf8Body();
        JsonNode node;
        try {
            node = FakeHubFormats.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw FakeHubError.malformed("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw FakeHubError.malformed("the body must be a JSON object");
        }
        return node;
    }

    String utf8Body() {
        String text = FakeHubFormats.strictUtf8(body);
        if (text == null) {
            throw FakeHubError.malformed("the body is not valid UTF-8");
        }
        return text;
    }

    /** Decodes application/x-www-form-urlencoded text (also a query string) into name -> values, in order. */
    static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        for (String piece : text.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? piece : piece.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(piece.substring(eq + 1), StandardCharsets.UTF_8);
                result.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw FakeHubError.malformed("malformed percent-encoding in '" + piece + "'");
            }
        }
        return result;
    }
}
