package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.analysis.javamodel.JavaModel;
import dev.autocoder.workers.analysis.javamodel.JavaModelProvider;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.worker.Metric;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Test Coverage Analysis: how much of the code the tests run.
 * <p>
 * <b>Measured</b> ({@code coverage-report (jacoco|cobertura|lcov)}): when a JaCoCo XML, Cobertura XML or LCOV
 * report lies in the checkout (see {@link CoverageReportFinder} for where it is looked for), line and branch
 * coverage per package and in total come from it, and classes under 50% line coverage are
 * {@code low-coverage} findings. Quality score = 0.75 x line coverage + 0.25 x branch coverage, or line
 * coverage alone when the reports count no branches.
 * <p>
 * <b>Static</b> ({@code test-mapping}): without a readable report, Java classes are matched to test classes by
 * name (see {@link TestMappingAnalysis}); untested public classes are {@code untested-class} findings ranked by
 * complexity x churn. Quality score = public classes with a test class / public classes (null when there are
 * none).
 * <p>
 * Without a report and without Java sources the result is skipped.
 */
@Component
public class TestCoveragePerspective implements Perspective {

    private final JavaModelProvider javaModels;
    private final ChurnProvider churn;
    private final AutocoderProperties properties;
    private final CoverageReportLoader reports = new CoverageReportLoader();

    public TestCoveragePerspective(JavaModelProvider javaModels, ChurnProvider churn, AutocoderProperties properties) {
        this.javaModels = javaModels;
        this.churn = churn;
        this.properties = properties;
    }

    @Override
    public String id() {
        return "test-coverage";
    }

    @Override
    public String name() {
        return "Test Coverage Analysis";
    }

    @Override
    public String worker() {
        return "analysis";
    }

    @Override
    public PerspectiveResult analyze(PerspectiveContext context) {
        Snapshot snapshot = context.snapshot();
        FoundReports found = reports.load(snapshot.root());
        boolean hasJava = !snapshot.files(Language.JAVA).isEmpty();
        if (found.hasLines()) {
            return new ReportCoverageAnalysis().analyze(snapshot, found, hasJava ? modelForLines(snapshot) : null);
        }
        String noReport = found.readable().isEmpty()
                ? "No coverage report found (looked for " + String.join(", ", CoverageReportFinder.PATTERNS)
                + " up to " + CoverageReportFinder.MAX_DEPTH + " folders deep)"
                : "The coverage reports found count no lines (" + found.readable().stream()
                .map(CoverageReport::path).collect(Collectors.joining(", ")) + ")";
        String unreadable = found.unreadable().isEmpty() ? ""
                : " " + ReportCoverageAnalysis.unreadableSentence(found.unreadable());
        List<Metric> skipMetrics = List.of(Metric.of("coverage_reports", found.readable().size()),
                Metric.of("coverage_reports_unreadable", found.unreadable().size()));
        if (!hasJava) {
            return PerspectiveResult.skipped(noReport + " and the repository has no Java sources to match tests to"
                    + " by name; test coverage cannot be measured or estimated." + unreadable, skipMetrics);
        }
        JavaModel model = javaModels.model(snapshot);
        if (model.parsedFiles().isEmpty()) {
            return PerspectiveResult.skipped(noReport + " and none of the " + model.files().size()
                    + " Java files could be parsed, so tests cannot be matched to classes." + unreadable, skipMetrics);
        }
        ChurnResult churnResult = churn(snapshot);
        return new TestMappingAnalysis().analyze(snapshot, model, churnResult.commitsByPath(), churnResult.missing(),
                found.unreadable(), properties.getAnalysis().getChurnWindow().toDays());
    }

    /** The Java model only adds class lines to measured coverage; without it findings just carry no line. */
    private JavaModel modelForLines(Snapshot snapshot) {
        try {
            return javaModels.model(snapshot);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Commits per file in the window, or why there are none; a failing provider only costs the churn factor. */
    private ChurnResult churn(Snapshot snapshot) {
        try {
            Optional<List<FileChurn>> files = churn.churn(snapshot);
            if (files.isEmpty()) {
                return new ChurnResult(Optional.empty(), snapshot.hasGitHistory()
                        ? "no churn for this snapshot" : "no git history");
            }
            Map<String, Integer> commits = files.get().stream()
                    .collect(Collectors.toMap(FileChurn::path, FileChurn::commits, Integer::sum));
            return new ChurnResult(Optional.of(commits), null);
        } catch (RuntimeException e) {
            return new ChurnResult(Optional.empty(), "churn could not be computed: " + e.getClass().getSimpleName());
        }
    }

    private record ChurnResult(Optional<Map<String, Integer>> commitsByPath, String missing) {
    }
}
