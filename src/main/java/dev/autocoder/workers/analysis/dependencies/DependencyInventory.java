package dev.autocoder.workers.analysis.dependencies;

import java.util.List;
import java.util.Set;

/**
 * Every dependency declared in the repository's manifests.
 *
 * @param dependencies    one entry per declaration, sorted by manifest and line
 * @param manifests       every manifest found, parsed or not, sorted
 * @param parseErrors     manifests that are malformed
 * @param skipped         manifests not read (binary, over the size limit, unreadable)
 * @param internalModules groupId:artifactId of the repository's own Maven modules (not third-party packages)
 */
public record DependencyInventory(List<Dependency> dependencies, List<String> manifests,
                                  List<ManifestProblem> parseErrors, List<ManifestProblem> skipped,
                                  Set<String> internalModules) {

    public List<Dependency> withState(VersionState state) {
        return dependencies.stream().filter(d -> d.state() == state).toList();
    }

    /** True when the dependency is one of the repository's own modules rather than a published package. */
    public boolean isInternal(Dependency dependency) {
        return Ecosystem.MAVEN.equals(dependency.ecosystem()) && internalModules.contains(dependency.name());
    }
}
