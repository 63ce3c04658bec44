package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which readable coverage reports describe this repository's own main code, so that no percentage of a
 * test fixture or of other code is ever presented as the repository's coverage.
 * <p>
 * A report is <b>ignored outright</b> when it lies in test resources or a fixture folder: the
 * {@link Snapshot#scopeOf snapshot scope} of its path is {@code fixture}, or {@code test} outside the build output
 * folders ({@value #BUILD_OUTPUT_DESCRIPTION}) where build tools write reports (Gradle's
 * {@code build/reports/jacoco/test/} is test scope by its {@code test} folder, yet it is real output).
 * <p>
 * Otherwise each class (LCOV: each source file) of the report is resolved to a snapshot file
 * ({@link SourcePathResolver}; JaCoCo and Cobertura classes also by qualified name in the Java model). The
 * <b>resolved share</b> is the classes that resolve to {@code main}-scope files over all classes except those that
 * resolve to the repository's own test or generated files (coverage.py measures test files too; they are this
 * repository's code, just not what the report is judged on). A report is used only when that share is more than
 * {@value #MIN_RESOLVED_SHARE} and its main classes count at least one line; otherwise it describes other code
 * (ignored with its share) or measures nothing of the main code.
 */
final class ReportSelection {

    static final double MIN_RESOLVED_SHARE = 0.5;
    static final Set<String> BUILD_OUTPUT_FOLDERS = Set.of("target", "build", "out", "coverage");
    static final String BUILD_OUTPUT_DESCRIPTION = "target/, build/, out/, coverage/";
    private static final Set<Scope> OWN_OTHER_CODE = EnumSet.of(Scope.TEST, Scope.GENERATED);

    private final List<UsedReport> used;
    private final List<IgnoredReport> ignored;

    private ReportSelection(List<UsedReport> used, List<IgnoredReport> ignored) {
        this.used = List.copyOf(used);
        this.ignored = List.copyOf(ignored);
    }

    /**
     * @param model the Java model for resolving classes by name, or null when there is none
     */
    static ReportSelection select(Snapshot snapshot, List<CoverageReport> reports, JavaModel model) {
        Map<String, List<DeclaredType>> types = model == null ? Map.of() : DeclaredType.byQualifiedName(model);
        SourcePathResolver resolver = new SourcePathResolver(snapshot);
        List<UsedReport> used = new ArrayList<>();
        List<IgnoredReport> ignored = new ArrayList<>();
        for (CoverageReport report : reports) {
            Scope location = snapshot.scopeOf(report.path());
            if (isTestInput(report.path(), location)) {
                ignored.add(new IgnoredReport(report, "test resources/fixture (" + folder(report.path()) + " is "
                        + location.label() + " scope)", null));
                continue;
            }
            List<ClassCoverage> resolved = resolve(snapshot, resolver, report, types);
            long main = resolved.stream().filter(c -> scope(snapshot, c) == Scope.MAIN).count();
            long ownOther = resolved.stream().filter(c -> c.file() != null && OWN_OTHER_CODE.contains(scope(snapshot, c))).count();
            long judged = resolved.size() - ownOther;
            if (judged == 0) {
                ignored.add(new IgnoredReport(report, resolved.isEmpty() ? "lists no classes or source files"
                        : "describes only test or generated code of this repository, no main code", null));
                continue;
            }
            double share = (double) main / judged;
            boolean mainLines = resolved.stream()
                    .anyMatch(c -> scope(snapshot, c) == Scope.MAIN && c.counts().lines() > 0);
            if (share > MIN_RESOLVED_SHARE && mainLines) {
                used.add(new UsedReport(report, resolved, share));
            } else if (share > MIN_RESOLVED_SHARE) {
                ignored.add(new IgnoredReport(report, "counts no lines of main code", share));
            } else {
                ignored.add(new IgnoredReport(report, "describes other code: " + main + " of " + Plural.of(judged, "class")
                        + (main == 1 ? " resolves" : " resolve") + " to main sources of this"
                        + " repository (" + Percent.of(share) + ", more than " + Percent.of(MIN_RESOLVED_SHARE)
                        + " needed)", share));
            }
        }
        return new ReportSelection(used, ignored);
    }

    private static boolean isTestInput(String path, Scope scope) {
        if (scope == Scope.FIXTURE) {
            return true;
        }
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (BUILD_OUTPUT_FOLDERS.contains(segments[i])) {
                return false;
            }
        }
        return scope == Scope.TEST;
    }

    private static String folder(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "./";
    }

    static Scope scope(Snapshot snapshot, ClassCoverage c) {
        return c.file() == null ? null : snapshot.scopeOf(c.file());
    }

    /** Each class with its snapshot file (null when not found); LCOV files take their folder as package. */
    private static List<ClassCoverage> resolve(Snapshot snapshot, SourcePathResolver resolver, CoverageReport report,
                                               Map<String, List<DeclaredType>> types) {
        List<ClassCoverage> resolved = new ArrayList<>();
        for (ClassCoverage c : report.classes()) {
            String file = resolver.resolve(report, c.declaredPath()).orElse(null);
            if (file == null && !c.format().perFile() && types.containsKey(c.qualifiedName())) {
                file = types.get(c.qualifiedName()).get(0).file().path();
            }
            ClassCoverage withFile = c.withFile(file);
            if (c.format().perFile() && file != null) {
                withFile = withFile.withPackage(file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "");
            }
            resolved.add(withFile);
        }
        return resolved;
    }

    List<UsedReport> used() {
        return used;
    }

    List<IgnoredReport> ignored() {
        return ignored;
    }

    /** The used reports' classes in main-scope files (what coverage is computed over). */
    List<ClassCoverage> mainClasses(Snapshot snapshot) {
        return used.stream().flatMap(u -> u.classes().stream())
                .filter(c -> scope(snapshot, c) == Scope.MAIN)
                .toList();
    }

    /** "1 coverage report ignored: a (reason)." or null when none was ignored. */
    String ignoredSentence() {
        if (ignored.isEmpty()) {
            return null;
        }
        return ignored.size() + (ignored.size() == 1 ? " coverage report" : " coverage reports") + " ignored: "
                + ignored.stream().map(i -> i.report().path() + " (" + i.reason() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    /** The {@code reports_ignored} detail: path, format, reason and (when computed) the resolved share. */
    List<Map<String, Object>> ignoredDetails() {
        return ignored.stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", i.report().path());
            row.put("format", i.report().format().label());
            row.put("reason", i.reason());
            row.put("resolved_share", i.resolvedShare());
            return row;
        }).toList();
    }

    /** A report used for measured coverage: its classes with their resolved files, and its resolved share. */
    record UsedReport(CoverageReport report, List<ClassCoverage> classes, double resolvedShare) {

        UsedReport {
            classes = List.copyOf(classes);
        }
    }

    /** A readable report left out, with why; resolvedShare is null when it was ignored for where it lies. */
    record IgnoredReport(CoverageReport report, String reason, Double resolvedShare) {
    }
}
