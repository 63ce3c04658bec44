package dev.autocoder.workers.analysis;

import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.analysis.architecture.ArchitecturePerspective;
import dev.autocoder.workers.analysis.coverage.TestCoveragePerspective;
import dev.autocoder.workers.analysis.dependencies.DependencyPerspective;
import dev.autocoder.workers.analysis.dependencies.OsvClient;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretRedactor;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The analysis worker's perspectives and the engines they share (PMD, CPD, OSV, the secret scanner, ruff), and the
 * Java and Python models, which the test planner and the implementation worker use too.
 */
@Configuration(proxyBeanMethods = false)
@Import({
        ArchitecturePerspective.class,
        TestCoveragePerspective.class,
        DependencyPerspective.class,
        OsvClient.class,
        PmdJavaModelProvider.class,
        PythonModelProvider.class,
        PerformancePerspective.class,
        RuffEngine.class,
        CpdRunner.class,
        PmdEngine.class,
        CodeQualityPerspective.class,
        SecretRedactor.class,
        SecretScanner.class,
        SecurityPerspective.class})
public class AnalysisConfiguration {
}
