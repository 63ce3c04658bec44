package dev.autocoder.workers.app;

import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.StoreFiles;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.config.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad setting stops start-up with one message that names the key. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationErrorsTest {

    @TempDir
    Path temp;

    private Map<String, Object> properties(String key, String value) throws Exception {
        Path target = Files.createDirectories(temp.resolve("target-repo"));
        Map<String, Object> properties = App.fastWorkerProperties(target, temp.resolve("store"));
        properties.put(key, value);
        return properties;
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void newCodeSettingThatIsNoBaseline() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.gate.new-code", "weeks:2")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.gate.new-code: ")
                        .contains("branch:<name>, commit:<sha> or days:<n>"));
    }

    @Test
    void missingTarget() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.target.path", temp.resolve("nope").toString())))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.target.path: ").contains("does not exist"));
    }

    @Test
    void targetIsNotADirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("file.txt"), "x");
        assertThatThrownBy(() -> App.start(properties("autocoder.target.path", file.toString())))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.target.path: ").contains("not a directory"));
    }

    @Test
    void unknownPerspective() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.analysis.perspectives", "code-quality,astrology")))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .isEqualTo("autocoder.workers.analysis.perspectives: unknown perspective 'astrology'; known: "
                                + "code-quality, architecture, performance, security, dependencies, test-coverage"));
    }

    @Test
    void periodThatIsNotADuration() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.analysis.period", "PT1M")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.workers.analysis.period: 'PT1M' is not a duration"));
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.analysis.period", "soon")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.workers.analysis.period: 'soon' is not a duration"));
    }

    @Test
    void badStoreRetention() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.store.retention", "P15D")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.store.retention: 'P15D' is not a duration"));
        assertThatThrownBy(() -> App.start(properties("autocoder.store.retention-check", "0")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.store.retention-check: must be longer than 0"));
    }

    @Test
    void badHubSettings() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.hub.commit-interval", "PT5M")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.hub.commit-interval: 'PT5M' is not a duration"));
        assertThatThrownBy(() -> App.start(properties("autocoder.hub.endpoint", "ftp://hub.example")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.hub.endpoint: must be an http(s) URL"));
        assertThatThrownBy(() -> App.start(properties("autocoder.dashboard.hub-refresh", "often")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.dashboard.hub-refresh: 'often' is not a duration"));
    }

    @Test
    void badTestPlanningSettings() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.test-planning.perspectives", "edge-cases,astrology")))
                .satisfies(e -> assertThat(rootOf(e).getMessage())
                        .startsWith("autocoder.workers.test-planning.perspectives: unknown perspective 'astrology'"));
        assertThatThrownBy(() -> App.start(properties("autocoder.testplan.max-items-per-row", "0")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).isEqualTo("autocoder.testplan.max-items-per-row: must be at least 1"));
    }

    @Test
    void aZeroInventoryTimeoutIsRefused() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.analysis.inventory-timeout", "0s")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).isEqualTo("autocoder.analysis.inventory-timeout: must be longer than 0"));
    }

    @Test
    void noneRunsNoWorkerAndCannotBeCombined() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.enabled", "none,analysis")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.workers.enabled: 'none' cannot be combined"));
    }

    @Test
    void unknownWorker() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.workers.enabled", "analysis,astrology")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.workers.enabled: unknown worker 'astrology'"));
    }

    @Test
    void gitUrlWithAnUnsupportedScheme() throws Exception {
        assertThatThrownBy(() -> App.start(properties("autocoder.target.git-url", "gopher://example.org/repo.git")))
                .satisfies(e -> assertThat(rootOf(e).getMessage()).startsWith("autocoder.target.git-url: unsupported scheme"));
    }

    /** Starts the application, which must refuse to start; a context that did start is closed again. */
    private static Throwable startFailure(Map<String, Object> properties) {
        try (ConfigurableApplicationContext started = App.start(properties)) {
            throw new AssertionError("the application started with " + properties);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void storePathThatIsAFile(CapturedOutput output) throws Exception {
        Path file = Files.writeString(temp.resolve("store-file"), "x");

        Throwable failure = startFailure(properties("autocoder.store.path", file.toString()));

        assertThat(rootOf(failure)).isInstanceOf(InvalidConfigurationException.class);
        assertThat(rootOf(failure).getMessage()).isEqualTo("autocoder.store.path: " + file.toAbsolutePath()
                + " is a file, not a folder");
        assertThat(output.getOut() + output.getErr())
                .contains("Invalid configuration: autocoder.store.path: " + file.toAbsolutePath() + " is a file")
                .doesNotContain("\tat dev.autocoder");
    }

    @Test
    void storePathThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(temp.resolve("store-file"), "x");
        Path below = file.resolve("datasets");

        Throwable failure = startFailure(properties("autocoder.store.path", below.toString()));

        assertThat(rootOf(failure).getMessage()).startsWith("autocoder.store.path: " + below.toAbsolutePath()
                + " is not a writable folder: ");
    }

    @Test
    void periodTooLongForMilliseconds() throws Exception {
        for (String period : List.of("99999999999999999999s", "99999999999999999999", "9999999999999999d")) {
            Throwable failure = startFailure(properties("autocoder.workers.analysis.period", period));
            assertThat(rootOf(failure)).isInstanceOf(InvalidConfigurationException.class);
            assertThat(rootOf(failure).getMessage()).isEqualTo("autocoder.workers.analysis.period: '" + period
                    + "' is too long: at most " + Long.MAX_VALUE + " milliseconds");
        }
    }

    /** A remote that is down can heal: the application starts, writes error rows and keeps going. */
    @Test
    void unreachableRemoteGivesErrorRowsAndTheWorkerGoesOn() throws Exception {
        Map<String, Object> properties = properties("autocoder.target.git-url", "http://user:s3cr3t-t0ken@127.0.0.1:9/repo.git");
        properties.put("autocoder.target.work-dir", temp.resolve("checkout").toString());
        // only the analysis worker's rows are checked: the other workers would only compete for the cores
        properties.put("autocoder.workers.enabled", "analysis");
        try (ConfigurableApplicationContext context = App.start(properties)) {
            DatasetStore store = context.getBean(DatasetStore.class);
            await("3 rows").atMost(Duration.ofMinutes(1)).until(() -> store.rows("autocoder-analysis-results").size() >= 3);
            List<Row> rows = store.rows("autocoder-analysis-results");
            assertThat(rows).extracting(Row::status).containsOnly(Status.ERROR);
            assertThat(rows).extracting(Row::iteration).startsWith(1L, 2L, 3L);
            assertThat(rows).extracting(Row::perspectiveId).startsWith("code-quality", "architecture", "performance");
            assertThat(rows.get(0).error()).startsWith("TargetUnavailableException: autocoder.target.git-url: cannot reach http://127.0.0.1:9/repo.git");
            assertThat(rows.get(0).repository()).isEqualTo("http://127.0.0.1:9/repo.git");
        }
        assertThat(StoreFiles.allText(temp.resolve("store"))).doesNotContain("s3cr3t-t0ken");
    }
}
