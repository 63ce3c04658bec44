package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependencies of an npm {@code package.json}: {@code dependencies}, {@code devDependencies},
 * {@code peerDependencies} and {@code optionalDependencies}, each with the line of its key (Jackson's streaming
 * parser reports it). Only an exact version ({@code 1.2.3}, {@code =1.2.3}, {@code v1.2.3}) is pinned; every
 * semver range ({@code ^ ~ > < * x || -}), tag ({@code latest}), git or URL spec is ranged, and
 * {@code file:}/{@code link:}/{@code workspace:} specs point inside the repository.
 */
final class PackageJsonParser {

    static final Set<String> SECTIONS = Set.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern EXACT = Pattern.compile("^=?\\s*v?(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)$");
    private static final Pattern ALIAS = Pattern.compile("^npm:(@?[^@]+)@(.*)$");

    private PackageJsonParser() {
    }

    static List<Dependency> parse(String manifest, String text) throws ManifestException {
        List<Dependency> result = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ManifestException("package.json is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                JsonToken value = parser.nextToken();
                if (SECTIONS.contains(section) && value == JsonToken.START_OBJECT) {
                    readSection(parser, manifest, section, result);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new ManifestException("JSON syntax error: content after the top-level object");
            }
        } catch (JsonProcessingException e) {
            throw ManifestException.of("JSON", e);
        } catch (IOException e) {
            throw new ManifestException("unreadable package.json (" + e.getClass().getSimpleName() + ")");
        }
        return result;
    }

    private static void readSection(JsonParser parser, String manifest, String section, List<Dependency> out) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                out.add(dependency(name, parser.getText(), manifest, line, section));
            } else {
                parser.skipChildren();
            }
        }
    }

    static Dependency dependency(String name, String spec, String manifest, int line, String section) {
        String trimmed = spec.strip();
        Matcher alias = ALIAS.matcher(trimmed);
        if (alias.matches()) {
            // "npm:real-package@1.2.3" installs real-package: that is the one to check.
            return dependency(alias.group(1), alias.group(2), manifest, line, section).withDeclared(spec);
        }
        Matcher exact = EXACT.matcher(trimmed);
        if (exact.matches()) {
            return Dependency.pinned(Ecosystem.NPM, name, exact.group(1), spec, manifest, line, section);
        }
        boolean local = trimmed.startsWith("file:") || trimmed.startsWith("link:") || trimmed.startsWith("workspace:")
                || trimmed.startsWith("portal:");
        return Dependency.unpinned(Ecosystem.NPM, name, local ? VersionState.EXTERNAL : VersionState.RANGED, spec,
                manifest, line, section);
    }
}
