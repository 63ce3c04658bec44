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
 * not split 2 from 3 ({@code sys.version_info >= (3, 8)}), stays. Babel's {@code __unicode__} returns
 * {@code unicode(self.value)}: Python 3 never calls that method; the same line in {@code __str__} stays. Six defines
 * its own {@code print_} when {@code getattr(builtins, "print", None)} is None: only on Python 2.4 and 2.5.
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


                import builtins
                print_ = getattr(builtins, "print", None)
                if print_ is None:
                    def print_(*args):
                        if not isinstance(args[0], basestring):
                            return
                else:
                    raw = basestring

                class Lazy:
                    def __unicode__(self):
                        return unicode(self.value)

                    def __str__(self):
                        return unicode(self.value)


                def modern():
                    if sys.version_info >= (3, 8):
                        return unichr(1)
                    return xrange(3)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(Finding::message)
                .containsExactlyInAnyOrder("Undefined name `unichr`", "Undefined name `xrange`", "Undefined name `unicode`",
                        "Undefined name `basestring`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_python2_only_names");
            assertThat(m.value()).isEqualTo(6.0);
        });
        assertThat(result.summary()).contains("6 undefined-name reports left out: in code only Python 2 runs "
                + "(a version test's Python 2 branch, `__unicode__`)");
    }

    /**
     * simplejson hands the flag to its functions as a parameter's default ({@code def encode_basestring(s,
     * _PY3=PY3):} / {@code if _PY3: ... else: s = unicode(s, 'utf-8')}) and tests it with another condition
     * ({@code if not _PY3 and not isinstance(content, unicode):}): eight high F821 led its first screen. Both branches
     * are Python 2's; {@code PY3 and x} does not send Python 2 anywhere, and a parameter whose default is no flag is
     * no test.
     */
    @Test
    void aFlagGivenAsAParametersDefaultAndAConjunctionAreVersionTests() {
        TestSnapshots.write(root, "codec.py", """
                from compat import PY3


                def encode(s, _PY3=PY3):
                    if _PY3:
                        return s
                    return unicode(s, "utf-8") if not _PY3 else s


                def scan(content, encoding, _PY3=PY3, strict=True):
                    if not _PY3 and not isinstance(content, unicode):
                        content = unicode(content, encoding)
                    if _PY3 and not isinstance(content, str):
                        content = long(content)
                    if strict:
                        content = unichr(content)
                    return content
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(Finding::message)
                .containsExactlyInAnyOrder("Undefined name `long`", "Undefined name `unichr`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_python2_only_names");
            assertThat(m.value()).isEqualTo(3.0);
        });
    }

    /**
     * ldap3 tests {@code str is not bytes} ({@code # Python 3}): only Python 2's {@code str} is {@code bytes}. Ten high
     * F821 ({@code long}, {@code unicode}) led its first screen, all in the other branch, or after the {@code or} of
     * the old ternary {@code (str is not bytes) and str or unicode}. {@code bytes is str} and {@code str == bytes}
     * say the same; a test of {@code str} against another type does not.
     */
    @Test
    void strIsBytesHoldsOnPython2Alone() {
        TestSnapshots.write(root, "types.py", """
                if str is not bytes:  # Python 3
                    INTEGER_TYPES = (int,)
                else:
                    INTEGER_TYPES = (int, long)


                def text(raw):
                    if bytes is str:
                        return unicode(raw, "utf-8")
                    if str == bytes:
                        return unicode(raw)
                    if str is not int:
                        return unichr(raw)
                    return str(raw, "utf-8")


                def escaped(text):
                    return type(text) == ((str is not bytes) and str or unicode)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(Finding::message)
                .containsExactly("Undefined name `unichr`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_python2_only_names");
            assertThat(m.value()).isEqualTo(4.0);
        });
    }

    /**
     * Eventlet's {@code greenio/__init__.py} imports {@code greenio.py2} only under {@code if six.PY2:}, and that
     * module calls Python 2's {@code file(..)} (three high F821 led its screen): Python 3 never loads it. Its Python 2
     * builtins are left out and counted; another undefined name there, and {@code file} in a module also imported
     * outside such a branch, stay.
     */
    @Test
    void aModuleImportedOnlyUnderAPython2TestIsPython2s() {
        TestSnapshots.write(root, "green/__init__.py", """
                import six

                from green.shared import opener

                if six.PY2:
                    from green.py2 import *
                    from green import shared
                else:
                    from green.py3 import *
                """);
        TestSnapshots.write(root, "green/py2.py", "def wrap(path):\n    return file(path), unicode(path), helper(path)\n");
        TestSnapshots.write(root, "green/py3.py", "def wrap(path):\n    return open(path)\n");
        TestSnapshots.write(root, "green/shared.py", "def opener(path):\n    return file(path)\n");

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(f -> f.file() + " " + f.message())
                .containsExactlyInAnyOrder("green/py2.py Undefined name `helper`", "green/shared.py Undefined name `file`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_python2_only_names");
            assertThat(m.value()).isEqualTo(2.0);
        });
    }
}
