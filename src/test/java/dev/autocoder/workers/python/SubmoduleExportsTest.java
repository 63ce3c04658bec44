package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
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

    /**
     * passlib's {@code ldap_digests} lists fifteen handlers in {@code __all__} that a loop binds through
     * {@code g = globals()} / {@code g["ldap_" + name] = ..}: ruff cannot follow that (F822 × 15 high led its first
     * screen). Low there, saying why, and so are eventlet's undefined names in modules that hand {@code globals()} to
     * {@code patcher.inject(..)} (F821 × 66 high); a module that only reads {@code globals()}, or hands it to a
     * built-in, keeps the table's.
     */
    @Test
    void anExportAModuleMayBindThroughGlobalsIsLow() {
        TestSnapshots.write(root, "vault/__init__.py", "");
        TestSnapshots.write(root, "vault/ldap.py", """
                __all__ = ["ldap_md5", "ldap_sha1_crypt"]

                SCHEMES = ["sha1_crypt"]

                ldap_md5 = object()


                def _init_handlers():
                    g = globals()
                    for name in SCHEMES:
                        g["ldap_" + name] = object()
                    del g


                _init_handlers()
                """);
        TestSnapshots.write(root, "vault/plain.py", """
                __all__ = ["missing"]

                settings = globals().get("settings")
                module = __import__("json", globals(), locals())
                print(undefined_here)
                """);
        TestSnapshots.write(root, "vault/green.py", """
                from vault import patcher

                patcher.inject("http.server", globals())

                if __name__ == "__main__":
                    test()
                """);
        TestSnapshots.write(root, "vault/patcher.py", """
                def inject(name, namespace):
                    namespace.update(__import__(name).__dict__)
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F822"))
                .extracting(Finding::file, Finding::severity, f -> f.message().contains("through `globals()`"))
                .containsExactlyInAnyOrder(tuple("vault/ldap.py", Severity.LOW, true),
                        tuple("vault/plain.py", RuffRules.shipped().severityOf("F822"), false));
        // eventlet's green modules fill their namespace through patcher.inject(.., globals()): what they use is bound
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821"))
                .extracting(Finding::file, Finding::severity, f -> f.message().contains("through `globals()`"))
                .containsExactlyInAnyOrder(tuple("vault/green.py", Severity.LOW, true),
                        tuple("vault/plain.py", RuffRules.shipped().severityOf("F821"), false));
    }
}
