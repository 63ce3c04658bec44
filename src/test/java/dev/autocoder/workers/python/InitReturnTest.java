package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLAlchemy's Inspector ends its {@code __init__} with {@code return self._init_legacy(bind)}, a method that never
 * returns a value: ruff's PLE0101 (explicit return in {@code __init__}, high: a returned value raises TypeError) led
 * its first screen. Returning None is allowed; the code only misleads: low, saying why. A method that gives a value
 * keeps the table's high. So is alembic's metaclass returning what {@code type.__init__} gave through a local.
 */
class InitReturnTest {

    @TempDir
    Path root;

    @Test
    void returningAMethodThatGivesNoneFromInitIsLow() {
        TestSnapshots.write(root, "inspect.py", """
                class Inspector:
                    def __init__(self, bind):
                        return self._init_legacy(bind)

                    def _init_legacy(self, bind):
                        if hasattr(bind, "connect"):
                            self.bind = bind
                        else:
                            self.engine = bind


                class Counter:
                    def __init__(self, start):
                        return self._reset(start)

                    def _reset(self, start):
                        self.count = start
                        return self


                class ImplMeta(type):
                    def __init__(cls, classname, bases, dict_):
                        newtype = type.__init__(cls, classname, bases, dict_)
                        if "__dialect__" in dict_:
                            cls.registry[dict_["__dialect__"]] = cls
                        return newtype


                class Widget(ImplMeta):
                    def __init__(cls, size):
                        result = super().__init__(cls)
                        result = size
                        return result
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE0101"))
                .extracting(f -> f.line() + " " + f.severity() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "3 LOW Explicit return in `__init__` (what it returns is None, so no TypeError: only misleading code)",
                        "14 HIGH Explicit return in `__init__`",
                        "26 LOW Explicit return in `__init__` (what it returns is None, so no TypeError: only misleading code)",
                        "33 HIGH Explicit return in `__init__`");
    }
}
