package dev.autocoder.workers.testplan;

import dev.autocoder.workers.testplan.history.BaselineHistory;
import dev.autocoder.workers.testplan.skeleton.SkeletonRenderer;
import dev.autocoder.workers.testplan.skeleton.SkeletonWriter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The test-planning worker: its perspectives, history and skeletons; the Java model is analysis.pmd's
 * PmdJavaModelProvider and the Python model the analysis configuration's PythonModelProvider.
 */
@Configuration(proxyBeanMethods = false)
@Import({
        AnalysisRows.class,
        InsightLedger.class,
        PlanningFactory.class,
        TestPlanColumns.class,
        TestPlanServices.class,
        BaselineHistory.class,
        SkeletonRenderer.class,
        SkeletonWriter.class})
public class TestPlanConfiguration {
}
