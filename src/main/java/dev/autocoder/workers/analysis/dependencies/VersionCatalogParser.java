package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code [libraries]} of a Gradle version catalog ({@code gradle/libs.versions.toml}): {@code "g:a:v"}
 * strings and tables with {@code module} or {@code group}/{@code name}, and a {@code version} that is a string,
 * a {@code version.ref} into {@code [versions]}, or a rich version ({@code strictly}, {@code require},
 * {@code prefer}). Plugins and bundles are not dependencies of their own and are left out.
 */
final class VersionCatalogParser {

    private VersionCatalogParser() {
    }

    static List<Dependency> parse(String manifest, String text) throws ManifestException {
        JsonNode root = TomlTree.read(text);
        TextLines lines = new TextLines(text);
        int librariesLine = lines.tomlTable("libraries");
        JsonNode versions = root.path("versions");
        List<Dependency> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> library : root.path("libraries").properties()) {
            int line = lines.tomlKey(library.getKey(), librariesLine);
            Dependency dependency = library(manifest, library.getValue(), versions, line);
            if (dependency != null) {
                result.add(dependency);
            }
        }
        return result;
    }

    private static Dependency library(String manifest, JsonNode library, JsonNode versions, int line) {
        String module;
        JsonNode version;
        if (library.isTextual()) {
            String[] parts = library.asText().split(":");
            if (parts.length < 2) {
                return null;
            }
            module = parts[0] + ":" + parts[1];
            version = parts.length > 2 ? com.fasterxml.jackson.databind.node.TextNode.valueOf(parts[2]) : null;
        } else if (library.isObject()) {
            module = library.hasNonNull("module") ? library.get("module").asText()
                    : library.path("group").asText() + ":" + library.path("name").asText();
            version = library.get("version");
        } else {
            return null;
        }
        String[] coordinates = module.split(":");
        if (coordinates.length != 2 || coordinates[0].isBlank() || coordinates[1].isBlank()) {
            return null;
        }
        String declared;
        String resolved;
        if (version == null) {
            declared = null;
            resolved = null;
        } else if (version.isObject() && version.has("ref")) {
            String ref = version.get("ref").asText();
            declared = "version.ref=" + ref;
            resolved = versions.has(ref) ? richVersion(versions.get(ref)) : "$" + ref; // "$" marks it unresolved
        } else {
            declared = version.isTextual() ? version.asText() : version.toString();
            resolved = richVersion(version);
        }
        return GradleVersions.classify(coordinates[0], coordinates[1], declared, resolved, manifest, line, "catalog");
    }

    /** A plain version string, or the strongest constraint of a rich version table. */
    private static String richVersion(JsonNode version) {
        if (version.isTextual()) {
            return version.asText();
        }
        for (String key : List.of("strictly", "require", "prefer")) {
            if (version.hasNonNull(key)) {
                return version.get(key).asText();
            }
        }
        return null;
    }
}
