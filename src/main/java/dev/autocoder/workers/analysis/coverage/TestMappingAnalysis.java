package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.autocoder.workers.analysis.perspective.OrderedMaps.ordered;

/**
 * The static "test-mapping" method, used when no coverage report of the repository's main code exists: source
 * classes are matched to test classes by name ({@link TestConventions}), which says whether a class has a test at
 * all, not how much of it runs.
 * <p>
 * Files take their {@link Snapshot#scopeOf scope}. Test classes are the top-level types of {@code test}-scope
 * files, and those of {@code main}-scope files that the Java model marks as tests. Source classes are the other
 * top-level classes, enums and records of {@code main}-scope files (interfaces and annotations have nothing to
 * run); fixture, generated and build files are neither, and their lines count on neither side of the
 * test-to-source line ratio.
 * A test maps to a source class in the same package; one in another package counts only when no other source
 * class has that simple name. Untested public classes are ranked by complexity (cyclomatic complexity of
 * their methods, nested types included) times churn (commits in the churn window; 1 for every class when
 * churn is unavailable, so the ranking falls back to complexity alone). Each is an {@code untested-class}
 * finding whose severity follows its complexity: high from 40, medium from 15, low from 5, info below. A repository
 * with no test class at all gets one {@code no-tests} finding instead, and its untested classes are low at most
 * ({@link NoTests}).
 */
final class TestMappingAnalysis {

    static final String METHOD = "test-mapping";
    static final int LISTED_CLASSES = 50;
    static final Set<String> TESTABLE_KINDS = Set.of("class", "enum", "record");

    /**
     * @param commitsByPath commits per repository path in the churn window, or empty when churn is unavailable
     * @param churnMissing  why churn is unavailable (used when commitsByPath is empty)
     */
    PerspectiveResult analyze(Snapshot snapshot, JavaModel model, Optional<Map<String, Integer>> commitsByPath,
                              String churnMissing, ReportSelection reports, List<UnreadableReport> unreadable,
                              long churnWindowDays) {
        List<DeclaredType> types = DeclaredType.all(model);
        List<DeclaredType> tests = types.stream().filter(DeclaredType::topLevel)
                .filter(t -> isTest(snapshot, t))
                .toList();
        List<DeclaredType> sources = types.stream().filter(DeclaredType::topLevel)
                .filter(t -> snapshot.scopeOf(t.file().path()) == Scope.MAIN && !t.type().isTest())
                .filter(t -> TESTABLE_KINDS.contains(t.type().kind().toLowerCase(Locale.ROOT)))
                .toList();
        Map<DeclaredType, List<String>> mapping = map(sources, tests);
        Map<DeclaredType, List<String>> usedBy = new ClassUsers(snapshot, tests).ofEach(sources);
        Map<DeclaredType, Reach> reached = reached(snapshot, sources, sources.stream()
                .filter(s -> !mapping.get(s).isEmpty() || usedBy.containsKey(s)).toList());
        // classes no test uses or reaches first: those other tests use are exercised, if not by a test class of their own
        List<UntestedClass> untested = sources.stream()
                .filter(s -> s.type().isPublic() && mapping.get(s).isEmpty())
                .map(s -> untested(s, types, commitsByPath, usedBy.getOrDefault(s, List.of()),
                        reached.getOrDefault(s, Reach.NONE)))
                .sorted(Comparator.comparing((UntestedClass u) -> !u.usedBy().isEmpty())
                        .thenComparing(u -> !u.reachedThrough().isEmpty())
                        .thenComparing(Comparator.comparingLong(UntestedClass::score).reversed())
                        .thenComparing(Comparator.comparingInt(UntestedClass::complexity).reversed())
                        .thenComparing(UntestedClass::qualifiedName))
                .toList();

        long publicClasses = sources.stream().filter(s -> s.type().isPublic()).count();
        long tested = sources.stream().filter(s -> !mapping.get(s).isEmpty()).count();
        long publicTested = publicClasses - untested.size();
        LineSplit lines = lineSplit(snapshot, model);
        Double ratio = lines.main() == 0 ? null : (double) lines.test() / lines.main();
        Double quality = publicClasses == 0 ? null : (double) publicTested / publicClasses;
        String churnNote = commitsByPath.isPresent() ? null
                : "Churn unavailable (" + churnMissing + "): untested classes are ranked by complexity alone.";

        boolean noTests = tests.isEmpty();
        List<Finding> findings = new ArrayList<>();
        if (noTests && !untested.isEmpty()) {
            findings.add(NoTests.finding("no test class: none in test sources, none named " + String.join(", ",
                    TestConventions.testNamesFor("*")), untested.stream().limit(3)
                    .map(u -> u.simpleName() + " (complexity " + u.complexity() + ")").toList()));
        }
        untested.stream().map(u -> finding(u, noTests)).forEach(findings::add);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("coverage_reports", 0));
        metrics.add(Metric.of("coverage_reports_ignored", reports.ignored().size()));
        metrics.add(Metric.of("coverage_reports_unreadable", unreadable.size()));
        metrics.add(Metric.of("classes_total", sources.size()));
        metrics.add(Metric.of("classes_tested", tested));
        metrics.add(Metric.of("public_classes", publicClasses));
        metrics.add(Metric.of("untested_public_classes", untested.size()));
        metrics.add(Metric.of("test_classes", tests.size()));
        metrics.add(Metric.of("test_lines", lines.test()));
        metrics.add(Metric.of("main_lines", lines.main()));
        if (ratio != null) {
            metrics.add(Metric.of("test_to_source_line_ratio", ratio));
        }
        metrics.add(Metric.of("java_files_unparseable", model.unparseableFiles().size()));

