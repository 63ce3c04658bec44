package dev.autocoder.workers.analysis.dependencies;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lockfile that pins what a ranged manifest actually installs, if the repository has one next to the
 * manifest (or at the root, for workspaces). Maven poms and requirements files have no lockfile of their own.
 */
final class Lockfiles {

    private static final Map<String, List<String>> BY_MANIFEST = Map.of(
            "package.json", List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"),
            "pyproject.toml", List.of("poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock"),
            "build.gradle", List.of("gradle.lockfile"),
            "build.gradle.kts", List.of("gradle.lockfile"),
            "libs.versions.toml", List.of("gradle.lockfile"));

    private Lockfiles() {
    }

    static Optional<String> of(String manifest, Set<String> repositoryPaths) {
        String name = manifest.substring(manifest.lastIndexOf('/') + 1);
        String folder = manifest.substring(0, manifest.lastIndexOf('/') + 1);
        for (String lockfile : BY_MANIFEST.getOrDefault(name, List.of())) {
            for (String candidate : List.of(folder + lockfile, lockfile)) {
                if (repositoryPaths.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
