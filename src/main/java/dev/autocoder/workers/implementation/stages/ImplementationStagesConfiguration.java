package dev.autocoder.workers.implementation.stages;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The implementation worker's stages. They build on the implementation package (a layer below), so the application
 * imports them next to {@code ImplementationConfiguration}, not through it.
 */
@Configuration(proxyBeanMethods = false)
@Import({
        ApproachEvaluationStage.class,
        ArchitecturalAnalysisStage.class,
        DeepUnderstandingStage.class,
        ImplementationPlanStage.class,
        RiskAnalysisStage.class,
        TestingStrategyStage.class})
public class ImplementationStagesConfiguration {
}
