package dev.autocoder.workers.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dashboard.MovableClock;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first-row wait's rules on a clock the test moves: the longest wait, no wait, and a wait ended by Stop. */
class WorkerReadinessTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final WorkerDefinition IMPLEMENTATION = new WorkerDefinition("implementation", "implementation-worker",
            "impl", List.of("deep-understanding"), 120_000, 5_000, "analysis", 600_000);

    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock(START);
    private WorkerRegistry registry;

    private WorkerReadiness readiness() throws Exception {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(Files.createDirectories(temp.resolve("repo")));
        DatasetStore store = new DatasetStore(temp.resolve("store"), "local", 1 << 20, new ObjectMapper(), Clock.systemUTC());
        registry = new WorkerRegistry(store, List.of());
        // the analysis worker has started (its history read) but has written no row yet
        registry.recovered(registry.register(new WorkerDefinition("analysis", "analysis-worker", "analysis-results",
                List.of("code-quality"), 60_000, 0)));
        return new WorkerReadiness(registry, null, new TargetRepository(properties),
                new WorkerSelection(properties, new MockEnvironment()),
                new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class));
    }

    @Test
    void theFirstIterationRunsOnceTheLongestWaitHasPassedOnTheClock() throws Exception {
        WorkerReadiness readiness = readiness();
        CompletableFuture<Boolean> tick = CompletableFuture.supplyAsync(
                () -> readiness.awaitFirstRow(IMPLEMENTATION, () -> true, worker -> Optional.of(worker + "-worker")));

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.waiting("implementation").isPresent());
        assertThat(readiness.waiting("implementation").orElseThrow()).isEqualTo(new WorkerReadiness.Waiting("analysis", START));
        clock.advance(Duration.ofMinutes(9));
        assertThat(tick).isNotDone();

        clock.advance(Duration.ofMinutes(1));
        assertThat(tick.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readiness.waiting("implementation")).isEmpty();
        assertThat(readiness.waitEnded("implementation")).hasValue(START.plus(Duration.ofMinutes(10)));
        // once past the wait, it never waits again in this process
        assertThat(readiness.awaitFirstRow(IMPLEMENTATION, () -> true, worker -> Optional.of(worker + "-worker"))).isTrue();
    }

    @Test
    void aRowAnEarlierRunLeftDoesNotEndTheWaitARowWrittenHereDoes() throws Exception {
        WorkerReadiness readiness = readiness();
        WorkerState analysis = registry.find("analysis").orElseThrow();
        Row earlier = analysisRow(7);
        analysis.recovered(earlier, Map.of("code-quality", earlier), Map.of("code-quality", earlier));
        CompletableFuture<Boolean> tick = CompletableFuture.supplyAsync(
                () -> readiness.awaitFirstRow(IMPLEMENTATION, () -> true, worker -> Optional.of(worker + "-worker")));

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness.waiting("implementation").isPresent());
        assertThat(tick).isNotDone();

        analysis.remember(analysisRow(8), Set.of());
        assertThat(tick.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readiness.waitEnded("implementation")).isPresent();
    }

    /** A code-quality row of the analysis worker on the test's repository. */
    private Row analysisRow(long iteration) throws Exception {
        Row row = Rows.row(iteration, "code-quality", List.of());
        return new Row(row.schemaVersion(), row.worker(), iteration, row.timestamp(), row.perspectiveNumber(),
                row.perspectiveId(), row.perspectiveName(), temp.resolve("repo").toRealPath().toString(), row.commit(),
                row.durationMs(), row.status(), null, null, row.summary(), row.qualityScore(), 0, List.of(), 0, 0,
                List.of(), List.of(), "{}", Map.of());
    }

    @Test
    void noWaitWhenTheAnalysisWorkerDoesNotRunInThisProcess() throws Exception {
        WorkerReadiness readiness = readiness();

        assertThat(readiness.awaitFirstRow(IMPLEMENTATION, () -> true, worker -> Optional.empty())).isTrue();
        assertThat(readiness.waitEnded("implementation")).isEmpty();
    }

    @Test
    void aTickEndedByStopRunsNoIterationAndTheWaitCountsFromItsFirstStart() throws Exception {
        WorkerReadiness readiness = readiness();

        assertThat(readiness.awaitFirstRow(IMPLEMENTATION, () -> false, worker -> Optional.of(worker + "-worker"))).isFalse();
        assertThat(readiness.waiting("implementation")).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        // after Start: the ten minutes already waited count, so this tick runs
        assertThat(readiness.awaitFirstRow(IMPLEMENTATION, () -> true, worker -> Optional.of(worker + "-worker"))).isTrue();
    }
}
