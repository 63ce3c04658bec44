package dev.autocoder.workers.analysis.dependencies;

import java.util.List;
import java.util.Map;

/**
 * The answer of one vulnerability lookup.
 *
 * @param available       false when OSV could not be asked or answered nonsense: then nothing is known, and
 *                        {@code vulnerabilities} is empty without meaning "no vulnerabilities"
 * @param reason          why the lookup is unavailable or partial; null when it fully succeeded
 * @param vulnerabilities per queried package, the advisories affecting it (packages without any are absent)
 * @param queried         how many distinct packages were looked up
 */
record OsvLookup(boolean available, String reason, Map<OsvPackage, List<OsvVulnerability>> vulnerabilities,
                        int queried) {

    public static OsvLookup unavailable(String reason, int queried) {
        return new OsvLookup(false, reason, Map.of(), queried);
    }

    public List<OsvVulnerability> vulnerabilitiesOf(OsvPackage pkg) {
        return vulnerabilities.getOrDefault(pkg, List.of());
    }
}
