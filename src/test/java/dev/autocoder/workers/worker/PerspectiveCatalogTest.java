package dev.autocoder.workers.worker;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Perspective ids are unique per worker only: both workers have a "security" perspective at their own place. */
class PerspectiveCatalogTest {

    private static Perspective stub(String worker, String id) {
        return new Perspective() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return worker + "/" + id;
            }

            @Override
            public String worker() {
                return worker;
            }

            @Override
            public PerspectiveResult analyze(PerspectiveContext context) {
                return PerspectiveResult.skipped("stub", List.of());
            }
        };
    }

    @Test
    void canonicalOrderIsLookedUpPerWorker() {
        List<Perspective> all = new ArrayList<>();
        PerspectiveCatalog.CANONICAL_ORDER_BY_WORKER.forEach((worker, ids) -> ids.forEach(id -> all.add(stub(worker, id))));
        Collections.shuffle(all, new java.util.Random(7));

        PerspectiveCatalog catalog = new PerspectiveCatalog(all);

        assertThat(catalog.forWorker("test-planning")).extracting(Perspective::id).containsExactly("what-are-we-testing",
                "failure-modes", "integration-points", "edge-cases", "performance-impact", "backwards-compatibility",
                "data-integrity", "error-handling", "user-experience", "security", "coverage-strategy", "test-pyramid",
                "mocking-strategy", "ci-cd", "big-picture");
        assertThat(catalog.forWorker("analysis")).extracting(Perspective::id).containsExactly("code-quality", "architecture",
                "performance", "security", "dependencies", "test-coverage");
        assertThat(catalog.number("test-planning", "security")).isEqualTo(10);
        assertThat(catalog.number("analysis", "security")).isEqualTo(4);
        assertThat(catalog.find("test-planning", "security").orElseThrow().name()).isEqualTo("test-planning/security");
        assertThat(catalog.find("analysis", "security").orElseThrow().name()).isEqualTo("analysis/security");
    }
}
