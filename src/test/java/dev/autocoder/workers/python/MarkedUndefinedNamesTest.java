package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rich probes for IPython's {@code get_ipython()} and calls it on lines marked {@code # type: ignore[name-defined]}:
 * ruff reads no such mark, so its F821 reports them. The code-quality row leaves marked lines out and counts them;
 * an unmarked undefined name, or one under a bare {@code # type: ignore}, stays.
 */
class MarkedUndefinedNamesTest {

    @TempDir
    Path root;

    @Test
    void anUndefinedNameMarkedForTheTypeCheckerIsLeftOut() {
        TestSnapshots.write(root, "shell.py", """
                def in_notebook() -> bool:
                    try:
                        get_ipython  # type: ignore[name-defined]
                    except NameError:
                        return False
                    shell = get_ipython()  # type: ignore[name-defined]
                    return shell is not None


                def kernel():
                    return get_kernel()  # pyright: ignore[reportUndefinedVariable]


                def typo():
                    return get_ipthon()


                def unsure():
                    return get_config()  # type: ignore
                """);
        RuffEngine ruff = new RuffEngine(RuffCli.path(), Duration.ofSeconds(60));

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100), ruff)
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("F821")).extracting(Finding::message)
                .containsExactlyInAnyOrder("Undefined name `get_ipthon`", "Undefined name `get_config`");
        assertThat(result.metrics()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("python_marked_undefined_names");
            assertThat(m.value()).isEqualTo(2.0);
        });
        assertThat(result.summary()).contains("(and 2 undefined-name reports left out: marked undefined on purpose for the type checker)");
    }
}
