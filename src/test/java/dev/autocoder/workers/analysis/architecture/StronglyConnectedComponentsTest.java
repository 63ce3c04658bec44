package dev.autocoder.workers.analysis.architecture;

import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.analysis.architecture.ArchitecturePerspectiveTest.findings;
import static dev.autocoder.workers.analysis.architecture.ArchitecturePerspectiveTest.list;
import static dev.autocoder.workers.analysis.architecture.ArchitecturePerspectiveTest.metric;
import static dev.autocoder.workers.analysis.architecture.JavaProjectFixture.noHistory;
import static org.assertj.core.api.Assertions.assertThat;

class StronglyConnectedComponentsTest {

    @Test
    void findsTheComponentsOfASmallGraph() {
        // The example of Tarjan's paper as drawn on Wikipedia: {1,2,3}, {4,5}, {6,7}, {8}.
        Map<String, List<String>> graph = new LinkedHashMap<>();
        graph.put("1", List.of("2"));
        graph.put("2", List.of("3"));
        graph.put("3", List.of("1"));
        graph.put("4", List.of("2", "3", "5"));
        graph.put("5", List.of("4", "6"));
        graph.put("6", List.of("3", "7"));
        graph.put("7", List.of("6"));
        graph.put("8", List.of("5", "7", "8"));

        assertThat(StronglyConnectedComponents.of(graph)).containsExactly(
                List.of("1", "2", "3"), List.of("6", "7"), List.of("4", "5"), List.of("8"));
    }

    @Test
    void aChainOfAMillionNodesDoesNotOverflowTheStack() {
        int n = 1_000_000;
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
        }
        successors[n - 1] = new int[] {0}; // closes one huge cycle

        List<int[]> components = StronglyConnectedComponents.of(successors);

        assertThat(components).hasSize(1);
        assertThat(components.get(0)).hasSize(n);
    }

    @Test
    void fiveThousandPackagesInALongChainWithCycles(@TempDir Path root) throws Exception {
        // p0 → p1 → … → p4999; in the first 25 blocks of 100 packages the last one imports the first back.
        int packages = 5000;
        JavaProjectFixture project = new JavaProjectFixture(root);
        for (int i = 0; i < packages; i++) {
            List<String> imports = new ArrayList<>();
            if (i + 1 < packages) {
                imports.add("p" + (i + 1) + ".T" + (i + 1));
            }
            if (i % 100 == 99 && i < 2500) {
                imports.add("p" + (i - 99) + ".T" + (i - 99));
            }
            project.addClass("p" + i, "T" + i, imports, 1);
        }

        PerspectiveResult result = project.analyze(noHistory());

        assertThat(metric(result, "packages")).isEqualTo(5000);
        assertThat(metric(result, "package_dependencies")).isEqualTo(4999 + 25);
        assertThat(metric(result, "dependency_cycles")).isEqualTo(25);
        assertThat(metric(result, "packages_in_cycles")).isEqualTo(2500);
        assertThat(findings(result, "package-cycle")).hasSize(25);
        List<Map<String, Object>> cycles = list(result.details().get("cycles"));
        assertThat(cycles.get(0).get("members")).asList().hasSize(100).contains("p0", "p99").doesNotContain("p100");
        assertThat(cycles.get(0).get("edges_total")).isEqualTo(100);
    }
}
