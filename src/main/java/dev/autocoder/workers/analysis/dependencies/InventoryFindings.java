package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The findings about the inventory itself, without any network: malformed manifests
 * ({@code manifest-parse-error}), packages at several versions ({@code version-conflict}), versions that
 * cannot be resolved ({@code unresolved-version}) and versions that are not pinned ({@code unpinned-version}).
 */
final class InventoryFindings {

    static final String CATEGORY = "dependencies";

    /**
     * @param unpinnedWithLockfile ranged declarations whose installs a lockfile next to the manifest pins
     */
    record Report(List<Finding> findings, List<String> recommendations, List<VersionConflict> conflicts,
                  int unpinned, int unpinnedWithLockfile, int unresolved) {
    }

    private InventoryFindings() {
    }

    static Report analyze(DependencyInventory inventory, Set<String> repositoryPaths) {
        List<Finding> findings = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        parseErrors(inventory, findings, recommendations);
        List<VersionConflict> conflicts = conflicts(inventory.dependencies());
        for (VersionConflict conflict : conflicts) {
            Dependency first = conflict.declarations().values().iterator().next().get(0);
            boolean sharedClasspath = Ecosystem.MAVEN.equals(conflict.ecosystem());
            findings.add(Finding.of("version-conflict", CATEGORY, sharedClasspath ? Severity.MEDIUM : Severity.LOW,
                    first.manifest(), first.findingLine(), first.findingLine(),
                    conflict.name() + " is declared at " + Plural.of(conflict.declarations().size(), "version", "versions") + ": "
                            + conflict.describe(),
                    conflict.ecosystem() + " " + conflict.name()));
            recommendations.add("Align " + conflict.name() + " on one version (now " + String.join(", ", conflict.declarations().keySet())
                    + ")" + (sharedClasspath ? ", e.g. in the dependencyManagement of a common parent pom or in the version catalog" : ""));
        }
        List<Dependency> unresolved = inventory.withState(VersionState.UNRESOLVED);
        for (Dependency dependency : unresolved) {
            String message = dependency.declaredVersion() == null
                    ? dependency.name() + ": no version, and no dependencyManagement in the repository supplies one"
                    : dependency.name() + ": version " + dependency.declaredVersion()
                    + " cannot be resolved from the repository (undefined property or variable)";
            findings.add(Finding.of("unresolved-version", CATEGORY, Severity.LOW, dependency.manifest(),
                    dependency.findingLine(), dependency.findingLine(), message, dependency.name() + " " + dependency.declaredVersion()));
        }
        byManifest(unresolved).forEach((manifest, list) -> recommendations.add("Define the version of " + Plural.of(list.size(), "dependency", "dependencies")
                + " in " + manifest + " that cannot be resolved (" + names(list) + ")"));
        List<Dependency> ranged = inventory.withState(VersionState.RANGED);
        int withLockfile = 0;
        for (Dependency dependency : ranged) {
            Optional<String> lockfile = Lockfiles.of(dependency.manifest(), repositoryPaths);
            withLockfile += lockfile.isPresent() ? 1 : 0;
            String constraint = dependency.declaredVersion() == null ? "has no version constraint"
                    : "has the unpinned version \"" + dependency.declaredVersion() + "\"";
            findings.add(Finding.of("unpinned-version", CATEGORY, lockfile.isPresent() ? Severity.INFO : Severity.LOW,
                    dependency.manifest(), dependency.findingLine(), dependency.findingLine(),
                    dependency.name() + " " + constraint + " (" + dependency.scope() + "); "
                            + lockfile.map(l -> l + " pins what is installed, the manifest alone does not")
                            .orElse("each install may resolve a different version"),
                    dependency.name() + " " + dependency.declaredVersion()));
        }
        byManifest(ranged).forEach((manifest, list) -> recommendations.add("Pin " + Plural.of(list.size(), "ranged "
                + list.get(0).ecosystem() + " version", "ranged " + list.get(0).ecosystem() + " versions") + " in " + manifest
                + (Lockfiles.of(manifest, repositoryPaths).isPresent() ? "" : " (no lockfile pins them)")));
        return new Report(findings, recommendations, conflicts, ranged.size(), withLockfile, unresolved.size());
    }

    private static void parseErrors(DependencyInventory inventory, List<Finding> findings, List<String> recommendations) {
        for (ManifestProblem problem : inventory.parseErrors()) {
            Integer line = problem.line() > 0 ? problem.line() : null;
            findings.add(Finding.of("manifest-parse-error", CATEGORY, Severity.MEDIUM, problem.manifest(), line, line,
                    problem.manifest() + " could not be parsed: " + problem.reason() + "; its dependencies are not inventoried",
                    problem.manifest()));
            recommendations.add("Fix " + problem.manifest() + " (" + problem.reason() + ") so its dependencies can be checked");
        }
    }

    /** Packages with more than one concrete version, by ecosystem and name. */
    static List<VersionConflict> conflicts(List<Dependency> dependencies) {
        Map<String, List<Dependency>> byPackage = dependencies.stream()
                .filter(d -> d.state() == VersionState.PINNED)
                .collect(Collectors.groupingBy(d -> d.ecosystem() + "\u0000" + d.name(), TreeMap::new, Collectors.toList()));
        List<VersionConflict> conflicts = new ArrayList<>();
        for (List<Dependency> uses : byPackage.values()) {
            Map<String, List<Dependency>> byVersion = uses.stream().collect(Collectors.groupingBy(Dependency::version,
                    () -> new TreeMap<>(VersionOrder.of(uses.get(0).ecosystem()).thenComparing(Comparator.naturalOrder())), Collectors.toList()));
            if (byVersion.size() > 1) {
                conflicts.add(new VersionConflict(uses.get(0).ecosystem(), uses.get(0).name(), byVersion));
            }
        }
        return conflicts;
    }

    private static Map<String, List<Dependency>> byManifest(List<Dependency> dependencies) {
        return dependencies.stream().collect(Collectors.groupingBy(Dependency::manifest, LinkedHashMap::new, Collectors.toList()));
    }

    private static String names(List<Dependency> dependencies) {
        return dependencies.stream().map(Dependency::name).distinct().limit(5).collect(Collectors.joining(", "))
                + (dependencies.size() > 5 ? ", ..." : "");
    }
}
