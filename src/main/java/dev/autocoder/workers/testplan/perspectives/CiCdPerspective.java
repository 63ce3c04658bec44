package dev.autocoder.workers.testplan.perspectives;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.testplan.PlanResult;
import dev.autocoder.workers.testplan.Planning;
import dev.autocoder.workers.testplan.TestPlanServices;
import dev.autocoder.workers.testplan.TestPlanningPerspective;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Severity;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CI/CD Integration: the CI configuration in the target and what it runs.
 * <p>
 * Files: {@code .github/workflows/*.yml}, {@code .gitlab-ci.yml}, {@code Jenkinsfile}, every file under {@code .ci/},
 * {@code azure-pipelines.yml}, {@code .circleci/config.yml}, {@code .travis.yml}, {@code bitbucket-pipelines.yml}.
 * YAML files are parsed (SnakeYAML, safe constructor) and their {@code run}, {@code script}, {@code command} steps
 * collected; other files are read line by line. A command runs tests when it is {@code mvn}/{@code mvnw} with
 * {@code test}, {@code verify}, {@code install} or {@code package}, {@code gradle}/{@code gradlew} with
 * {@code test}, {@code check} or {@code build}, {@code npm test}, {@code pytest}, {@code go test} or
 * {@code cargo test}, and does not skip them ({@code -DskipTests}, {@code -Dmaven.test.skip}, {@code -x test}).
 * <p>
 * Findings: {@code no-ci} (high), {@code ci-without-tests} (high), {@code tests-skipped-in-ci} (high),
 * {@code no-coverage-in-ci} (low), {@code no-static-analysis-in-ci} (info), {@code unparseable-ci-file} (medium).
 * Quality score: 0.4 (CI present) + 0.4 (runs tests, not skipped) + 0.1 (coverage) + 0.1 (static analysis).
 */
@Component
class CiCdPerspective extends TestPlanningPerspective {

    private static final Pattern CI_FILE = Pattern.compile("(\\.github/workflows/[^/]+\\.ya?ml|\\.gitlab-ci\\.ya?ml|Jenkinsfile"
            + "|\\.ci/.+|azure-pipelines\\.ya?ml|\\.circleci/config\\.ya?ml|\\.travis\\.ya?ml|bitbucket-pipelines\\.ya?ml)");
    private static final Pattern RUNS_TESTS = Pattern.compile("(mvnw?(\\.cmd)?\\b.*\\b(test|verify|install|package)\\b)"
            + "|(gradlew?\\b.*\\b(test|check|build)\\b)|(npm (run )?test)|\\bpytest\\b|(go test)|(cargo test)");
    private static final Pattern SKIPS_TESTS = Pattern.compile("-DskipTests|-Dmaven\\.test\\.skip=true|-x test");
    private static final Pattern COVERAGE = Pattern.compile("(?i)jacoco|cobertura|--coverage|coverage|codecov");
    private static final Pattern ANALYSIS = Pattern.compile("(?i)\\b(pmd|spotbugs|checkstyle|sonar|errorprone|eslint|ruff)\\b");

    CiCdPerspective(TestPlanServices services) {
        super(services, "ci-cd", "CI/CD Integration");
    }

    @Override
    protected boolean needsJava() {
        return false;
    }

    @Override
    protected PlanResult plan(Planning planning, PerspectiveContext context) {
        PlanResult result = new PlanResult();
        Snapshot snapshot = planning.snapshot();
        Map<String, List<String>> commandsByFile = new LinkedHashMap<>();
        for (SourceFile file : snapshot.files()) {
            if (!CI_FILE.matcher(file.path()).matches()) {
                continue;
            }
            if (!file.isAnalyzableText()) {
                result.notes.add(file.path() + " is binary or too large: not read.");
                continue;
            }
            try {
                String text = snapshot.read(file);
                commandsByFile.put(file.path(), file.path().matches(".*\\.ya?ml") ? yamlCommands(text) : lines(text));
            } catch (Exception e) {
                result.findings.add(Finding.of("unparseable-ci-file", "CI/CD", Severity.MEDIUM, file.path(), null, null,
                        file.path() + " could not be read as CI configuration: " + e.getClass().getSimpleName(), file.path()));
            }
        }
        List<String> commands = commandsByFile.values().stream().flatMap(List::stream).toList();
        List<String> testCommands = commands.stream().filter(c -> RUNS_TESTS.matcher(c).find()).toList();
        boolean skipped = !testCommands.isEmpty() && testCommands.stream().allMatch(c -> SKIPS_TESTS.matcher(c).find());
        boolean coverage = commands.stream().anyMatch(c -> COVERAGE.matcher(c).find()) || buildHasCoverage(snapshot);
        boolean analysis = commands.stream().anyMatch(c -> ANALYSIS.matcher(c).find());
        double score = 0;
        if (commandsByFile.isEmpty()) {
            result.findings.add(Finding.of("no-ci", "CI/CD", Severity.HIGH, null, null, null,
                    "No CI configuration found (GitHub Actions, GitLab CI, Jenkinsfile, .ci/, Azure, CircleCI, Travis, Bitbucket).", "no-ci"));
            result.recommendations.add("Add a CI pipeline that builds and runs the tests on every push.");
        } else {
            score += 0.4;
            if (testCommands.isEmpty()) {
                result.findings.add(Finding.of("ci-without-tests", "CI/CD", Severity.HIGH, null, null, null,
                        "The CI configuration never runs the tests.", "ci-without-tests"));
                result.recommendations.add("Run the test suite in CI (e.g. ./mvnw verify).");
            } else if (skipped) {
                result.findings.add(Finding.of("tests-skipped-in-ci", "CI/CD", Severity.HIGH, null, null, null,
                        "Every build command in CI skips the tests: " + testCommands.get(0), "tests-skipped-in-ci"));
                result.recommendations.add("Stop skipping tests in CI.");
            } else {
                score += 0.4;
            }
            if (coverage) {
                score += 0.1;
            } else {
                result.findings.add(Finding.of("no-coverage-in-ci", "CI/CD", Severity.LOW, null, null, null,
                        "CI does not measure test coverage.", "no-coverage-in-ci"));
                result.recommendations.add("Measure coverage in CI (e.g. " + (planning.model().mainFiles().stream().allMatch(f -> f.path().endsWith(".py"))
                        && !planning.model().mainFiles().isEmpty() ? "coverage.py through pytest-cov" : "JaCoCo") + ") so the coverage strategy can track goals.");
            }
            if (analysis) {
                score += 0.1;
            } else {
                result.findings.add(Finding.of("no-static-analysis-in-ci", "CI/CD", Severity.INFO, null, null, null,
                        "CI runs no static analysis (PMD, SpotBugs, Checkstyle, Sonar...).", "no-static-analysis-in-ci"));
            }
        }
        result.qualityScore = Math.round(score * 10_000) / 10_000.0;
        result.details.put("ci_files", commandsByFile.keySet());
        result.details.put("commands", commands.size() > 50 ? commands.subList(0, 50) : commands);
        result.details.put("test_commands", testCommands);
        result.metric("ci_files", commandsByFile.size()).metric("ci_commands", commands.size())
                .metric("test_commands", testCommands.size()).metric("runs_tests", testCommands.isEmpty() || skipped ? 0 : 1)
                .metric("measures_coverage", coverage ? 1 : 0).metric("runs_static_analysis", analysis ? 1 : 0);
        result.summary = commandsByFile.isEmpty() ? "No CI configuration in the repository."
                : Plural.of(commandsByFile.size(), "CI file") + " (" + String.join(", ", commandsByFile.keySet()) + "), "
                + Plural.of(commands.size(), "command") + "; tests "
                + (testCommands.isEmpty() ? "never run" : skipped ? "skipped" : "run") + ", coverage "
                + (coverage ? "measured" : "not measured") + ", static analysis " + (analysis ? "run" : "not run") + ".";
        return result;
    }

    /** Build files that configure a coverage plugin count as measuring coverage when CI runs the build. */
    private static boolean buildHasCoverage(Snapshot snapshot) {
        return snapshot.files().stream().filter(f -> f.path().equals("pom.xml") || f.path().startsWith("build.gradle"))
                .anyMatch(f -> {
                    try {
                        return f.isAnalyzableText() && snapshot.read(f).contains("jacoco");
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    private static List<String> yamlCommands(String text) {
        List<String> commands = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(text)) {
            collect(document, null, commands);
        }
        return commands;
    }

    private static void collect(Object node, String key, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, String.valueOf(k), out));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, out));
        } else if (node instanceof String text && key != null
                && (key.equals("run") || key.equals("script") || key.equals("command") || key.equals("before_script")
                || key.equals("after_script") || key.equals("bash") || key.equals("sh"))) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("//")).toList();
    }
}
