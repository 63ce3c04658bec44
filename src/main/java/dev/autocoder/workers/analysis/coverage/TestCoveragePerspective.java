package dev.autocoder.workers.analysis.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.perspective.AnalysisPerspective;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.repository.FileChurn;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test Coverage Analysis: how much of the code the tests run.
 * <p>
 * <b>Measured</b> ({@code coverage-report (jacoco|cobertura|lcov|coverage.py)}): when a JaCoCo XML, Cobertura XML,
 * LCOV or coverage.py JSON report lies in the checkout (see {@link CoverageReportFinder} for where it is looked for) and describes this
 * repository's main code (see {@link ReportSelection}: reports in test resources or fixtures, and reports of
 * other code, are ignored and named), line and branch coverage of main-scope classes per package and in total
 * come from it, and classes under 50% line coverage are {@code low-coverage} findings. Quality score = 0.75 x line
 * coverage + 0.25 x branch coverage, or line coverage alone when the reports count no branches.
 * <p>
 * <b>Static</b> ({@code test-mapping}): without a used report, Java classes are matched to test classes by
 * name (see {@link TestMappingAnalysis}); untested public classes are {@code untested-class} findings ranked by
 * complexity x churn. Quality score = public classes with a test class / public classes (null when there are
 * none). A repository with Python and no Java sources maps pytest test files to modules instead (see
 * {@link PythonTestMappingAnalysis}): untested modules are {@code untested-module} findings, quality score = modules
 * with a test / modules.
 * <p>
 * Without a report and without Java or Python sources the result is skipped.
 */
@Component
public class TestCoveragePerspective extends AnalysisPerspective {

    private final JavaModelProvider javaModels;
    private final ChurnProvider churn;
    private final AutocoderProperties properties;
    private final CoverageReportLoader reports;
    private final PythonModelProvider pythonModels;

    @Autowired
    public TestCoveragePerspective(JavaModelProvider javaModels, ChurnProvider churn, AutocoderProperties properties,
                                   @Qualifier(AutocoderJson.MAPPER) ObjectMapper json, PythonModelProvider pythonModels) {
        super("test-coverage", "Test Coverage Analysis");
        this.javaModels = javaModels;
        this.churn = churn;
        this.properties = properties;
        this.reports = new CoverageReportLoader(json);
        this.pythonModels = pythonModels;
    }

    /** Without Spring (the tests): mappers made like the application's, a Python model of its own. */
    public TestCoveragePerspective(JavaModelProvider javaModels, ChurnProvider churn, AutocoderProperties properties) {
        this(javaModels, churn, properties, AutocoderJson.newObjectMapper(),
                new PythonModelProvider(properties, AutocoderJson.newObjectMapper()));
    }

    @Override
    protected PerspectiveResult analyze(Snapshot snapshot) {
        FoundReports found = reports.load(snapshot.root());
        boolean hasJava = !snapshot.files(Language.JAVA).isEmpty();
        JavaModel reportModel = hasJava && !found.readable().isEmpty() ? optionalModel(snapshot) : null;
        ReportSelection selection = ReportSelection.select(snapshot, found.readable(), reportModel);
        if (!selection.used().isEmpty()) {
            return new ReportCoverageAnalysis().analyze(snapshot, selection, found.unreadable(), reportModel);
        }
        String noReport = noReport(found, selection);
        String notes = Stream.of(selection.ignoredSentence(), found.unreadable().isEmpty() ? null
                        : ReportCoverageAnalysis.unreadableSentence(found.unreadable()))
                .filter(Objects::nonNull).map(n -> " " + n).collect(Collectors.joining());
        List<Metric> skipMetrics = List.of(Metric.of("coverage_reports", 0),
                Metric.of("coverage_reports_ignored", selection.ignored().size()),
                Metric.of("coverage_reports_unreadable", found.unreadable().size()));
        if (!hasJava && !snapshot.files(Language.PYTHON).isEmpty()) {
            return new PythonTestMappingAnalysis().analyze(snapshot, selection, found.unreadable(),
                    pythonModels.modelled(snapshot));
        }
        if (!hasJava) {
            return PerspectiveResult.skipped(noReport + " and the repository has no Java or Python sources to match tests to"
                    + " by name; test coverage cannot be measured or estimated." + notes, skipMetrics);
        }
        JavaModel model = javaModels.model(snapshot);
        if (model.parsedFiles().isEmpty()) {
            return PerspectiveResult.skipped(noReport + " and none of the " + Plural.of(model.files().size(), "Java file")
                    + " could be parsed, so tests cannot be matched to classes." + notes, skipMetrics);
        }
        ChurnResult churnResult = churn(snapshot);
        return new TestMappingAnalysis().analyze(snapshot, model, churnResult.commitsByPath(), churnResult.missing(),
                selection, found.unreadable(),
                properties.getAnalysis().getChurnWindow().toDays());
    }

    /** Why there is no measured coverage: no readable report at all, or every readable one was ignored. */
    private static String noReport(FoundReports found, ReportSelection selection) {
        if (found.readable().isEmpty()) {
            return "No coverage report found (looked for " + String.join(", ", CoverageReportFinder.PATTERNS)
                    + " up to " + CoverageReportFinder.MAX_DEPTH + " folders deep)";
        }
        return "No coverage report measures this repository's main code (" + selection.ignored().size()
                + " ignored)";
    }

    /**
     * With a report, the Java model only resolves classes by name and adds class lines; without it those classes
     * stay unresolved and findings carry no line.
     */
    private JavaModel optionalModel(Snapshot snapshot) {
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
