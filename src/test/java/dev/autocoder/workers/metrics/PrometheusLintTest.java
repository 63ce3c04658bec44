package dev.autocoder.workers.metrics;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.testsupport.FixtureRepository;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * /actuator/prometheus over loopback after one architecture row, with a second perspective configured that has not
 * run (so it has no score): our own autocoder_* series carry help text and no NaN, and Prometheus' own linter
 * ({@code promtool check metrics}, Debian's prometheus package) reports nothing for them. The promtool part is
 * skipped when promtool is missing, except under CI=true, where that fails (.ci/run installs it).
 */
class PrometheusLintTest {

    private static final String DATASET = "autocoder-analysis-results";

    @TempDir
    static Path temp;
    static ConfigurableApplicationContext app;
    static String scrape;
    static Row architectureRow;

    @BeforeAll
    static void scrapeAfterOneRow() throws Exception {
        FixtureRepository fixture = FixtureRepository.create(temp.resolve("repo"));
        Map<String, Object> properties = App.fastWorkerProperties(fixture.root(), temp.resolve("store"));
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.workers.analysis.perspectives", "architecture,dependencies");
        // one tick now, the next in an hour: dependencies stays without a row, hence without a score
        properties.put("autocoder.workers.analysis.period", "1h");
        app = App.start(properties);
        DatasetStore store = app.getBean(DatasetStore.class);
        await("the architecture row").atMost(Duration.ofMinutes(1)).until(() -> !store.rows(DATASET).isEmpty());
        architectureRow = store.rows(DATASET).get(0);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + App.port(app) + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        scrape = response.body();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPerspectiveWithoutAScoreHasNoSeriesAndNoSampleIsNaN() {
        assertThat(architectureRow.perspectiveId()).isEqualTo("architecture");
        assertThat(architectureRow.qualityScore()).isNotNull();
        List<String> ours = ownLines(scrape);

        assertThat(ours).contains("autocoder_quality_score{perspective=\"architecture\",worker=\"analysis\"} "
                + architectureRow.qualityScore());
        assertThat(ours).noneMatch(l -> l.startsWith("autocoder_quality_score{perspective=\"dependencies\""));
        // the findings gauges of the perspective without a row exist, at zero
        assertThat(ours).contains("autocoder_findings{perspective=\"dependencies\",scope=\"main\",severity=\"high\",worker=\"analysis\"} 0.0");
        assertThat(ours).noneMatch(l -> !l.startsWith("#") && l.endsWith(" NaN"));
        for (String name : List.of("autocoder_iterations_total", "autocoder_iteration_duration_seconds", "autocoder_findings",
                "autocoder_quality_score", "autocoder_rows_written_total")) {
            assertThat(ours).as(name).anyMatch(l -> l.startsWith("# HELP " + name + " ") && !l.strip().equals("# HELP " + name));
        }
    }

    @Test
    void promtoolReportsNothingForOurOwnMetrics() throws Exception {
        Optional<Path> promtool = onPath("promtool");
        if (promtool.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but promtool is not on the PATH: .ci/run installs Debian's prometheus package");
        }
        Assumptions.assumeTrue(promtool.isPresent(), "promtool lint skipped: install Debian's prometheus package");

        String ours = String.join("\n", ownLines(scrape)) + "\n";
        Lint lint = lint(promtool.get(), ours);

        assertThat(lint.output()).as("promtool check metrics on the autocoder_* families").isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    /** Our families: their samples and their HELP and TYPE lines. */
    static List<String> ownLines(String exposition) {
        return exposition.lines()
                .filter(l -> l.startsWith("autocoder_") || l.startsWith("# HELP autocoder_") || l.startsWith("# TYPE autocoder_"))
                .collect(Collectors.toList());
    }

    record Lint(int exitCode, String output) {
    }

    static Lint lint(Path promtool, String exposition) throws Exception {
        Path input = Files.writeString(temp.resolve("metrics-" + System.nanoTime() + ".txt"), exposition);
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(input.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Lint(process.exitValue(), output);
    }

    static Optional<Path> onPath(String program) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
