package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.analysis.javamodel.JavaModel;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.worker.Finding;
import dev.autocoder.workers.worker.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.worker.Severity;
import dev.autocoder.workers.worker.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "coverage-report" method: measured line and branch coverage from the reports found.
 * <p>
 * Classes of all readable reports are merged; a class that several reports list (a module report and an
 * aggregate report) counts once, with the report that covers the most of its lines. Classes are ranked by
 * missed lines (then lower coverage, then name); each class with lines below {@value #THRESHOLD} line
 * coverage is a {@code low-coverage} finding: high under 10%, medium under 30%, low under 50%.
 */
final class ReportCoverageAnalysis {

    static final double THRESHOLD = 0.5;
    static final int LISTED_CLASSES = 10;
    static final String QUALITY_FORMULA =
            "0.75 x line coverage + 0.25 x branch coverage; line coverage alone when the reports count no branches";

    PerspectiveResult analyze(Snapshot snapshot, FoundReports found, JavaModel model) {
        Map<String, List<DeclaredType>> types = model == null ? Map.of() : DeclaredType.byQualifiedName(model);
        List<ClassCoverage> classes = merge(resolve(snapshot, found.readable(), types));
        CoverageCounts total = CoverageCounts.sum(classes);
        List<ClassCoverage> ranked = classes.stream()
                .filter(c -> c.counts().lines() > 0)
                .sorted(Comparator.comparingLong((ClassCoverage c) -> -c.counts().linesMissed())
                        .thenComparingDouble(c -> c.counts().lineCoverage())
                        .thenComparing(ClassCoverage::displayName))
                .toList();
        List<ClassCoverage> below = ranked.stream().filter(c -> c.counts().lineCoverage() < THRESHOLD).toList();
        List<Finding> findings = below.stream().map(c -> finding(c, declared(c, types))).toList();
        String method = method(found.readable());

        Double quality = total.branchCoverage() == null ? total.lineCoverage()
                : 0.75 * total.lineCoverage() + 0.25 * total.branchCoverage();
        return new PerspectiveResult(Status.OK, reason(found), summary(method, found, total, ranked, below),
                quality, findings, recommendations(below, found), metrics(found, total, classes, below),
                details(method, found, total, classes, ranked, types));
    }

    /** Resolves each class's source file against the snapshot; LCOV files take their folder as package. */
    private static List<ClassCoverage> resolve(Snapshot snapshot, List<CoverageReport> reports,
                                               Map<String, List<DeclaredType>> types) {
        SourcePathResolver resolver = new SourcePathResolver(snapshot);
        List<ClassCoverage> resolved = new ArrayList<>();
        for (CoverageReport report : reports) {
            for (ClassCoverage c : report.classes()) {
                String file = resolver.resolve(report, c.declaredPath()).orElse(null);
                if (file == null && c.format() != CoverageFormat.LCOV && types.containsKey(c.qualifiedName())) {
                    file = types.get(c.qualifiedName()).get(0).file().path();
                }
                ClassCoverage withFile = c.withFile(file);
                if (c.format() == CoverageFormat.LCOV && file != null) {
                    withFile = withFile.withPackage(file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "");
                }
                resolved.add(withFile);
            }
        }
        return resolved;
    }

    /** The Java type a report class stands for, preferably in its resolved file; LCOV entries are files. */
    private static DeclaredType declared(ClassCoverage c, Map<String, List<DeclaredType>> types) {
        List<DeclaredType> candidates = c.format() == CoverageFormat.LCOV ? List.of()
                : types.getOrDefault(c.qualifiedName(), List.of());
        return candidates.stream().filter(t -> t.file().path().equals(c.file())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private static List<ClassCoverage> merge(List<ClassCoverage> classes) {
        Map<String, ClassCoverage> best = new LinkedHashMap<>();
        for (ClassCoverage c : classes) {
            best.merge(c.packageName() + '\u0000' + c.className(), c,
                    (kept, other) -> other.counts().linesCovered() > kept.counts().linesCovered() ? other : kept);
        }
        return List.copyOf(best.values());
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
                : ", " + counts.branchesCovered() + " of " + counts.branches() + " branches";
        String where = c.file() == null ? " (source " + c.declaredPath() + " not found in the repository)" : "";
        String message = (c.format() == CoverageFormat.LCOV ? "file " : "class ") + c.displayName() + " has "
                + Percent.of(coverage) + " line coverage (" + counts.linesCovered() + " of " + counts.lines()
                + " lines" + branches + "), below the " + Percent.of(THRESHOLD) + " threshold" + where;
        Integer line = declared == null ? null : declared.type().beginLine();
        Integer endLine = declared == null ? null : declared.type().endLine();
        return Finding.of("low-coverage", "test-coverage", severity, c.file(), line, endLine, message,
                "coverage of " + c.displayName());
    }

    private static String reason(FoundReports found) {
        return found.unreadable().isEmpty() ? null : unreadableSentence(found.unreadable());
    }

    static String unreadableSentence(List<UnreadableReport> unreadable) {
        return unreadable.size() + (unreadable.size() == 1 ? " coverage report" : " coverage reports")
                + " could not be read: " + unreadable.stream().map(u -> u.path() + " (" + u.reason() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String summary(String method, FoundReports found, CoverageCounts total,
                                  List<ClassCoverage> ranked, List<ClassCoverage> below) {
        StringBuilder text = new StringBuilder("Line coverage ").append(Percent.of(total.lineCoverage()))
                .append(" (").append(total.linesCovered()).append(" of ").append(total.lines()).append(" lines)");
        if (total.branches() > 0) {
            text.append(", branch coverage ").append(Percent.of(total.branchCoverage())).append(" (")
                    .append(total.branchesCovered()).append(" of ").append(total.branches()).append(" branches)");
        }
        text.append(" by ").append(method).append(" from ")
                .append(found.readable().stream().map(CoverageReport::path).collect(Collectors.joining(", ")))
                .append("; ").append(below.size()).append(" of ").append(ranked.size())
                .append(" classes below ").append(Percent.of(THRESHOLD)).append('.');
        if (!ranked.isEmpty() && ranked.get(0).counts().linesMissed() > 0) {
            ClassCoverage least = ranked.get(0);
            text.append(" Most missed lines: ").append(least.displayName()).append(" (")
                    .append(least.counts().linesMissed()).append(" missed, ")
                    .append(Percent.of(least.counts().lineCoverage())).append(").");
        }
        if (!found.unreadable().isEmpty()) {
            text.append(' ').append(unreadableSentence(found.unreadable()));
        }
        return text.toString();
    }

    private static List<String> recommendations(List<ClassCoverage> below, FoundReports found) {
        List<String> recommendations = new ArrayList<>();
        below.stream().limit(5).forEach(c -> recommendations.add("Add tests for " + c.displayName() + ": "
                + c.counts().linesMissed() + " of " + c.counts().lines() + " lines are never run ("
                + Percent.of(c.counts().lineCoverage()) + " line coverage)."));
        found.unreadable().forEach(u -> recommendations.add("Regenerate or fix the coverage report " + u.path()
                + "; it could not be read (" + u.reason() + ")."));
        return recommendations;
    }

    private static List<Metric> metrics(FoundReports found, CoverageCounts total, List<ClassCoverage> classes,
                                        List<ClassCoverage> below) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("line_coverage", total.lineCoverage()));
        if (total.branches() > 0) {
            metrics.add(Metric.of("branch_coverage", total.branchCoverage()));
        }
        metrics.add(Metric.of("coverage_reports", found.readable().size()));
        metrics.add(Metric.of("coverage_reports_unreadable", found.unreadable().size()));
        metrics.add(Metric.of("lines_covered", total.linesCovered()));
        metrics.add(Metric.of("lines_missed", total.linesMissed()));
        metrics.add(Metric.of("branches_covered", total.branchesCovered()));
        metrics.add(Metric.of("branches_missed", total.branchesMissed()));
        metrics.add(Metric.of("classes_total", classes.size()));
        metrics.add(Metric.of("classes_below_threshold", below.size()));
        return metrics;
    }

    private static Map<String, Object> details(String method, FoundReports found, CoverageCounts total,
                                               List<ClassCoverage> classes, List<ClassCoverage> ranked,
                                               Map<String, List<DeclaredType>> types) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method);
        details.put("reports", found.readable().stream().map(r -> {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("path", r.path());
            report.put("format", r.format().label());
            report.put("classes", r.classes().size());
            report.putAll(counts(r.total()));
            return report;
        }).toList());
        details.put("unreadable_reports", found.unreadable().stream()
                .map(u -> Map.of("path", u.path(), "reason", u.reason())).toList());
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
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lines_covered", counts.linesCovered());
        map.put("lines_missed", counts.linesMissed());
        map.put("line_coverage", counts.lineCoverage());
        map.put("branches_covered", counts.branchesCovered());
        map.put("branches_missed", counts.branchesMissed());
        map.put("branch_coverage", counts.branchCoverage());
        return map;
    }
}
