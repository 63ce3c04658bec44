package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.row.Plural;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * Dependency Analysis: inventories every manifest of the repository (Maven, Gradle and version catalogs, npm,
 * pip/pyproject, Go modules), checks the pinned third-party versions against OSV for known vulnerabilities,
 * and reports hygiene problems: unpinned and unresolved versions, one package at several versions, malformed
 * manifests.
 * <p>
 * Quality score (implemented in {@link DependencyScore}), 0..1:
 * <pre>
 * V = min(1, 0.40·critical + 0.25·high + 0.10·medium + 0.03·low)      over (package version, advisory) pairs
 * H = min(1, (unpinned_without_lockfile + 0.25·unpinned_with_lockfile + unresolved + 2·conflicts + 2·parse_errors)
 *            / max(1, dependencies_total + parse_errors))
 * score = (1 − V) × (1 − 0.5·H)
 * </pre>
 * The score is null when the vulnerability lookup was unavailable: a score without it would silently claim
 * there are no vulnerabilities.
 */
@Component
public class DependencyPerspective extends AnalysisPerspective {

    /** At most this many inventory entries are published in {@code details.inventory}. */
    public static final int MAX_INVENTORY_DETAILS = 500;
    static final String SKIP_REASON = "no dependency manifest found (looked for " + ManifestScanner.LOOKED_FOR + ")";
    private static final List<String> ECOSYSTEMS = List.of(Ecosystem.MAVEN, Ecosystem.NPM, Ecosystem.PYPI, Ecosystem.GO);

    private final ManifestScanner scanner = new ManifestScanner();
    private final OsvClient osv;

    public DependencyPerspective(OsvClient osv) {
        super("dependencies", "Dependency Analysis");
        this.osv = osv;
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        DependencyInventory inventory = scanner.scan(snapshot);
        if (inventory.manifests().isEmpty()) {
            return PerspectiveResult.skipped(SKIP_REASON, List.of(Metric.of("manifests", 0), Metric.of("dependencies_total", 0)));
        }
        Set<String> paths = snapshot.files().stream().map(SourceFile::path).collect(Collectors.toSet());
        InventoryFindings.Report hygiene = InventoryFindings.analyze(inventory, paths);

        // Only concrete third-party versions can be looked up; the repository's own modules are not published.
        List<Dependency> checkable = inventory.dependencies().stream()
                .filter(d -> d.state() == VersionState.PINNED && !inventory.isInternal(d)).toList();
        OsvLookup lookup = checkable.isEmpty() ? new OsvLookup(true, null, Map.of(), 0)
                : osv.lookup(checkable.stream().map(OsvPackage::of).toList());
        VulnerabilityFindings.Report vulnerabilities = VulnerabilityFindings.of(checkable, lookup);

        List<Finding> findings = new ArrayList<>(vulnerabilities.findings());
        findings.addAll(hygiene.findings());
        List<String> recommendations = new ArrayList<>(vulnerabilities.recommendations());
        if (!lookup.available()) {
            recommendations.add("Re-run when OSV is reachable to check " + Plural.of(lookup.queried(),
                    "pinned package version", "pinned package versions") + " for known vulnerabilities");
        }
        recommendations.addAll(hygiene.recommendations());

        Double score = lookup.available() ? DependencyScore.of(vulnerabilities.bySeverity(),
                hygiene.unpinned() - hygiene.unpinnedWithLockfile(), hygiene.unpinnedWithLockfile(), hygiene.unresolved(),
                hygiene.conflicts().size(), inventory.parseErrors().size(), inventory.dependencies().size()) : null;
        return new PerspectiveResult(Status.OK, reason(inventory, lookup),
                summary(inventory, hygiene, vulnerabilities, lookup), score, findings, recommendations,
                metrics(inventory, hygiene, vulnerabilities, lookup), details(inventory, hygiene, vulnerabilities, lookup));
    }

