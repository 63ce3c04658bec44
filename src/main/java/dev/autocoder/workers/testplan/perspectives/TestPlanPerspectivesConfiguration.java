package dev.autocoder.workers.testplan.perspectives;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The test-planning worker's perspectives. They build on the testplan package (a layer below), so the application
 * imports them next to {@code TestPlanConfiguration}, not through it.
 */
@Configuration(proxyBeanMethods = false)
@Import({
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
        WhatAreWeTestingPerspective.class})
public class TestPlanPerspectivesConfiguration {
}
