package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's first screen had three kinds of high quality findings that are how Python works: {@code __path__} read in
 * a package's {@code __init__.py} (F821; the import system gives every package that name), {@code __all__} joined
 * from lists with {@code +} (PLE0605, "invalid format"; a list when the module runs), and right-to-left marks in its
 * Arabic and Persian date formats (PLE2502; marks cannot reorder code as a Trojan Source attack's overrides do).
 * Arrow's first screen led with two zero-width spaces written as is in its Lao locale (PLE2515): it runs; low.
 * The first is left out and counted, the others are low, saying why; a {@code __path__} outside a package's
 * {@code __init__.py}, an {@code __all__} of another kind and an override character keep their report.
 */
class ModuleConventionsTest {

    @TempDir
    Path root;

    @Test
    void importSystemNamesJoinedExportListsAndDirectionalMarksAreNoErrors() {
        TestSnapshots.write(root, "commands/__init__.py", """
                import os

                from commands.base import names as base_names


                def find_commands():
                    return sorted(os.listdir(__path__[0]))


                __all__ = base_names + ["find_commands"]
                __all__ += ["extra"]
                extra = 1
                """);
        TestSnapshots.write(root, "commands/base.py", """
                names = ["Command"]


                class Command:
                    pass


                def folder():
                    return __path__[0]


                __all__ = {"Command"}
                """);
        // eventlet's green builtins: `dir(..)` gives a list
        TestSnapshots.write(root, "commands/green.py", "import builtins\n\n__all__ = dir(builtins)\n");
        TestSnapshots.write(root, "commands/formats.py", "SHORT_DATE_FORMAT = 'd\u200f/m\u200f/Y'\n"
                + "SHORT_TIME_FORMAT = 'H\u202e:i'\n"
                // arrow's Lao locale writes a zero-width space between the syllables of a weekday
                + "DAY_NAMES = ['\u0ea7\u0eb1\u0e99\u200b\u0eaa\u0eb8\u0e81']\n");

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().matches("F821|PLE0605|PLE2502"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.severity() + " " + f.rule())
                .containsExactlyInAnyOrder(
                        "commands/__init__.py:10 LOW PLE0605",
                        "commands/green.py:3 LOW PLE0605",
                        "commands/base.py:9 HIGH F821",
                        "commands/base.py:12 " + RuffRules.shipped().severityOf("PLE0605") + " PLE0605",
                        "commands/formats.py:1 LOW PLE2502",
                        "commands/formats.py:2 " + RuffRules.shipped().severityOf("PLE2502") + " PLE2502");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE2515"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.severity()).containsExactly("commands/formats.py:3 LOW");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE2502") && f.line() == 1).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("(only directional marks (U+200E, U+200F, U+061C), "
                        + "which cannot reorder the code as the embeddings, overrides and isolates of a Trojan Source "
                        + "attack do)"));
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_import_system_names");
            assertThat(m.value()).isEqualTo(1.0);
        });
    }
}
