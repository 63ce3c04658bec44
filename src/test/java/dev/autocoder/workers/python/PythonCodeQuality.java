package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.worker.PerspectiveResult;

import java.nio.file.Path;
import java.time.Duration;

/** The code-quality row of a folder as the application makes it for Python: ruff, and the Python model's facts. */
final class PythonCodeQuality {

    private PythonCodeQuality() {
    }

    static PerspectiveResult of(Path root) {
        return new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60)), new PythonModelProvider("python3", Duration.ofSeconds(10)))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));
    }
}
