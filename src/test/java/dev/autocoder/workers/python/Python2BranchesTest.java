package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pexpect still carries Python 2 branches: {@code text_type = str if PY3 else unicode}, {@code if
 * sys.version_info[0] >= 3: ... else: string_types = (unicode, str)}, {@code (input if PY3 else raw_input)('> ')}.
 * Ruff reports each Python 2 name as undefined (four high F821 led its first screen); Python 3 never runs those
 * branches. The row leaves them out and counts them; the same name outside such a branch, or under a test that does
 * not split 2 from 3 ({@code sys.version_info >= (3, 8)}), stays.
 */
class Python2BranchesTest {

    @TempDir
    Path root;

    @Test
    void anUndefinedNameInABranchOnlyPython2RunsIsLeftOut() {
        TestSnapshots.write(root, "compat.py", """
                import sys

                PY3 = (sys.version_info[0] >= 3)
                text_type = str if PY3 else unicode

                if sys.version_info >= (3,):
                    string_types = (str,)
                else:
                    string_types = (basestring, str)

                if not PY3:
                    integer_types = (int, long)


                def ask(prompt):
                    return (input if PY3 else raw_input)(prompt)


                def modern():
                    if sys.version_info >= (3, 8):
                        return unichr(1)
                    return xrange(3)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(Finding::message)
                .containsExactlyInAnyOrder("Undefined name `unichr`", "Undefined name `xrange`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_python2_only_names");
            assertThat(m.value()).isEqualTo(4.0);
        });
        assertThat(result.summary()).contains("4 undefined-name reports left out: in branches a Python-version test "
                + "sends only Python 2 to");
    }
}
