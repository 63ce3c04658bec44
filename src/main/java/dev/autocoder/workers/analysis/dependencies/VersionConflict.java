package dev.autocoder.workers.analysis.dependencies;

import java.util.List;
import java.util.Map;

/**
 * One package declared at several concrete versions across the repository's manifests.
 *
 * @param declarations per version (in version order), the declarations that use it
 */
record VersionConflict(String ecosystem, String name, Map<String, List<Dependency>> declarations) {

    /** "31.1-jre (a/pom.xml:12), 32.1.2-jre (b/pom.xml:9, c/pom.xml:9)". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        declarations.forEach((version, uses) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(version).append(" (")
                    .append(String.join(", ", uses.stream().map(d -> d.manifest() + ":" + d.line()).toList()))
                    .append(')');
        });
        return text.toString();
    }
}
