package dev.autocoder.workers.analysis.dependencies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;

/**
 * A manifest that could not be parsed. The message names only the kind of error and where it is, never the
 * parser's own text: that text may quote the manifest, and a manifest may hold a secret.
 */
class ManifestException extends Exception {

    private final int line;

    public ManifestException(String message) {
        this(message, 0);
    }

    public ManifestException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** 1-based line of the error, 0 when unknown. */
    public int line() {
        return line;
    }

    /** A JSON or TOML syntax error, located by Jackson. */
    public static ManifestException of(String format, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return new ManifestException(format + " syntax error");
        }
        return new ManifestException(format + " syntax error at line " + location.getLineNr()
                + ", column " + location.getColumnNr(), location.getLineNr());
    }
}
