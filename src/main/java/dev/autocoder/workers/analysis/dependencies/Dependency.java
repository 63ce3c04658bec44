package dev.autocoder.workers.analysis.dependencies;

/**
 * One dependency as declared in one manifest.
 *
 * @param ecosystem       OSV ecosystem name: {@link Ecosystem#MAVEN}, {@link Ecosystem#NPM}, {@link Ecosystem#PYPI}, {@link Ecosystem#GO}
 * @param name            package name as OSV knows it (Maven: {@code groupId:artifactId}; PyPI: PEP 503 normalized)
 * @param version         the concrete version this declaration resolves to; null unless {@link VersionState#PINNED}
 * @param declaredVersion the version text as written in the manifest (null when none is written)
 * @param manifest        repository-relative path of the manifest
 * @param line            1-based line of the declaration in the manifest
 * @param scope           where it is declared: Maven scope, Gradle configuration, package.json section, etc.
 * @param state           whether the version is pinned, ranged, unresolved or supplied from outside the repository
 */
public record Dependency(String ecosystem, String name, String version, String declaredVersion, String manifest,
                         int line, String scope, VersionState state) {

    public static Dependency pinned(String ecosystem, String name, String version, String declared, String manifest,
                                    int line, String scope) {
        return new Dependency(ecosystem, name, version, declared, manifest, line, scope, VersionState.PINNED);
    }

    public static Dependency unpinned(String ecosystem, String name, VersionState state, String declared,
                                      String manifest, int line, String scope) {
        return new Dependency(ecosystem, name, null, declared, manifest, line, scope, state);
    }

    public Dependency withDeclared(String declared) {
        return new Dependency(ecosystem, name, version, declared, manifest, line, scope, state);
    }

    /** Package and version as one label, e.g. {@code com.example:lib 1.2.3}. */
    public String label() {
        return name + " " + (version != null ? version : declaredVersion == null ? "(no version)" : declaredVersion);
    }
}
