package dev.autocoder.workers.target;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (worker, target) pairs of the list of targets stopped from the dashboard (Stop on a worker's page with a
 * repository picked), kept in {@code {store}/.state/stopped-targets.json} (worker → target ids) so they stay stopped
 * across restarts. A stopped pair gets no scheduled iteration ({@link FleetDispatcher}); the worker goes on on every
 * other target.
 */
public class StoppedTargets {

    private static final Logger log = LoggerFactory.getLogger(StoppedTargets.class);

    private final StateFile<Map<String, Set<String>>> file;
    private final Clock clock;
    private final Map<String, Set<String>> stopped = new ConcurrentHashMap<>();
    /** worker@target → its last Start: its first row is due one period after it. */
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

    public StoppedTargets(Path storeRoot, ObjectMapper mapper, Clock clock) {
        this.file = new StateFile<>(storeRoot, "stopped-targets.json", mapper, new TypeReference<>() {
        }, Map::of);
        this.clock = clock;
        file.read().forEach((worker, targets) -> {
            Set<String> set = ConcurrentHashMap.newKeySet();
            set.addAll(targets);
            stopped.put(worker, set);
        });
        if (!stopped.isEmpty()) {
            log.info("Stopped on some targets from the dashboard before the restart, and still stopped there: {}", stopped);
        }
    }

    public boolean isStopped(String worker, String targetId) {
        Set<String> targets = stopped.get(worker);
        return targets != null && targets.contains(targetId);
    }

    public synchronized void stop(String worker, String targetId) {
        stopped.computeIfAbsent(worker, w -> ConcurrentHashMap.newKeySet()).add(targetId);
        write();
        log.info("Worker {} stopped on target {} from the dashboard", worker, targetId);
    }

    public synchronized void start(String worker, String targetId) {
        Set<String> targets = stopped.get(worker);
        startedAt.put(worker + "@" + targetId, clock.instant());
        if (targets != null && targets.remove(targetId)) {
            write();
            log.info("Worker {} started on target {} from the dashboard", worker, targetId);
        }
    }

    /** Start of the worker on every target: no target of it stays stopped. */
    public synchronized void startEverywhere(String worker) {
        Set<String> targets = stopped.remove(worker);
        if (targets != null && !targets.isEmpty()) {
            Instant now = clock.instant();
            targets.forEach(target -> startedAt.put(worker + "@" + target, now));
            write();
        }
    }

    /** When the pair was last started from the dashboard, if it was since start-up. */
    public Optional<Instant> startedAt(String worker, String targetId) {
        return Optional.ofNullable(startedAt.get(worker + "@" + targetId));
    }

    /** Forgets every stop (autocoder.dashboard.remember-stopped off): every pair runs after a restart. */
    public synchronized void forgetAll() {
        if (!stopped.isEmpty() || file.exists()) {
            stopped.clear();
            write();
        }
    }

    private void write() {
        Map<String, Set<String>> sorted = new TreeMap<>();
        stopped.forEach((worker, targets) -> {
            if (!targets.isEmpty()) {
                sorted.put(worker, new TreeSet<>(targets));
            }
        });
        file.write(sorted);
    }
}
