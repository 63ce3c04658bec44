package dev.autocoder.workers.analysis.dependencies;

/** How Gradle version notations map to a {@link VersionState}, shared by build scripts and version catalogs. */
final class GradleVersions {

    private GradleVersions() {
    }

    static Dependency classify(String group, String artifact, String declared, String resolved, String manifest,
                               int line, String scope) {
        String name = group + ":" + artifact;
        if (resolved == null || resolved.isBlank()) {
            // No version: a platform, BOM or plugin (e.g. Spring dependency management) supplies it.
            return Dependency.unpinned(Ecosystem.MAVEN, name, VersionState.EXTERNAL, declared, manifest, line, scope);
        }
        if (resolved.contains("$")) {
            return Dependency.unpinned(Ecosystem.MAVEN, name, VersionState.UNRESOLVED, declared, manifest, line, scope);
        }
        String version = resolved.endsWith("!!") ? resolved.substring(0, resolved.length() - 2) : resolved;
        if (isDynamic(version)) {
            return Dependency.unpinned(Ecosystem.MAVEN, name, VersionState.RANGED, declared, manifest, line, scope);
        }
        return Dependency.pinned(Ecosystem.MAVEN, name, version, declared, manifest, line, scope);
    }

    /** Dynamic versions ({@code 1.+}, {@code latest.release}) and ranges ({@code [1.0,2.0)}). */
    static boolean isDynamic(String version) {
        return version.contains("+") || version.startsWith("latest.") || version.startsWith("[")
                || version.startsWith("(") || version.startsWith("]") || version.contains(",");
    }
}
