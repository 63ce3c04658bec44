package dev.autocoder.workers.analysis.dependencies;

import java.util.regex.Pattern;

/**
 * One dependency as declared in one manifest.
 *
 * @param ecosystem       OSV ecosystem name: {@link Ecosystem#MAVEN}, {@link Ecosystem#NPM}, {@link Ecosystem#PYPI}, {@link Ecosystem#GO}
 * @param name            package name as OSV knows it (Maven: {@code groupId:artifactId}; PyPI: PEP 503 normalized)
 * @param version         the concrete version this declaration resolves to; null unless {@link VersionState#PINNED}
 * @param declaredVersion the version text as written (in the declaration, or in the Maven dependencyManagement entry
 *                        that supplies it; null when none is written); credentials in URLs are masked
 * @param manifest        repository-relative path of the manifest
 * @param line            1-based line of the declaration in the manifest
 * @param scope           where it is declared: Maven scope, Gradle configuration, package.json section, etc.
 * @param state           whether the version is pinned, ranged, unresolved or supplied from outside the repository
 */
public record Dependency(String ecosystem, String name, String version, String declaredVersion, String manifest,
                         int line, String scope, VersionState state) {

    /** user:password@ in a URL spec (git+https://token@host/..., pkg @ https://user:pw@host/...). */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/@\\s]+@");

    public Dependency {
        // A declared version may be a URL with a token in it; it must never reach a finding or the details.
        declaredVersion = declaredVersion == null ? null : URL_CREDENTIALS.matcher(declaredVersion).replaceAll("://***@");
    }

    public static Dependency pinned(String ecosystem, String name, String version, String declared, String manifest,
                                    int line, String scope) {
        return new Dependency(ecosystem, name, version, declared, manifest, line, scope, VersionState.PINNED);
    }

    public static Dependency unpinned(String ecosystem, String name, VersionState state, String declared,
                                      String manifest, int line, String scope) {
        return new Dependency(ecosystem, name, null, declared, manifest, line, scope, state);
    }

    /** The declaration line for a finding; null when the parser could not locate it. */
    public Integer findingLine() {
        return line > 0 ? line : null;
    }

    public Dependency withDeclared(String declared) {
        return new Dependency(ecosystem, name, version, declared, manifest, line, scope, state);
    }

}
