package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twisted's {@code self._trailerHeaders: List[bytearray] = []} in an {@code __init__} whose module never imports
 * {@code List}: ruff reports an undefined name, high, first on twisted's first screen, but Python never evaluates a
 * variable's annotation inside a function (PEP 526), nor any under {@code from __future__ import annotations}, nor a
 * string annotation's text. Medium, saying so; where Python does evaluate it, high as before.
 */
class UnevaluatedAnnotationTest {

    @TempDir
    Path root;

    @Test
    void anUndefinedNameInAnAnnotationPythonNeverEvaluatesIsMediumOneItEvaluatesStaysHigh() {
        TestSnapshots.write(root, "parser.py", """
                class Parser:
                    limit: Limit = 10

                    def __init__(self):
                        self._headers: List[bytearray] = []
                        count: Counter = 0
                        self._count = count

                    def feed(self, data: "Chunk") -> Sequence:
                        return data
                """);
        TestSnapshots.write(root, "deferred.py", """
                from __future__ import annotations


                def parse(data: Chunk) -> Sequence:
                    return data
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        String why = " (in an annotation Python never evaluates (a variable's inside a function, a string, or any under "
                + "`from __future__ import annotations`): no NameError when the code runs, but type checkers and "
                + "`typing.get_type_hints()` fail on it)";
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "parser.py:2 HIGH Undefined name `Limit`",
                        "parser.py:5 MEDIUM Undefined name `List`" + why,
                        "parser.py:6 MEDIUM Undefined name `Counter`" + why,
                        "parser.py:9 MEDIUM Undefined name `Chunk`" + why,
                        "parser.py:9 HIGH Undefined name `Sequence`",
                        "deferred.py:4 MEDIUM Undefined name `Chunk`" + why,
                        "deferred.py:4 MEDIUM Undefined name `Sequence`" + why);
    }
}
