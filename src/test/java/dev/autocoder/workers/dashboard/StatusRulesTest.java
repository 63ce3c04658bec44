package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker states, the stale rule and the system status line, on a clock the test moves. */
class StatusRulesTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    /** Period 60 s, delay 5 s: stale after 180 s without a row. */
    private static final WorkerDefinition ANALYSIS = new WorkerDefinition("analysis", "analysis-worker", "results",
            List.of("architecture", "security"), 60_000, 5_000);
    /** Period 10 s, delay 0: stale after 30 s. */
    private static final WorkerDefinition FAST = new WorkerDefinition("fast", "fast-worker", "fast-results",
            List.of("architecture"), 10_000, 0);

    @Test
    void aWorkerWithARecentRowIsRunningAndUp() {
        WorkerHealth health = StatusRules.health(ANALYSIS, true, START, row(Status.OK), START.plusSeconds(100), START.plusSeconds(130));

        assertThat(health.condition()).isEqualTo(WorkerCondition.RUNNING);
        assertThat(health.up()).isTrue();
        assertThat(health.reason()).isEqualTo("ok: last row 30 s ago (limit 3 × 1 min)");
        assertThat(health.dueBy()).isEqualTo(START.plusSeconds(280));
    }

    @Test
    void staleOnlyAfterThreePeriodsWithoutARow() {
        Instant lastRow = START.plusSeconds(10);
        // due by last row + 180 s: exactly at the limit it is still running
        assertThat(StatusRules.health(ANALYSIS, true, START, row(Status.OK), lastRow, lastRow.plusSeconds(180)).condition())
                .isEqualTo(WorkerCondition.RUNNING);
        WorkerHealth stale = StatusRules.health(ANALYSIS, true, START, row(Status.OK), lastRow, lastRow.plusSeconds(181));
        assertThat(stale.condition()).isEqualTo(WorkerCondition.STALE);
        assertThat(stale.up()).isFalse();
        assertThat(stale.reason()).isEqualTo("stale: last row 3 min 1 s ago (limit 3 × 1 min)");
    }

    @Test
    void aNewWorkerIsNotStaleBeforeItsFirstExpectedRowPlusThreePeriods() {
        // first row expected at start + 5 s delay; stale only 180 s after that
        WorkerHealth waiting = StatusRules.health(ANALYSIS, true, START, null, null, START.plusSeconds(185));
        assertThat(waiting.condition()).isEqualTo(WorkerCondition.RUNNING);
        assertThat(waiting.up()).isTrue();
        assertThat(waiting.reason()).startsWith("ok: first row expected");

        WorkerHealth late = StatusRules.health(ANALYSIS, true, START, null, null, START.plusSeconds(186));
        assertThat(late.condition()).isEqualTo(WorkerCondition.STALE);
        assertThat(late.reason()).isEqualTo("stale: no row yet (limit 3 × 1 min)");
    }

    @Test
    void aWorkerWaitingForTheAnalysisWorkersFirstRowIsUpAndNotStaleBeyondThreePeriods() {
        WorkerDefinition implementation = new WorkerDefinition("implementation", "implementation-worker", "impl",
                List.of("deep-understanding"), 60_000, 5_000, "analysis", 600_000);
        // five minutes into the wait: beyond 3 × 60 s, yet the worker only waits as told
        WorkerHealth waiting = StatusRules.waiting(implementation, "analysis", START, START.plusSeconds(300));

        assertThat(waiting.condition()).isEqualTo(WorkerCondition.RUNNING);
        assertThat(waiting.up()).isTrue();
        assertThat(waiting.reason()).isEqualTo("waiting for the analysis worker's first row (5 min so far, at most 10 min)");
        assertThat(waiting.dueBy()).isEqualTo(START.plusSeconds(600 + 180));
    }

    @Test
    void aRestartedWorkerGetsItsGraceAgainThoughItsLastRowIsOld() {
        Instant resumed = START.plus(Duration.ofHours(2));
        Instant oldRow = START.plusSeconds(30);
        assertThat(StatusRules.health(ANALYSIS, true, resumed, row(Status.OK), oldRow, resumed.plusSeconds(60)).condition())
                .isEqualTo(WorkerCondition.RUNNING);
        assertThat(StatusRules.health(ANALYSIS, true, resumed, row(Status.OK), oldRow, resumed.plusSeconds(186)).condition())
                .isEqualTo(WorkerCondition.STALE);
    }

    @Test
    void aLatestErrorRowMeansFailingButStillUp() {
        WorkerHealth failing = StatusRules.health(ANALYSIS, true, START, row(Status.ERROR), START.plusSeconds(60), START.plusSeconds(70));
        assertThat(failing.condition()).isEqualTo(WorkerCondition.FAILING);
        assertThat(failing.up()).isTrue();
        // stale wins over failing: an old error says less than the silence after it
        assertThat(StatusRules.health(ANALYSIS, true, START, row(Status.ERROR), START.plusSeconds(60), START.plusSeconds(300)).condition())
                .isEqualTo(WorkerCondition.STALE);
    }

    @Test
    void aStoppedWorkerIsStoppedAndDownWhateverItsRows() {
        WorkerHealth stopped = StatusRules.health(ANALYSIS, false, START, row(Status.OK), START.plusSeconds(60), START.plusSeconds(61));
        assertThat(stopped.condition()).isEqualTo(WorkerCondition.STOPPED);
        assertThat(stopped.up()).isFalse();
    }

    @Test
    void theSystemLineGoesFromOperationalToPartialToOfflineAsTimePasses() {
        MovableClock clock = new MovableClock(START);
        Instant analysisRow = START.plusSeconds(10);
        Instant fastRow = START.plusSeconds(12);
        clock.set(START.plusSeconds(20));
        assertThat(system(clock, analysisRow, fastRow).label()).isEqualTo("All Systems Operational");

        clock.advance(Duration.ofSeconds(25)); // fast: 33 s since its row > 30 s
        SystemStatus partial = system(clock, analysisRow, fastRow);
        assertThat(partial.level()).isEqualTo(SystemStatus.Health.PARTIAL);
        assertThat(partial.label()).isEqualTo("Partial Operation (1/2 workers)");
        assertThat(partial.workersUp()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(3)); // analysis: 215 s since its row > 180 s
        SystemStatus offline = system(clock, analysisRow, fastRow);
        assertThat(offline.level()).isEqualTo(SystemStatus.Health.OFFLINE);
        assertThat(offline.label()).isEqualTo("System Offline");

        // both write again: operational again
        assertThat(system(clock, clock.instant().minusSeconds(1), clock.instant().minusSeconds(1)).level())
                .isEqualTo(SystemStatus.Health.OPERATIONAL);
    }

    @Test
    void noWorkersMeansOffline() {
        assertThat(StatusRules.system(List.of()).label()).isEqualTo("System Offline");
    }

    private static SystemStatus system(MovableClock clock, Instant analysisRow, Instant fastRow) {
        return StatusRules.system(List.of(
                StatusRules.health(ANALYSIS, true, START, row(Status.OK), analysisRow, clock.instant()),
                StatusRules.health(FAST, true, START, row(Status.OK), fastRow, clock.instant())));
    }

    private static Row row(Status status) {
        return new Row(Row.SCHEMA_VERSION, "analysis", 1, START.toString(), 1, "architecture", "Architecture Review",
                "/repo", null, 5, status, status == Status.ERROR ? "boom" : null, null, "s",
                status == Status.OK ? 0.5 : null, 0, List.of(), null, null, List.of(), List.of(), "{}", Map.of());
    }
}
