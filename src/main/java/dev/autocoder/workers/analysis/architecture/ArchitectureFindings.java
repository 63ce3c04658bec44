package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.FAR_FROM_MAIN_SEQUENCE;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HIGHLY_COUPLED_EFFERENT;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HIGH_SEVERITY_HOTSPOTS;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.HOTSPOTS_REPORTED;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.MEMBERS_IN_MESSAGE;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.OVERSIZED_LINES;
import static dev.autocoder.workers.analysis.architecture.ArchitectureLimits.OVERSIZED_METHODS;

/** Turns an {@link ArchitectureAnalysis} into findings and recommendations. */
final class ArchitectureFindings {

    static final String CATEGORY = "architecture";
    static final String PACKAGE_CYCLE = "package-cycle";
    static final String HIGHLY_COUPLED_CLASS = "highly-coupled-class";
    static final String OVERSIZED_CLASS = "oversized-class";
    static final String HOTSPOT = "hotspot";

    private ArchitectureFindings() {
    }

    static List<Finding> of(ArchitectureAnalysis analysis) {
        List<Finding> findings = new ArrayList<>();
        for (DependencyCycle cycle : analysis.cycles()) {
            findings.add(Finding.of(PACKAGE_CYCLE, CATEGORY, Severity.HIGH, cycle.firstFile(), null, null,
                    "Dependency cycle among " + Plural.of(cycle.members().size(), "package") + " ("
                            + Plural.of(cycle.edges().size(), "import edge") + "): " + listMembers(cycle.members()),
                    "cycle " + String.join(" ", cycle.members())));
        }
        for (ClassMetrics c : analysis.classes()) {
            if (c.efferent() > HIGHLY_COUPLED_EFFERENT) {
                findings.add(Finding.of(HIGHLY_COUPLED_CLASS, CATEGORY, Severity.MEDIUM, c.file(), c.beginLine(),
                        c.endLine(), c.type() + " imports " + typesOrPackages(c.efferent()) + " (more than "
                                + HIGHLY_COUPLED_EFFERENT + ")", "class " + c.type()));
            }
            if (c.lines() > OVERSIZED_LINES || c.methods() > OVERSIZED_METHODS) {
                findings.add(Finding.of(OVERSIZED_CLASS, CATEGORY, Severity.LOW, c.file(), c.beginLine(),
                        c.endLine(), c.type() + " has " + Plural.of(c.lines(), "line") + " and "
                                + Plural.of(c.methods(), "method") + " (limits: " + OVERSIZED_LINES + " lines, "
                                + OVERSIZED_METHODS + " methods)",
                        "class " + c.type()));
            }
        }
        findings.addAll(hotspotFindings(analysis.hotspots()));
        return findings;
    }

    /**
     * The top-ranked hotspots as findings, the first {@value ArchitectureLimits#HIGH_SEVERITY_HOTSPOTS} high. A file
     * with one commit in the window has not changed since it came (a first import, a new file): its rank is
     * complexity alone, which code quality reports already, so it is low.
     */
    static List<Finding> hotspotFindings(List<Hotspot> ranked) {
        List<Finding> findings = new ArrayList<>();
        for (Hotspot h : top(ranked)) {
            Severity severity = h.commits() <= 1 ? Severity.LOW
                    : h.rank() <= HIGH_SEVERITY_HOTSPOTS ? Severity.HIGH : Severity.MEDIUM;
            findings.add(Finding.of(HOTSPOT, CATEGORY, severity, h.file(), null, null,
                    h.file() + ": " + commits(h.commits()) + " × complexity " + h.complexity(), "hotspot " + h.file()));
        }
        return findings;
    }

    private static String typesOrPackages(int count) {
        return Plural.of(count, "project type or package", "project types or packages");
    }

    static String commits(int count) {
        return count == 1 ? "1 commit" : count + " commits";
    }

    static List<Hotspot> topHotspots(ArchitectureAnalysis analysis) {
        return top(analysis.hotspots());
    }

    static List<Hotspot> top(List<Hotspot> ranked) {
        return ranked.stream().limit(HOTSPOTS_REPORTED).toList();
    }

    /**
     * The top hotspot first; when it has one commit in the window (a shallow clone, a first import) churn ranks
     * nothing, so the recommendation says it is the most complex file rather than the most churned.
     */
    static Optional<String> hotspotRecommendation(List<Hotspot> ranked) {
        return ranked.stream().findFirst().map(h -> h.commits() <= 1
                ? "Refactor or cover with tests " + h.file() + " first: complexity " + h.complexity() + ", the highest in the "
                + "repository; it has not changed since it came (1 commit in the churn window), so churn does not rank it."
                : "Refactor or cover with tests " + h.file() + " first: it changed in " + commits(h.commits())
                + " and has complexity " + h.complexity() + ", the highest churn × complexity in the repository.");
    }

    /** Most important first: cycles, then hotspots, coupling, packages off the main sequence, parse failures. */
    static List<String> recommendations(ArchitectureAnalysis analysis) {
        List<String> recommendations = new ArrayList<>();
        if (!analysis.cycles().isEmpty()) {
            DependencyCycle largest = analysis.cycles().get(0);
            recommendations.add("Break the " + Plural.of(analysis.cycles().size(), "package dependency cycle") + ", starting with "
                    + listMembers(largest.members()) + ": move the types both sides need into a lower-level package, "
                    + "or invert one dependency behind an interface.");
        }
        hotspotRecommendation(analysis.hotspots()).ifPresent(recommendations::add);
        analysis.classes().stream()
                .filter(c -> c.efferent() > HIGHLY_COUPLED_EFFERENT)
                .max(Comparator.comparingInt(ClassMetrics::efferent))
                .ifPresent(c -> recommendations.add("Split " + c.type() + ", which imports "
                        + typesOrPackages(c.efferent()) + ", into parts that each depend on fewer of them."));
        farthestFromMainSequence(analysis).ifPresent(p -> recommendations.add("Package " + displayName(p.name())
                + " is far from the main sequence (D = " + round(p.distance()) + ", A = " + round(p.abstractness())
                + ", I = " + round(p.instability()) + "): " + (p.abstractness() + p.instability() < 1
                ? "it is concrete and depended upon; introduce abstractions its " + Plural.of(p.afferent(), "dependent")
                        + " can use."
                : "it is abstract yet few packages depend on it; remove abstractions nothing implements or uses.")));
        if (!analysis.unparseableFiles().isEmpty()) {
            recommendations.add("Fix " + Plural.the(analysis.unparseableFiles().size(), "Java file")
                    + (analysis.unparseableFiles().size() == 1 ? " that does not parse; it is" : " that do not parse; they are")
                    + " left out of the architecture review.");
        }
        return recommendations;
    }

    private static Optional<PackageMetrics> farthestFromMainSequence(ArchitectureAnalysis analysis) {
        return analysis.packages().stream()
                .filter(p -> p.distance() != null && p.distance() >= FAR_FROM_MAIN_SEQUENCE && p.afferent() > 0)
                .max(Comparator.comparingDouble(PackageMetrics::distance));
    }

    private static String listMembers(List<String> members) {
        List<String> shown = members.stream().limit(MEMBERS_IN_MESSAGE).map(ArchitectureFindings::displayName).toList();
        String list = String.join(", ", shown);
        return members.size() > shown.size() ? list + " and " + (members.size() - shown.size()) + " more" : list;
    }

    static String displayName(String packageName) {
        return Objects.requireNonNullElse(packageName, "").isEmpty() ? "(default package)" : packageName;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
