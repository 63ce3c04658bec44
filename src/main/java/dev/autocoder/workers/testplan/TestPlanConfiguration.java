package dev.autocoder.workers.testplan;

import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.testplan.history.GitHistory;
import dev.autocoder.workers.testplan.model.CodeModelProvider;
import dev.autocoder.workers.testplan.perspectives.BackwardsCompatibilityPerspective;
import dev.autocoder.workers.testplan.perspectives.BigPicturePerspective;
import dev.autocoder.workers.testplan.perspectives.CiCdPerspective;
import dev.autocoder.workers.testplan.perspectives.CoverageStrategyPerspective;
import dev.autocoder.workers.testplan.perspectives.DataIntegrityPerspective;
import dev.autocoder.workers.testplan.perspectives.EdgeCasesPerspective;
import dev.autocoder.workers.testplan.perspectives.ErrorHandlingPerspective;
import dev.autocoder.workers.testplan.perspectives.FailureModesPerspective;
import dev.autocoder.workers.testplan.perspectives.IntegrationPointsPerspective;
import dev.autocoder.workers.testplan.perspectives.MockingStrategyPerspective;
import dev.autocoder.workers.testplan.perspectives.PerformanceImpactPerspective;
import dev.autocoder.workers.testplan.perspectives.SecurityTestsPerspective;
import dev.autocoder.workers.testplan.perspectives.TestPyramidPerspective;
import dev.autocoder.workers.testplan.perspectives.UserExperiencePerspective;
import dev.autocoder.workers.testplan.perspectives.WhatAreWeTestingPerspective;
import dev.autocoder.workers.testplan.skeleton.SkeletonRenderer;
import dev.autocoder.workers.testplan.skeleton.SkeletonWriter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The test-planning worker: its perspectives, code model, history and skeletons. */
@Configuration(proxyBeanMethods = false)
@Import({
        AnalysisRows.class,
        InsightLedger.class,
        PlanningFactory.class,
        TestPlanColumns.class,
        TestPlanSupport.class,
        GitHistory.class,
        CodeModelProvider.class,
        PythonModelProvider.class,
        BackwardsCompatibilityPerspective.class,
        BigPicturePerspective.class,
        CiCdPerspective.class,
        CoverageStrategyPerspective.class,
        DataIntegrityPerspective.class,
        EdgeCasesPerspective.class,
        ErrorHandlingPerspective.class,
        FailureModesPerspective.class,
        IntegrationPointsPerspective.class,
        MockingStrategyPerspective.class,
        PerformanceImpactPerspective.class,
        SecurityTestsPerspective.class,
        TestPyramidPerspective.class,
        UserExperiencePerspective.class,
        WhatAreWeTestingPerspective.class,
        SkeletonRenderer.class,
        SkeletonWriter.class})
public class TestPlanConfiguration {
}