    /** Why the result is partial: unavailable or incomplete lookups, manifests that could not be read. */
    private static String reason(DependencyInventory inventory, OsvLookup lookup) {
        List<String> reasons = new ArrayList<>();
        if (!lookup.available()) {
            reasons.add("vulnerability lookup unavailable: " + lookup.reason());
        } else if (lookup.reason() != null) {
            reasons.add("vulnerability lookup incomplete: " + lookup.reason());
        }
        if (!inventory.parseErrors().isEmpty()) {
            reasons.add(Plural.of(inventory.parseErrors().size(), "manifest", "manifests") + " could not be parsed");
        }
        if (!inventory.skipped().isEmpty()) {
            reasons.add(Plural.of(inventory.skipped().size(), "manifest", "manifests") + " not read");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String summary(DependencyInventory inventory, InventoryFindings.Report hygiene,
                                  VulnerabilityFindings.Report vulnerabilities, OsvLookup lookup) {
        Map<String, Long> perEcosystem = perEcosystem(inventory);
        StringBuilder text = new StringBuilder(Plural.of(inventory.dependencies().size(), "dependency", "dependencies"))
                .append(" in ").append(Plural.of(inventory.manifests().size(), "manifest", "manifests"));
        String ecosystems = perEcosystem.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        text.append(ecosystems.isEmpty() ? "" : " (" + ecosystems + ")").append("; ");
        if (!lookup.available()) {
            text.append("vulnerability lookup unavailable: ").append(lookup.reason());
        } else if (lookup.queried() == 0) {
            text.append("no pinned third-party version to check for known vulnerabilities");
        } else {
            text.append(Plural.of(vulnerabilities.vulnerabilities(), "known vulnerability", "known vulnerabilities"))
                    .append(" in ").append(Plural.of(vulnerabilities.vulnerablePackages(), "package version", "package versions"))
                    .append(" of ").append(lookup.queried()).append(" checked");
            String severities = vulnerabilities.bySeverity().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
            text.append(severities.isEmpty() ? "" : " (" + severities + ")");
        }
        text.append("; ").append(Plural.of(hygiene.conflicts().size(), "version conflict", "version conflicts"))
                .append(", ").append(hygiene.unpinned()).append(" unpinned, ").append(hygiene.unresolved()).append(" unresolved");
        if (!inventory.parseErrors().isEmpty()) {
            text.append(", ").append(Plural.of(inventory.parseErrors().size(), "malformed manifest", "malformed manifests"));
        }
        return text.append('.').toString();
    }

    private static Map<String, Long> perEcosystem(DependencyInventory inventory) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ECOSYSTEMS.forEach(e -> counts.put(e, 0L));
        inventory.dependencies().forEach(d -> counts.merge(d.ecosystem(), 1L, Long::sum));
        return counts;
    }

    private static List<Metric> metrics(DependencyInventory inventory, InventoryFindings.Report hygiene,
                                        VulnerabilityFindings.Report vulnerabilities, OsvLookup lookup) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("dependencies_total", inventory.dependencies().size()));
        perEcosystem(inventory).forEach((ecosystem, n) -> metrics.add(Metric.of("dependencies_" + Ecosystem.metricKey(ecosystem), n)));
        metrics.add(Metric.of("manifests", inventory.manifests().size()));
        metrics.add(Metric.of("manifest_parse_errors", inventory.parseErrors().size()));
        metrics.add(Metric.of("manifests_skipped", inventory.skipped().size()));
        metrics.add(Metric.of("unpinned_versions", hygiene.unpinned()));
        metrics.add(Metric.of("unresolved_versions", hygiene.unresolved()));
        metrics.add(Metric.of("external_versions", inventory.withState(VersionState.EXTERNAL).size()));
        metrics.add(Metric.of("version_conflicts", hygiene.conflicts().size()));
        metrics.add(Metric.of("osv_lookup_available", lookup.available() ? 1 : 0));
        metrics.add(Metric.of("osv_queried_packages", lookup.queried()));
        if (lookup.available()) {
            // When the lookup failed these counts are unknown, and a 0 would read as "no vulnerabilities".
            metrics.add(Metric.of("vulnerable_dependencies", vulnerabilities.vulnerablePackages()));
            metrics.add(Metric.of("vulnerabilities", vulnerabilities.vulnerabilities()));
            for (Severity severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
                metrics.add(Metric.of("vulnerabilities_" + severity.label(), vulnerabilities.bySeverity().getOrDefault(severity, 0)));
            }
        }
        return metrics;
    }

    private static Map<String, Object> details(DependencyInventory inventory, InventoryFindings.Report hygiene,
                                               VulnerabilityFindings.Report vulnerabilities, OsvLookup lookup) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<Dependency> dependencies = inventory.dependencies();
        details.put("inventory", dependencies.stream().limit(MAX_INVENTORY_DETAILS).map(DependencyPerspective::entry).toList());
        details.put("inventory_total", dependencies.size());
        details.put("inventory_truncated", dependencies.size() > MAX_INVENTORY_DETAILS);
        details.put("manifests", inventory.manifests());
        Map<String, Object> osvDetails = new LinkedHashMap<>();
        osvDetails.put("available", lookup.available());
        osvDetails.put("reason", lookup.reason());
        osvDetails.put("queried_packages", lookup.queried());
        details.put("osv", osvDetails);
        details.put("vulnerable", lookup.available() ? vulnerabilities.details() : null);
        details.put("conflicts", hygiene.conflicts().stream().map(c -> {
            Map<String, Object> conflict = new LinkedHashMap<>();
            conflict.put("ecosystem", c.ecosystem());
            conflict.put("name", c.name());
            Map<String, List<String>> versions = new TreeMap<>(VersionOrder.of(c.ecosystem()));
            c.declarations().forEach((v, uses) -> versions.put(v, uses.stream().map(d -> d.manifest() + ":" + d.line()).toList()));
            conflict.put("versions", versions);
            return conflict;
        }).toList());
        details.put("parse_errors", inventory.parseErrors());
        details.put("skipped_manifests", inventory.skipped());
        return details;
    }

    private static Map<String, Object> entry(Dependency dependency) {
        return ordered("ecosystem", dependency.ecosystem(), "name", dependency.name(), "version", dependency.version(),
                "declared_version", dependency.declaredVersion(), "state", dependency.state().label(),
                "manifest", dependency.manifest(), "line", dependency.line(), "scope", dependency.scope());
    }
}
