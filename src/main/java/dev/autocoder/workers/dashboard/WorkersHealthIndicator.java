package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.dataset.DatasetStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "workers" part of /actuator/health: each worker's state and staleness, and whether the dataset store
 * takes writes (a file is created and deleted under {@code {store}/.state/}). DOWN when the store cannot be
 * written or a running worker is stale; a worker stopped from the dashboard is reported, not counted as down.
 */
@Component("workersHealthIndicator") // the name makes the health component "workers"
class WorkersHealthIndicator implements HealthIndicator {

    private final DashboardView view;
    private final DatasetStore store;

    public WorkersHealthIndicator(DashboardView view, DatasetStore store) {
        this.view = view;
        this.store = store;
    }

    @Override
    public Health health() {
        Instant now = view.now();
        Map<String, Object> workers = new LinkedHashMap<>();
        boolean stale = false;
        for (WorkerView worker : view.workers()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", worker.state().label());
            detail.put("stale", worker.state() == WorkerCondition.STALE);
            detail.put("iterations", worker.iterations());
            detail.put("lastRowAt", worker.lastUpdated() == null ? null : worker.lastUpdated().toString());
            detail.put("secondsSinceLastRow", worker.lastUpdated() == null ? null : Duration.between(worker.lastUpdated(), now).toSeconds());
            detail.put("staleAfterSeconds", Duration.ofMillis(worker.periodMs()).multipliedBy(3).toSeconds());
            workers.put(worker.worker(), detail);
            stale |= worker.state() == WorkerCondition.STALE;
        }
        String storeProblem = writeProbe();
        Map<String, Object> storeDetail = new LinkedHashMap<>();
        storeDetail.put("writable", storeProblem == null);
        if (storeProblem != null) {
            storeDetail.put("error", storeProblem);
        }
        Health.Builder health = storeProblem != null || stale ? Health.down() : Health.up();
        return health.withDetail("workers", workers).withDetail("store", storeDetail).build();
    }

    /** Null when a file can be created and deleted in the store; otherwise what failed. */
    private String writeProbe() {
        try {
            Path folder = Files.createDirectories(store.root().resolve(".state"));
            Path probe = Files.createTempFile(folder, "health-", ".probe");
            Files.delete(probe);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
