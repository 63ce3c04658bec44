package dev.autocoder.workers.testplan;

import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loops two deep over collections of their own (each element of one list against each of another) are a low
 * {@code nested-loops} finding; three deep is rarely meant and stays medium, in Java as in Python. A loop over
 * elements written out in the code (two encodings, an enum's values, a constant number of attempts) adds no factor, nor does a loop
 * over what an enclosing loop's element holds (a row's cells, a map entry's list or count, a local computed from the
 * element), which visits each nested element once (httpx's certificate printer walked subject, item and pair three
 * deep: a medium "product of the sizes" finding over one small dictionary). The pairs of one list ({@code range(i)},
 * {@code j < i}) still grow as its square, and so may a loop over what a call returns for each element (the nodes
 * reachable from each node of a graph).
 */
class NestedLoopSeverityTest {

    private static final String PYTHON = """
            def render(rows):
                out = []
                for row in rows:
                    for cell in row:
                        out.append(str(cell))
                return out


            def walk(planes, headers):
                total = 0
                for key, plane in planes.items():
                    rows = plane.rows()
                    for row in rows:
                        for index in range(len(row)):
                            total += row[index]
                for name, values in headers:
                    with name.open() as stream:
                        for line in stream:
                            total += len(line)
                    total += sum(len(v) for v in values)
                return total


            def triangle(items):
                count = 0
                for i in range(len(items)):
                    for j in range(i):
                        count += items[i] == items[j]
                return count


            def cube(xs, ys, zs):
                total = 0
                for x in xs:
                    for y in ys:
                        for z in zs:
                            total += x * y * z
                return total


            def mixed(planes, filters):
                found = []
                for plane in planes:
                    for row in plane:
                        for f in filters:
                            found.append(f(row))
                return found


            def closure(graph):
                edges = []
                for node in graph.nodes():
                    for other in reachable(graph, node):
                        edges.append((node, other))
                return edges


            def reachable(graph, node):
                return graph.nodes()


            def fixed(raw, names):
                for encoding in ["ascii", "utf-8"]:
                    for key in raw:
                        key.decode(encoding)
                for attempt in range(3):
                    for name in names:
                        print(attempt, name)
            """;

    private static final String JAVA = """
            package shop;

            import java.util.List;
            import java.util.Map;

            public class Grid {
                public int sum(List<List<Integer>> rows, Map<String, List<Integer>> byName, Map<String, Integer> counts) {
                    int sum = 0;
                    for (List<Integer> row : rows) {
                        for (int cell : row) {
                            sum += cell;
                        }
                    }
                    for (Map.Entry<String, List<Integer>> entry : byName.entrySet()) {
                        List<Integer> values = entry.getValue();
                        for (int i = 0; i < values.size(); i++) {
                            sum += values.get(i);
                        }
                    }
                    for (Map.Entry<String, Integer> count : counts.entrySet()) {
                        for (int i = count.getValue(); i > 0; i--) {
                            sum++;
                        }
                    }
                    return sum;
                }

                public int closure(List<String> nodes) {
                    int sum = 0;
                    for (String node : nodes) {
                        for (String other : reachable(node)) {
                            sum += other.length();
                        }
                    }
                    return sum;
                }

                private List<String> reachable(String node) {
                    return List.of(node);
                }

                public int pairs(List<Integer> items) {
                    int count = 0;
                    for (int i = 0; i < items.size(); i++) {
                        for (int j = 0; j < i; j++) {
                            count += items.get(i).equals(items.get(j)) ? 1 : 0;
                        }
                    }
                    return count;
                }

                enum Kind { SMALL, LARGE }

                private static final int RETRIES = 3;

                public int fixed(List<Integer> xs) {
                    int sum = 0;
                    for (Kind kind : Kind.values()) {
                        for (int x : xs) {
                            sum += kind.ordinal() * x;
                        }
                    }
                    for (int attempt = 0; attempt < RETRIES; attempt++) {
                        for (String name : List.of("a", "b")) {
                            for (int x : xs) {
                                sum += attempt * name.length() * x;
                            }
                        }
                    }
                    return sum;
                }

                public int cube(List<Integer> xs, List<Integer> ys, List<Integer> zs) {
                    int sum = 0;
                    for (int x : xs) {
                        for (int y : ys) {
                            for (int z : zs) {
                                sum += x * y * z;
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
    void onlyLoopsOverCollectionsOfTheirOwnMultiply() throws Exception {
        TestPlanHarness harness = TestPlanHarness.onCommit(temp, Map.of("shop/__init__.py", "", "shop/grid.py", PYTHON,
                "src/main/java/shop/Grid.java", JAVA));

        PerspectiveResult performance = harness.run(harness.perspective("performance-impact"));

        assertThat(performance.findings()).filteredOn(f -> f.rule().equals("nested-loops"))
                .extracting(f -> f.severity() + " " + f.file() + ":" + f.line())
                .containsExactlyInAnyOrder("LOW shop/grid.py:27", "MEDIUM shop/grid.py:36", "LOW shop/grid.py:45",
                        "LOW shop/grid.py:53", "LOW src/main/java/shop/Grid.java:31",
                        "LOW src/main/java/shop/Grid.java:45", "MEDIUM src/main/java/shop/Grid.java:77");
        assertThat(performance.findings()).filteredOn(f -> f.rule().equals("nested-loops") && f.file().endsWith(".py") && f.line() == 45).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("grid.mixed(planes, filters): loops nest 3 deep, 2 of "
                        + "them over collections of their own (the rest walk an enclosing loop's element or run a fixed "
                        + "number of times): running time grows with the product of the sizes"));
    }
}
