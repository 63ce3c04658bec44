package dev.autocoder.workers.worker;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every perspective bean, grouped by worker in canonical order. The canonical order gives each perspective its
 * stable {@code perspective_number}, whatever rotation a route configures.
 */
@Component
public class PerspectiveCatalog {

    /** Canonical order of the analysis worker's perspective ids. */
    public static final List<String> CANONICAL_ORDER = List.of(
            "code-quality", "architecture", "performance", "security", "dependencies", "test-coverage");

    /**
     * Canonical order per worker: perspective ids are unique only within a worker (both the analysis and the
     * test-planning worker have a {@code security} perspective), so the order is looked up per worker.
     */
    public static final Map<String, List<String>> CANONICAL_ORDER_BY_WORKER = Map.of(
            "analysis", CANONICAL_ORDER,
            "test-planning", List.of("what-are-we-testing", "failure-modes", "integration-points", "edge-cases",
                    "performance-impact", "backwards-compatibility", "data-integrity", "error-handling",
                    "user-experience", "security", "coverage-strategy", "test-pyramid", "mocking-strategy", "ci-cd",
                    "big-picture"),
            "implementation", List.of("deep-understanding", "architectural-analysis", "approach-evaluation",
                    "risk-analysis", "testing-strategy", "implementation-plan"));

    private final List<Perspective> perspectives;

    public PerspectiveCatalog(List<Perspective> perspectives) {
        List<Perspective> sorted = new ArrayList<>(perspectives);
        sorted.sort(Comparator.comparing(Perspective::worker).thenComparing(p -> canonicalIndex(p.worker(), p.id())));
        this.perspectives = List.copyOf(sorted);
    }

    public List<String> workers() {
        return perspectives.stream().map(Perspective::worker).distinct().toList();
    }

    /** The worker's perspectives in canonical order. */
    public List<Perspective> forWorker(String worker) {
        return perspectives.stream().filter(p -> p.worker().equals(worker)).toList();
    }

    public Optional<Perspective> find(String worker, String id) {
        return forWorker(worker).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** 1-based position of a perspective within its worker's canonical order. */
    public int number(String worker, String id) {
        List<Perspective> own = forWorker(worker);
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unknown perspective '" + id + "' for worker " + worker);
    }

    private static int canonicalIndex(String worker, String id) {
        int i = CANONICAL_ORDER_BY_WORKER.getOrDefault(worker, List.of()).indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
