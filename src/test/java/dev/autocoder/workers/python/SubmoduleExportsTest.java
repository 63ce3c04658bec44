package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A package's {@code __init__.py} may name its submodules in {@code __all__} without importing them (dateutil's
 * {@code __all__ = ['easter', 'parser', ...]}): {@code from package import *} imports them. Ruff's F822 reports each
 * as an undefined export; the code-quality row leaves those out and counts them. A name that is no submodule, or an
 * {@code __all__} outside a package's {@code __init__.py}, keeps its report.
 */
class SubmoduleExportsTest {

    @TempDir
    Path root;

    @Test
    void aPackageExportingItsSubmodulesKeepsNoUndefinedExportReport() {
        TestSnapshots.write(root, "dates/__init__.py", "__all__ = ['easter', 'tz', 'missing']\n");
        TestSnapshots.write(root, "dates/easter.py", "def easter(year):\n    return year\n");
        TestSnapshots.write(root, "dates/tz/__init__.py", "UTC = 0\n");
        TestSnapshots.write(root, "dates/helpers.py", "__all__ = ['easter']\n");

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F822")).extracting(Finding::file, Finding::message)
                .containsExactlyInAnyOrder(tuple("dates/__init__.py", "Undefined name `missing` in `__all__`"),
                        tuple("dates/helpers.py", "Undefined name `easter` in `__all__`"));
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_submodule_exports");
            assertThat(m.value()).isEqualTo(2.0);
        });
        assertThat(result.summary()).contains("2 undefined-export reports left out: submodules a star import of the "
                + "package imports");
    }
}