        String summary = summary(sources.size(), tested, publicClasses, publicTested, tests.size(), ratio, untested,
                commitsByPath.isPresent(), churnNote, reports, unreadable, model.unparseableFiles().size());
        String reason = partialReason(churnNote, reports, unreadable, model.unparseableFiles().size());
        Map<String, Object> details = details(mapping, untested, commitsByPath.isPresent(), churnMissing,
                churnWindowDays, lines, unreadable);
        details.put("reports_ignored", reports.ignoredDetails());
        return new PerspectiveResult(Status.OK, reason, summary, quality, findings,
                recommendations(untested), metrics, details);
    }

    /** A test-scope type, or a main-scope one the Java model marks as a test (a test class among the sources). */
    private static boolean isTest(Snapshot snapshot, DeclaredType t) {
        Scope scope = snapshot.scopeOf(t.file().path());
        return scope == Scope.TEST || (scope == Scope.MAIN && t.type().isTest());
    }

    /** Test class names per source class; same-package tests first, other packages only when unambiguous. */
    private static Map<DeclaredType, List<String>> map(List<DeclaredType> sources, List<DeclaredType> tests) {
        Map<String, Long> sourcesBySimpleName = sources.stream()
                .collect(Collectors.groupingBy(s -> s.type().simpleName(), Collectors.counting()));
        Map<String, List<DeclaredType>> testsBySimpleName = tests.stream()
                .collect(Collectors.groupingBy(t -> t.type().simpleName()));
        Map<DeclaredType, List<String>> mapping = new LinkedHashMap<>();
        for (DeclaredType source : sources) {
            List<DeclaredType> named = TestConventions.testNamesFor(source.type().simpleName()).stream()
                    .flatMap(name -> testsBySimpleName.getOrDefault(name, List.of()).stream())
                    .toList();
            List<DeclaredType> samePackage = named.stream()
                    .filter(t -> t.packageName().equals(source.packageName())).toList();
            boolean unambiguous = sourcesBySimpleName.get(source.type().simpleName()) == 1;
            List<DeclaredType> chosen = !samePackage.isEmpty() ? samePackage : unambiguous ? named : List.of();
            mapping.put(source, chosen.stream().map(t -> t.type().qualifiedName()).sorted().toList());
        }
        return mapping;
    }

    /**
     * The main classes no test uses that run in tests anyway: used by a class tests exercise (one step), or by one
     * so reached (two steps: this repository's EdgeInputs, used by EdgeCasesPerspective, which PlanningFactory makes
     * for the tests), and so on; each with the classes of the step before that use it.
     */
    private static Map<DeclaredType, Reach> reached(Snapshot snapshot, List<DeclaredType> sources,
                                                    List<DeclaredType> exercised) {
        Map<DeclaredType, List<String>> usersOf = new ClassUsers(snapshot, sources).ofEach(sources);
        Set<String> seen = new HashSet<>();
        exercised.forEach(e -> seen.add(e.type().qualifiedName()));
        Set<String> frontier = Set.copyOf(seen);
        Map<DeclaredType, Reach> reached = new HashMap<>();
        for (int step = 1; !frontier.isEmpty(); step++) {
            Set<String> next = new HashSet<>();
            for (DeclaredType source : sources) {
                if (seen.contains(source.type().qualifiedName())) {
                    continue;
                }
                List<String> through = usersOf.getOrDefault(source, List.of()).stream().filter(frontier::contains)
                        .distinct().toList();
                if (!through.isEmpty()) {
                    reached.put(source, new Reach(through, step));
                    next.add(source.type().qualifiedName());
                }
            }
            seen.addAll(next);
            frontier = next;
        }
        return reached;
    }

    /** The classes of the step before that use a class tests reach, and how many steps from a class they use. */
    private record Reach(List<String> through, int steps) {
        static final Reach NONE = new Reach(List.of(), 0);
    }

    private static UntestedClass untested(DeclaredType source, List<DeclaredType> types,
                                          Optional<Map<String, Integer>> commitsByPath, List<String> usedBy,
                                          Reach reach) {
        String name = source.type().qualifiedName();
        int complexity = types.stream()
                .filter(t -> t.file() == source.file())
                .filter(t -> t.type().qualifiedName().equals(name) || t.type().qualifiedName().startsWith(name + "."))
                .mapToInt(t -> t.type().totalCyclomatic())
                .sum();
        Integer commits = commitsByPath.map(c -> c.getOrDefault(source.file().path(), 0)).orElse(null);
        long score = (long) complexity * (commits == null ? 1 : commits);
        return new UntestedClass(name, source.type().simpleName(), source.type().kind().toLowerCase(Locale.ROOT),
                source.file().path(), source.type().beginLine(), source.type().endLine(), complexity, commits, score, usedBy,
                usedBy.isEmpty() ? reach.through() : List.of(), usedBy.isEmpty() ? reach.steps() : 0);
    }

    /**
     * High from complexity 40, medium from 15, low from 5; a step lower when only main classes tests exercise use
     * it, directly or through other such classes (it runs in their tests, though none checks it on its own); info
     * when tests use it.
     */
    private static Finding finding(UntestedClass u, boolean noTests) {
        int step = u.complexity() >= 40 ? 3 : u.complexity() >= 15 ? 2 : u.complexity() >= 5 ? 1 : 0;
        if (!u.reachedThrough().isEmpty()) {
            step = Math.max(0, step - 1);
        }
        Severity severity = NoTests.ofUntested(!u.usedBy().isEmpty() ? Severity.INFO
                : List.of(Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH).get(step), noTests);
        String message = "public " + u.kind() + " " + u.qualifiedName() + " (" + u.describeRisk()
                + ") has no test class" + (u.usedBy().isEmpty() ? "" : " of its own") + " (looked for "
                + String.join(", ", TestConventions.testNamesFor(u.simpleName())) + ")"
                + (u.usedBy().isEmpty() ? "" : "; tests that use it: " + simpleNames(u.usedBy()))
                + (u.reachedThrough().isEmpty() ? "" : "; no test uses it, but it is reached through "
                + simpleNames(u.reachedThrough()) + (u.reachedSteps() == 1 ? ", which tests exercise"
                : ", " + u.reachedSteps() + " steps from a class tests use"));
        return Finding.of("untested-class", "test-coverage", severity, u.file(), u.beginLine(), u.endLine(), message,
                "untested " + u.qualifiedName());
    }

    /** Up to three simple names, and how many more. */
    private static String simpleNames(List<String> qualifiedNames) {
        return String.join(", ", qualifiedNames.stream().limit(3).map(n -> n.substring(n.lastIndexOf('.') + 1)).toList())
                + (qualifiedNames.size() > 3 ? " and " + (qualifiedNames.size() - 3) + " more" : "");
    }

    /**
     * Java lines of test files and of main files; a test file is a test-scope file or a main-scope one whose types
     * are all tests. Fixture, generated and build files count on neither side.
     */
    private static LineSplit lineSplit(Snapshot snapshot, JavaModel model) {
        Map<String, JavaFileModel> files = model.byPath();
        long test = 0;
        long main = 0;
        for (SourceFile file : snapshot.files(Language.JAVA)) {
            Scope scope = snapshot.scopeOf(file.path());
            JavaFileModel parsed = files.get(file.path());
            boolean allTests = parsed != null && parsed.parsed() && !parsed.types().isEmpty()
                    && parsed.types().stream().allMatch(t -> t.isTest());
            if (scope == Scope.TEST || (scope == Scope.MAIN && allTests)) {
                test += file.lines();
            } else if (scope == Scope.MAIN) {
                main += file.lines();
            }
        }
        return new LineSplit(test, main);
    }

    private static String summary(int classes, long tested, long publicClasses, long publicTested, int testClasses,
                                  Double ratio, List<UntestedClass> untested, boolean churn, String churnNote,
                                  ReportSelection reports, List<UnreadableReport> unreadable, int unparseable) {
        String lead = reports.ignored().isEmpty() ? "No readable coverage report"
                : "No coverage report measures this repository's main code";
        StringBuilder text = new StringBuilder(lead).append(", so test classes were matched to")
                .append(" classes by name (").append(METHOD).append("): ").append(tested).append(" of ")
                .append(Plural.of(classes, "class"))
                .append(tested == 1 ? " has" : " have").append(" a test class (").append(publicTested).append(" of ")
                .append(publicClasses).append(" public), ").append(Plural.of(testClasses, "test class"));
        if (ratio != null) {
            text.append(", test-to-source line ratio ").append(String.format(Locale.ROOT, "%.2f", ratio));
        }
        text.append('.');
        if (!untested.isEmpty()) {
            UntestedClass first = untested.get(0);
            text.append(' ').append(untested.size())
                    .append(untested.size() == 1 ? " public class has" : " public classes have")
                    .append(" no test class; first by complexity").append(churn ? " x churn" : "").append(": ")
                    .append(first.qualifiedName()).append(" (").append(first.describeRisk()).append(").");
            long used = untested.stream().filter(u -> !u.usedBy().isEmpty()).count();
            if (used > 0) {
                text.append(' ').append(used).append(" of them ").append(used == 1 ? "is" : "are")
                        .append(" used by other test classes (info findings).");
            }
            long reached = untested.stream().filter(u -> !u.reachedThrough().isEmpty()).count();
            if (reached > 0) {
                text.append(' ').append(reached).append(" of them no test uses ").append(reached == 1 ? "is" : "are")
                        .append(" reached through main classes tests exercise (a step lower).");
            }
        }
        if (churnNote != null) {
            text.append(' ').append(churnNote);
        }
        if (reports.ignoredSentence() != null) {
            text.append(' ').append(reports.ignoredSentence());
        }
        if (!unreadable.isEmpty()) {
            text.append(' ').append(ReportCoverageAnalysis.unreadableSentence(unreadable));
        }
        if (unparseable > 0) {
            text.append(' ').append(unparsedSentence(unparseable));
        }
        return text.toString();
    }

    private static String partialReason(String churnNote, ReportSelection reports, List<UnreadableReport> unreadable,
                                        int unparseable) {
        List<String> parts = new ArrayList<>();
        if (reports.ignoredSentence() != null) {
            parts.add("No coverage report was used: " + reports.ignoredSentence());
        }
        if (churnNote != null) {
            parts.add(churnNote);
        }
        if (!unreadable.isEmpty()) {
            parts.add(ReportCoverageAnalysis.unreadableSentence(unreadable));
        }
        if (unparseable > 0) {
            parts.add(unparsedSentence(unparseable));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** "1 Java file could not be parsed and was left out.", "2 Java files … were left out.". */
    private static String unparsedSentence(int unparseable) {
        return Plural.of(unparseable, "Java file") + " could not be parsed and " + (unparseable == 1 ? "was" : "were")
                + " left out.";
    }

    private static List<String> recommendations(List<UntestedClass> untested) {
        List<String> recommendations = new ArrayList<>();
        untested.stream().filter(u -> u.usedBy().isEmpty()).limit(5)
                .forEach(u -> recommendations.add("Add a test class " + u.simpleName() + "Test for "
                + u.qualifiedName() + " (" + u.describeRisk() + ")."));
        recommendations.add("Publish a coverage report (for Maven, jacoco-maven-plugin's report goal writes "
                + "target/site/jacoco/jacoco.xml) so measured line and branch coverage replace this name-based"
                + " estimate.");
        return recommendations;
    }

    private static Map<String, Object> details(Map<DeclaredType, List<String>> mapping, List<UntestedClass> untested,
                                               boolean churn, String churnMissing, long churnWindowDays,
                                               LineSplit lines, List<UnreadableReport> unreadable) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", METHOD);
        details.put("test_name_patterns", TestConventions.testNamesFor("Foo"));
        details.put("test_classes_from", "top-level types of test-scope files, and main-scope types the Java model marks as"
                + " tests; source classes are the other main-scope classes, enums and records");
        details.put("churn", churn ? "available" : "unavailable: " + churnMissing);
        details.put("churn_window_days", churnWindowDays);
        details.put("test_lines", lines.test());
        details.put("main_lines", lines.main());
        details.put("quality_formula", "public classes with a test class / public classes");
        details.put("mapping", mapping.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().type().qualifiedName()))
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("class", e.getKey().type().qualifiedName());
                    row.put("file", e.getKey().file().path());
                    row.put("tests", e.getValue());
                    return row;
                }).toList());
        details.put("untested_public_classes", untested.stream().limit(LISTED_CLASSES).map(u -> ordered(
                "class", u.qualifiedName(), "file", u.file(), "line", u.beginLine(), "complexity", u.complexity(),
                "commits", u.commits(), "score", u.score(), "used_by_tests", u.usedBy(),
                "reached_through", u.reachedThrough(), "reached_steps", u.reachedSteps())).toList());
        details.put("unreadable_reports", unreadable.stream()
                .map(u -> Map.of("path", u.path(), "reason", u.reason())).toList());
        return details;
    }

    private record LineSplit(long test, long main) {
    }

    /**
     * A public class without a mapped test, with what ranks it.
     *
     * @param usedBy         the test classes that use it
     * @param reachedThrough when no test uses it, the main classes tests reach that use it, of the step before
     * @param reachedSteps   how many steps of use from a class tests use (1: a class they exercise uses it); 0 when
     *                       tests use it or nothing reaches it
     */
    record UntestedClass(String qualifiedName, String simpleName, String kind, String file, int beginLine, int endLine,
                         int complexity, Integer commits, long score, List<String> usedBy, List<String> reachedThrough,
                         int reachedSteps) {

        String describeRisk() {
            String churn = commits == null ? "churn unavailable"
                    : commits + (commits == 1 ? " commit" : " commits") + " in window";
            return "complexity " + complexity + ", " + churn;
        }
    }
}
