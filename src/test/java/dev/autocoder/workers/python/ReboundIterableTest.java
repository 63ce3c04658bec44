package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bugbear's B020 ("loop control variable overrides iterable it iterates") led networkx's first screen, nine times
 * medium: {@code for k, e in e.items():} inside {@code for v, e in ..}, a {@code for} in one branch of an if-elif
 * chain whose later tests read the name, SQLAlchemy's {@code for criterion in list(criterion):}. Python evaluates the
 * iterable once, before the first rebinding: the rebinding is harmful only where something reads the name afterwards
 * (it holds the last element) or an enclosing loop evaluates the iterable again without binding the name anew. The
 * harmless ones are low, saying why; a name only a comprehension in the iterable binds (ruff reports it too) as well.
 */
class ReboundIterableTest {

    @TempDir
    Path root;

    @Test
    void aRebindingNothingAfterTheLoopSeesIsLowAndOneReadAfterItStaysMedium() {
        TestSnapshots.write(root, "flows.py", """
                def weights(graph):
                    out = {}
                    for v, e in graph.items():
                        for k, e in e.items():
                            out[k] = e
                    return out


                def write(value, buf):
                    if isinstance(value, dict):
                        for key, value in value.items():
                            buf.append(key)
                    elif isinstance(value, list):
                        buf.extend(value)


                def expect(criterion):
                    for criterion in list(criterion):
                        print(criterion)


                def pairs(n, bits):
                    for (i, j), b in zip([(i, j) for j in range(1, n) for i in range(j)], bits):
                        print(i, j, b)


                def groups(grouped, remaining):
                    i = 0
                    for i, group in enumerate(grouped):
                        print(group)
                    for i, node in enumerate(remaining, start=i + 1):
                        print(node)
                    return i + 1


                def rounds(items):
                    while items:
                        for items in items[1:]:
                            print(items)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        String why = " (the iterable is evaluated once, before the first rebinding, and nothing reads the name after "
                + "the loop: confusing, not wrong)";
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B020"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "4 LOW Loop control variable `e` overrides iterable it iterates" + why,
                        "11 LOW Loop control variable `value` overrides iterable it iterates" + why,
                        "18 LOW Loop control variable `criterion` overrides iterable it iterates" + why,
                        "23 LOW Loop control variable `j` overrides iterable it iterates" + why,
                        "31 MEDIUM Loop control variable `i` overrides iterable it iterates",
                        "38 MEDIUM Loop control variable `items` overrides iterable it iterates");
    }
}
