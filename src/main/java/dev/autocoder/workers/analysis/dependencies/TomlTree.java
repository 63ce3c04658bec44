package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** Reads a TOML manifest (pyproject.toml, a Gradle version catalog) into Jackson's tree. */
final class TomlTree {

    private static final TomlMapper TOML = new TomlMapper();

    private TomlTree() {
    }

    /** The manifest's tree; a syntax error becomes a {@link ManifestException} that locates it. */
    static JsonNode read(String text) throws ManifestException {
        try {
            return TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw ManifestException.of("TOML", e);
        }
    }
}
