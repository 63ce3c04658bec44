package dev.autocoder.workers.analysis.dependencies;

/**
 * A manifest that could not be inventoried, and why (never the manifest's own text).
 *
 * @param line 1-based line of a syntax error, 0 when unknown or not applicable
 */
record ManifestProblem(String manifest, String reason, int line) {

    public ManifestProblem(String manifest, String reason) {
        this(manifest, reason, 0);
    }
}
