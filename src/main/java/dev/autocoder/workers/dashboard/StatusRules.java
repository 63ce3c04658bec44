package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The status rules, as pure functions of the facts and the current instant.
 * <p>
 * A worker is <em>up</em> when it runs and wrote a row within 3 × its period. The window starts at its first
 * expected row (start-up or the last Start, plus its delay), so a worker that just started is not stale. The
 * system is "All Systems Operational" when every worker is up, "System Offline" when none is, and
 * "Partial Operation (n/m workers)" otherwise.
 */
final class StatusRules {

    static final int STALE_PERIODS = 3;

    private StatusRules() {
    }

    public static WorkerHealth health(WorkerDefinition definition, boolean running, Instant runningSince,
                                      Row lastRow, Instant lastRowAt, Instant now) {
        Duration staleAfter = Duration.ofMillis(definition.periodMillis()).multipliedBy(STALE_PERIODS);
        Instant firstExpected = runningSince.plusMillis(definition.delayMillis());
        Instant reference = lastRowAt != null && lastRowAt.isAfter(firstExpected) ? lastRowAt : firstExpected;
        Instant dueBy = reference.plus(staleAfter);
        if (!running) {
            return new WorkerHealth(WorkerCondition.STOPPED, false, "stopped: its schedule does not fire", staleAfter, null);
        }
        String limit = "limit 3 × " + ReadableTimes.human(Duration.ofMillis(definition.periodMillis()));
        if (now.isAfter(dueBy)) {
            String since = lastRowAt == null ? "no row yet" : "last row " + ReadableTimes.human(Duration.between(lastRowAt, now)) + " ago";
            return new WorkerHealth(WorkerCondition.STALE, false, "stale: " + since + " (" + limit + ")", staleAfter, dueBy);
        }
        String since = lastRowAt == null || !lastRowAt.isAfter(firstExpected) ? "first row expected"
                : "last row " + ReadableTimes.human(Duration.between(lastRowAt, now).isNegative() ? Duration.ZERO : Duration.between(lastRowAt, now)) + " ago";
        if (lastRow != null && lastRow.status() == Status.ERROR) {
            return new WorkerHealth(WorkerCondition.FAILING, true, "failing: the latest iteration ended in an error; "
                    + since + " (" + limit + ")", staleAfter, dueBy);
        }
        return new WorkerHealth(WorkerCondition.RUNNING, true, "ok: " + since + " (" + limit + ")", staleAfter, dueBy);
    }

    /**
     * A running worker whose first iteration waits for another worker's first row (see WorkerReadiness): up, and
     * not stale while it waits; its grace for the first row starts when the wait ends.
     */
    public static WorkerHealth waiting(WorkerDefinition definition, String awaited, Instant since, Instant now) {
        Duration staleAfter = Duration.ofMillis(definition.periodMillis()).multipliedBy(STALE_PERIODS);
        Duration waited = Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
        return new WorkerHealth(WorkerCondition.RUNNING, true, "waiting for the " + awaited + " worker's first row ("
                + ReadableTimes.human(waited) + " so far, at most " + ReadableTimes.human(Duration.ofMillis(definition.maxWaitMillis()))
                + ")", staleAfter, since.plusMillis(definition.maxWaitMillis()).plus(staleAfter));
    }

    public static SystemStatus system(List<WorkerHealth> workers) {
        long up = workers.stream().filter(WorkerHealth::up).count();
        int total = workers.size();
        if (total > 0 && up == total) {
            return new SystemStatus(SystemStatus.Health.OPERATIONAL, "All Systems Operational", up, total);
        }
        if (up == 0) {
            return new SystemStatus(SystemStatus.Health.OFFLINE, "System Offline", up, total);
        }
        return new SystemStatus(SystemStatus.Health.PARTIAL, "Partial Operation (" + up + "/" + total + " workers)", up, total);
    }
}
