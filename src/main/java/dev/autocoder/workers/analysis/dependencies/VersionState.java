package dev.autocoder.workers.analysis.dependencies;

/** What can be said about the version of a declaration. */
enum VersionState {
    /** One exact version; the only state that is checked for known vulnerabilities. */
    PINNED,
    /** A range, wildcard, tag or no constraint at all: the build may pick a different version tomorrow. */
    RANGED,
    /** A {@code ${property}} (or a Maven version that no managing pom in the repository supplies) left open. */
    UNRESOLVED,
    /** Not written here on purpose: supplied by a BOM, parent or plugin outside the repository, or a local path. */
    EXTERNAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
