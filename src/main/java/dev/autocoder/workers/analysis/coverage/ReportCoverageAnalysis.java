package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * The "coverage-report" method: measured line and branch coverage from the reports {@link ReportSelection} used.
 * <p>
 * Only classes in main-scope files count: classes of test, generated or fixture files and classes whose source
 * is not in the repository are left out (and counted in {@code details.classes_left_out}), so they are neither
 * covered nor uncovered main code. Classes of all used reports are merged; a class that several reports list (a
 * module report and an aggregate report) counts once, with the report that covers the most of its lines. Classes
 * are ranked by missed lines (then lower coverage, then name); each class with lines below {@value #THRESHOLD}
 * line coverage is a {@code low-coverage} finding: high under 10%, medium under 30%, low under 50%.
 */
final class ReportCoverageAnalysis {

    static final double THRESHOLD = 0.5;
    static final int LISTED_CLASSES = 10;
    static final String QUALITY_FORMULA = "0.75 x line coverage + 0.25 x branch coverage over main-scope classes;"
            + " line coverage alone when the reports count no branches";
    static final String NOT_IN_REPOSITORY = "not in the repository";

    PerspectiveResult analyze(Snapshot snapshot, ReportSelection selection, List<UnreadableReport> unreadable,
                              JavaModel model) {
        Map<String, List<DeclaredType>> types = model == null ? Map.of() : DeclaredType.byQualifiedName(model);
        List<ClassCoverage> classes = merge(selection.mainClasses(snapshot));
        Map<String, Long> leftOut = leftOut(snapshot, selection);
        CoverageCounts total = CoverageCounts.sum(classes);
        List<ClassCoverage> ranked = classes.stream()
                .filter(c -> c.counts().lines() > 0)
                .sorted(Comparator.comparingLong((ClassCoverage c) -> -c.counts().linesMissed())
                        .thenComparingDouble(c -> c.counts().lineCoverage())
                        .thenComparing(ClassCoverage::displayName))
                .toList();
        List<ClassCoverage> below = ranked.stream().filter(c -> c.counts().lineCoverage() < THRESHOLD).toList();
        List<Finding> findings = below.stream().map(c -> finding(c, declared(c, types))).toList();
        List<CoverageReport> used = selection.used().stream().map(ReportSelection.UsedReport::report).toList();
        String method = method(used);

        Double quality = total.branchCoverage() == null ? total.lineCoverage()
                : 0.75 * total.lineCoverage() + 0.25 * total.branchCoverage();
        return new PerspectiveResult(Status.OK, reason(unreadable), summary(method, used, selection, unreadable,
                total, ranked, below, leftOut), quality, findings, recommendations(below, unreadable),
                metrics(selection, unreadable, total, classes, below, leftOut),
                details(snapshot, method, selection, unreadable, total, classes, ranked, types, leftOut));
    }

    /**
     * Classes of the used reports that are not main code, counted once each by scope label or
     * {@value #NOT_IN_REPOSITORY}; a class another report resolves to main code is not left out.
     */
    private static Map<String, Long> leftOut(Snapshot snapshot, ReportSelection selection) {
        Set<String> main = selection.mainClasses(snapshot).stream().map(ReportCoverageAnalysis::key)
                .collect(Collectors.toSet());
        Map<String, Set<String>> leftOut = new TreeMap<>();
        selection.used().stream().flatMap(u -> u.classes().stream()).forEach(c -> {
            Scope scope = ReportSelection.scope(snapshot, c);
            if (scope != Scope.MAIN && !main.contains(key(c))) {
                leftOut.computeIfAbsent(scope == null ? NOT_IN_REPOSITORY : scope.label(), k -> new HashSet<>())
                        .add(key(c));
            }
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        leftOut.forEach((label, keys) -> counts.put(label, (long) keys.size()));
        return counts;
    }

    /** The Java type a report class stands for, preferably in its resolved file; LCOV entries are files. */
    private static DeclaredType declared(ClassCoverage c, Map<String, List<DeclaredType>> types) {
        List<DeclaredType> candidates = c.format().perFile() ? List.of()
                : types.getOrDefault(c.qualifiedName(), List.of());
        return candidates.stream().filter(t -> t.file().path().equals(c.file())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private static List<ClassCoverage> merge(List<ClassCoverage> classes) {
        Map<String, ClassCoverage> best = new LinkedHashMap<>();
        for (ClassCoverage c : classes) {
            best.merge(key(c), c,
                    (kept, other) -> other.counts().linesCovered() > kept.counts().linesCovered() ? other : kept);
        }
        return List.copyOf(best.values());
    }

    /** One class, however many reports list it. */
    private static String key(ClassCoverage c) {
        return c.packageName() + '\u0000' + c.className();
    }

    static String method(List<CoverageReport> reports) {
        return "coverage-report (" + reports.stream().map(CoverageReport::format).distinct().sorted()
                .map(CoverageFormat::label).collect(Collectors.joining(", ")) + ")";
    }

    private static Finding finding(ClassCoverage c, DeclaredType declared) {
        CoverageCounts counts = c.counts();
        double coverage = counts.lineCoverage();
        Severity severity = coverage < 0.10 ? Severity.HIGH : coverage < 0.30 ? Severity.MEDIUM : Severity.LOW;
        String branches = counts.branches() == 0 ? ""
                : ", " + counts.branchesCovered() + " of " + Plural.of(counts.branches(), "branch");
        String message = (c.format().perFile() ? "file " : "class ") + c.displayName() + " has "
                + Percent.of(coverage) + " line coverage (" + counts.linesCovered() + " of " + Plural.of(counts.lines(), "line")
                + branches + "), below the " + Percent.of(THRESHOLD) + " threshold";
        Integer line = declared == null ? null : declared.type().beginLine();
        Integer endLine = declared == null ? null : declared.type().endLine();
        return Finding.of("low-coverage", "test-coverage", severity, c.file(), line, endLine, message,
                "coverage of " + c.displayName());
    }

    private static String reason(List<UnreadableReport> unreadable) {
        return unreadable.isEmpty() ? null : unreadableSentence(unreadable);
    }

    static String unreadableSentence(List<UnreadableReport> unreadable) {
        return unreadable.size() + (unreadable.size() == 1 ? " coverage report" : " coverage reports")
                + " could not be read: " + unreadable.stream().map(u -> u.path() + " (" + u.reason() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String summary(String method, List<CoverageReport> used, ReportSelection selection,
                                  List<UnreadableReport> unreadable, CoverageCounts total, List<ClassCoverage> ranked,
                                  List<ClassCoverage> below, Map<String, Long> leftOut) {
        StringBuilder text = new StringBuilder("Line coverage ").append(Percent.of(total.lineCoverage()))
                .append(" (").append(total.linesCovered()).append(" of ").append(Plural.of(total.lines(), "line")).append(')');
        if (total.branches() > 0) {
            text.append(", branch coverage ").append(Percent.of(total.branchCoverage())).append(" (")
                    .append(total.branchesCovered()).append(" of ").append(Plural.of(total.branches(), "branch")).append(")");
        }
        text.append(" by ").append(method).append(" from ")
                .append(used.stream().map(CoverageReport::path).collect(Collectors.joining(", ")))
                .append("; ").append(below.size()).append(" of ").append(Plural.of(ranked.size(), "class"))
                .append(" below ").append(Percent.of(THRESHOLD)).append('.');
        if (!ranked.isEmpty() && ranked.get(0).counts().linesMissed() > 0) {
            ClassCoverage least = ranked.get(0);
            text.append(" Most missed lines: ").append(least.displayName()).append(" (")
                    .append(least.counts().linesMissed()).append(" missed, ")
                    .append(Percent.of(least.counts().lineCoverage())).append(").");
        }
        if (!leftOut.isEmpty()) {
            text.append(" Left out as not main code: ").append(leftOut.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append('.');
        }
        if (selection.ignoredSentence() != null) {
            text.append(' ').append(selection.ignoredSentence());
        }
        if (!unreadable.isEmpty()) {
            text.append(' ').append(unreadableSentence(unreadable));
        }
        return text.toString();
    }

    private static List<String> recommendations(List<ClassCoverage> below, List<UnreadableReport> unreadable) {
        List<String> recommendations = new ArrayList<>();
        below.stream().limit(5).forEach(c -> recommendations.add("Add tests for " + c.displayName() + ": "
                + c.counts().linesMissed() + " of " + Plural.of(c.counts().lines(), "line")
                + (c.counts().linesMissed() == 1 ? " is" : " are") + " never run ("
                + Percent.of(c.counts().lineCoverage()) + " line coverage)."));
        unreadable.forEach(u -> recommendations.add("Regenerate or fix the coverage report " + u.path()
                + "; it could not be read (" + u.reason() + ")."));
        return recommendations;
    }

    private static List<Metric> metrics(ReportSelection selection, List<UnreadableReport> unreadable,
                                        CoverageCounts total, List<ClassCoverage> classes, List<ClassCoverage> below,
                                        Map<String, Long> leftOut) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("line_coverage", total.lineCoverage()));
        if (total.branches() > 0) {
            metrics.add(Metric.of("branch_coverage", total.branchCoverage()));
        }
        metrics.add(Metric.of("coverage_reports", selection.used().size()));
        metrics.add(Metric.of("coverage_reports_ignored", selection.ignored().size()));
        metrics.add(Metric.of("coverage_reports_unreadable", unreadable.size()));
        metrics.add(Metric.of("lines_covered", total.linesCovered()));
        metrics.add(Metric.of("lines_missed", total.linesMissed()));
        metrics.add(Metric.of("branches_covered", total.branchesCovered()));
        metrics.add(Metric.of("branches_missed", total.branchesMissed()));
        metrics.add(Metric.of("classes_total", classes.size()));
        metrics.add(Metric.of("classes_below_threshold", below.size()));
        metrics.add(Metric.of("classes_left_out", leftOut.values().stream().mapToLong(Long::longValue).sum()));
        return metrics;
    }

    private static Map<String, Object> details(Snapshot snapshot, String method, ReportSelection selection,
                                               List<UnreadableReport> unreadable, CoverageCounts total,
                                               List<ClassCoverage> classes, List<ClassCoverage> ranked,
                                               Map<String, List<DeclaredType>> types, Map<String, Long> leftOut) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("reports_used", selection.used().stream().map(u -> {
            List<ClassCoverage> main = u.classes().stream()
                    .filter(c -> ReportSelection.scope(snapshot, c) == Scope.MAIN).toList();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("path", u.report().path());
            report.put("format", u.report().format().label());
            report.put("resolved_share", u.resolvedShare());
            report.put("classes", u.classes().size());
            report.put("classes_main", main.size());
            report.putAll(counts(CoverageCounts.sum(main)));
            return report;
        }).toList());
        details.put("reports_ignored", selection.ignoredDetails());
        details.put("unreadable_reports", unreadable.stream()
                .map(u -> Map.of("path", u.path(), "reason", u.reason())).toList());
        details.put("scope", Scope.MAIN.label());
        details.put("classes_left_out", leftOut);
        details.put("threshold", THRESHOLD);
        details.put("quality_formula", QUALITY_FORMULA);
        details.put("total", counts(total));
        details.put("packages", CoverageCounts.byPackage(classes).entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("package", e.getKey());
            row.putAll(counts(e.getValue()));
            return row;
        }).toList());
        details.put("least_covered", ranked.stream().limit(LISTED_CLASSES).map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", c.displayName());
            row.put("file", c.file());
            DeclaredType declared = declared(c, types);
            row.put("line", declared == null ? null : declared.type().beginLine());
            row.putAll(counts(c.counts()));
            return row;
        }).toList());
        return details;
    }

    private static Map<String, Object> counts(CoverageCounts counts) {
        return ordered("lines_covered", counts.linesCovered(), "lines_missed", counts.linesMissed(),
                "line_coverage", counts.lineCoverage(), "branches_covered", counts.branchesCovered(),
                "branches_missed", counts.branchesMissed(), "branch_coverage", counts.branchCoverage());
    }
}
