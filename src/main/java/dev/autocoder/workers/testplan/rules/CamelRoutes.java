package dev.autocoder.workers.testplan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.javamodel.Invocation;
import dev.autocoder.workers.javamodel.MethodRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP endpoints declared as Apache Camel routes: consumers of {@code platform-http:} (and the other HTTP
 * consumers: {@code rest:}, {@code servlet:}, {@code jetty:}, {@code undertow:}, {@code netty-http:}) and REST DSL
 * verbs, in Java route builders ({@code from("platform-http:/x")}, {@code rest("/api").get("/items")}) and in YAML
 * route files ({@code from: uri: platform-http:/x}, {@code rest:} blocks with {@code get:}/{@code post:}... lists).
 */
public final class CamelRoutes {

    /** One endpoint: where it is declared and what it answers. */
    public record Endpoint(String file, int line, String method, String path, String routeId) {
        public String label() {
            return (method == null ? "" : method + " ") + path;
        }
    }

    private static final Pattern HTTP_URI = Pattern.compile("^(platform-http|servlet|jetty|undertow|netty-http|rest):(.*)$");
    private static final Pattern JAVA_FROM = Pattern.compile("^from\\(\"([^\"]+)\"");
    private static final Pattern JAVA_REST = Pattern.compile("^rest\\((?:\"([^\"]*)\")?\\)");
    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "head");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CamelRoutes() {
    }

    /** The endpoints a Java route builder method declares. */
    public static List<Endpoint> inJava(MethodRef method) {
        List<Endpoint> out = new ArrayList<>();
        for (Invocation call : method.method().invocations()) {
            if (call.method().equals("from")) {
                Matcher from = JAVA_FROM.matcher(call.text());
                if (from.find()) {
                    Endpoint endpoint = fromUri(method.file().path(), call.line(), from.group(1), null);
                    if (endpoint != null) {
                        out.add(endpoint);
                    }
                }
            } else if (VERBS.contains(call.method())) {
                Matcher rest = JAVA_REST.matcher(call.text());
                if (rest.find()) {
                    Matcher verb = Pattern.compile("\\." + call.method() + "\\((?:\"([^\"]*)\")?\\)$").matcher(call.text());
                    String sub = verb.find() && verb.group(1) != null ? verb.group(1) : "";
                    out.add(new Endpoint(method.file().path(), call.line(), call.method().toUpperCase(Locale.ROOT),
                            join(rest.group(1), sub), null));
                }
            }
        }
        return out;
    }

    /** The endpoints of the snapshot's YAML route files (main scope; files that fail to parse are left out). */
    public static List<Endpoint> inYaml(Snapshot snapshot) {
        List<Endpoint> out = new ArrayList<>();
        for (SourceFile file : snapshot.files()) {
            String path = file.path();
            if (!(path.endsWith(".yaml") || path.endsWith(".yml")) || file.size() > 1 << 20
                    || snapshot.scopeOf(path) != Scope.MAIN) {
                continue;
            }
            try {
                String text = snapshot.read(file);
                if (text.contains("from:") || text.contains("rest:")) {
                    out.addAll(inYaml(path, text));
                }
            } catch (IOException | RuntimeException e) {
                // not a readable YAML file: not a route file either
            }
        }
        return out;
    }

    static List<Endpoint> inYaml(String path, String text) throws IOException {
        List<Endpoint> out = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                walk(documents.next(), null, path, text, out);
            }
        }
        return out;
    }

    private static void walk(JsonNode node, String routeId, String path, String text, List<Endpoint> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> walk(child, routeId, path, text, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String id = node.hasNonNull("id") && node.get("id").isTextual() ? node.get("id").asText() : routeId;
        JsonNode from = node.get("from");
        if (from != null) {
            String uri = from.isTextual() ? from.asText() : from.path("uri").asText(null);
            if (uri != null) {
                Endpoint endpoint = fromUri(path, lineOf(text, uri), uri, id);
                if (endpoint != null) {
                    String restrict = from.path("parameters").path("httpMethodRestrict").asText(null);
                    out.add(restrict == null ? endpoint
                            : new Endpoint(endpoint.file(), endpoint.line(), restrict, endpoint.path(), endpoint.routeId()));
                }
            }
        }
        JsonNode rest = node.get("rest");
        if (rest != null && rest.isObject()) {
            String base = rest.path("path").asText("");
            for (String verb : VERBS) {
                JsonNode operations = rest.get(verb);
                if (operations == null) {
                    continue;
                }
                for (JsonNode operation : operations.isArray() ? operations : List.of(operations)) {
                    String sub = operation.path("path").asText("");
                    String full = join(base, sub);
                    out.add(new Endpoint(path, lineOf(text, sub.isEmpty() ? verb + ":" : sub), verb.toUpperCase(Locale.ROOT),
                            full, operation.path("id").asText(id)));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("rest") && !field.getKey().equals("from")) {
                walk(field.getValue(), id, path, text, out);
            }
        }
    }

    /** An endpoint for an HTTP consumer URI, else null; query parameters are dropped. */
    private static Endpoint fromUri(String file, int line, String uri, String routeId) {
        Matcher m = HTTP_URI.matcher(uri.strip());
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2);
        int query = rest.indexOf('?');
        String target = query >= 0 ? rest.substring(0, query) : rest;
        Matcher restrict = Pattern.compile("[?&]httpMethodRestrict=([A-Za-z,]+)").matcher(rest);
        String method = restrict.find() ? restrict.group(1).toUpperCase(Locale.ROOT) : null;
        if (m.group(1).equals("rest")) { // rest:get:/path
            int colon = target.indexOf(':');
            if (colon > 0) {
                method = target.substring(0, colon).toUpperCase(Locale.ROOT);
                target = target.substring(colon + 1).replace(':', '/');
            }
        } else {
            target = target.replaceFirst("^//[^/]+", ""); // jetty://host:port/path
        }
        return new Endpoint(file, line, method, target.startsWith("/") ? target : "/" + target, routeId);
    }

    private static String join(String base, String sub) {
        String b = base == null ? "" : base.replaceAll("/+$", "");
        String s = sub == null || sub.isEmpty() ? "" : sub.startsWith("/") ? sub : "/" + sub;
        String joined = b + s;
        return joined.isEmpty() ? "/" : joined.startsWith("/") ? joined : "/" + joined;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
