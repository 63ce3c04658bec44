package dev.autocoder.workers.testplan;

import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loops two deep are how a grid or a pair of lists is walked (rich renders rows of cells that way): a low
 * {@code nested-loops} finding; three deep is rarely meant and stays medium, in Java as in Python.
 */
class NestedLoopSeverityTest {

    private static final String PYTHON = """
            def render(rows):
                out = []
                for row in rows:
                    for cell in row:
                        out.append(str(cell))
                return out


            def cube(planes):
                total = 0
                for plane in planes:
                    for row in plane:
                        for cell in row:
                            total += cell
                return total
            """;

    private static final String JAVA = """
            package shop;

            import java.util.List;

            public class Grid {
                public int sum(List<List<Integer>> rows) {
                    int sum = 0;
                    for (List<Integer> row : rows) {
                        for (int cell : row) {
                            sum += cell;
                        }
                    }
                    return sum;
                }

                public int cube(List<List<List<Integer>>> planes) {
                    int sum = 0;
                    for (List<List<Integer>> plane : planes) {
                        for (List<Integer> row : plane) {
                            for (int cell : row) {
                                sum += cell;
                            }
                        }
                    }
                    return sum;
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void twoDeepIsLowThreeDeepMedium() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/grid.py", PYTHON,
                "src/main/java/shop/Grid.java", JAVA));

        PerspectiveResult performance = harness.run(harness.perspective("performance-impact"));

        assertThat(performance.findings()).filteredOn(f -> f.rule().equals("nested-loops"))
                .extracting(f -> f.severity() + " " + f.file() + ":" + f.line())
                .containsExactlyInAnyOrder("LOW shop/grid.py:4", "MEDIUM shop/grid.py:13",
                        "LOW src/main/java/shop/Grid.java:9", "MEDIUM src/main/java/shop/Grid.java:20");
    }
}
