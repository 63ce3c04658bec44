package dev.autocoder.workers.analysis.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Line-by-line coverage of the coverage reports a test-coverage row used, read again from the target's work tree
 * for the gate's "coverage on new code". Report entries are resolved to repository paths as the perspective resolves
 * them ({@link SourcePathResolver}); several reports of one file merge (a line any of them ran is covered). Files in
 * test folders ({@code test/}, {@code tests/}, {@code src/test/}…) and test files by name ({@code test_*.py},
 * {@code *_test.py}, {@code conftest.py}, {@code *Test.java}…) are left out: coverage.py measures test files too, and
 * coverage on new code is about the code under test.
 */
public final class LineCoverage {

    private final Map<String, Lines> byFile;
    private final List<String> read;
    private final List<String> problems;

    private LineCoverage(Map<String, Lines> byFile, List<String> read, List<String> problems) {
        this.byFile = byFile;
        this.read = List.copyOf(read);
        this.problems = List.copyOf(problems);
    }

    /** The coverable lines of one file: those the tests ran and all those they could run. */
    public record Lines(SortedSet<Integer> covered, SortedSet<Integer> coverable) {
    }

    /**
     * Reads the reports (repository-relative paths under {@code root}).
     *
     * @param repositoryPaths the repository's files, to resolve the reports' source paths against
     * @param json            the application's mapper ({@code AutocoderJson.MAPPER})
     */
    public static LineCoverage read(Path root, Collection<String> reportPaths, Collection<String> repositoryPaths,
                                    ObjectMapper json) {
        CoverageReportLoader loader = new CoverageReportLoader(json);
        SourcePathResolver resolver = new SourcePathResolver(root, repositoryPaths);
        Map<String, Lines> byFile = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String reportPath : reportPaths) {
            Path file = root.resolve(reportPath).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                problems.add(reportPath + " (not in the work tree)");
                continue;
            }
            CoverageReport report;
            try {
                report = loader.read(file, reportPath);
            } catch (MalformedReportException | IOException e) {
                problems.add(reportPath + " (" + e.getMessage() + ")");
                continue;
            }
            read.add(reportPath);
            for (FileLines lines : report.lines()) {
                Optional<String> resolved = resolver.resolve(report, lines.declaredPath());
                if (resolved.isEmpty() || isTestPath(resolved.get())) {
                    continue;
                }
                byFile.merge(resolved.get(), of(lines), LineCoverage::merge);
            }
        }
        return new LineCoverage(byFile, read, problems);
    }

    private static Lines of(FileLines lines) {
        TreeSet<Integer> coverable = new TreeSet<>(lines.covered());
        coverable.addAll(lines.missed());
        return new Lines(new TreeSet<>(lines.covered()), coverable);
    }

    private static Lines merge(Lines a, Lines b) {
        TreeSet<Integer> covered = new TreeSet<>(a.covered());
        covered.addAll(b.covered());
        TreeSet<Integer> coverable = new TreeSet<>(a.coverable());
        coverable.addAll(b.coverable());
        return new Lines(covered, coverable);
    }

    /** The lines of a repository file; empty when no report lists it. */
    public Optional<Lines> of(String repositoryPath) {
        return Optional.ofNullable(byFile.get(repositoryPath));
    }

    /** The reports read. */
    public List<String> reportsRead() {
        return read;
    }

    /** The reports that could not be read, each with why. */
    public List<String> problems() {
        return problems;
    }

    /** A test folder or test file by name, the layouts of Maven/Gradle and pytest. */
    static boolean isTestPath(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (Set.of("test", "tests", "testing").contains(segments[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        String name = segments[segments.length - 1];
        return PythonTestConventions.isTestFile(name)
                || name.matches("\\w+(?:Test|Tests|IT|TestCase)\\.(?:java|kt|groovy|scala)");
    }
}
