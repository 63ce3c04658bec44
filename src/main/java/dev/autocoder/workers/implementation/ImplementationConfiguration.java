package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.code.TaskCodeLoader;
import dev.autocoder.workers.implementation.model.LlmConfiguration;
import dev.autocoder.workers.implementation.model.ModelAdvisor;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.PatchVerifier;
import dev.autocoder.workers.implementation.task.AnalysisFindings;
import dev.autocoder.workers.implementation.task.FindingPresence;
import dev.autocoder.workers.implementation.task.NewestRows;
import dev.autocoder.workers.implementation.task.TaskPicker;
import dev.autocoder.workers.implementation.task.TaskPriority;
import dev.autocoder.workers.implementation.tests.TestPlanningSpecs;
import dev.autocoder.workers.python.RuffFixer;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The implementation worker: task choice, stages, patches and the optional language model. */
@Configuration(proxyBeanMethods = false)
@Import({
        LlmConfiguration.class,
        ImplementationColumns.class,
        ProgressLedger.class,
        StageServices.class,
        TaskCodeLoader.class,
        ModelAdvisor.class,
        MechanicalFixes.class,
        PatchVerifier.class,
        RuffFixer.class,
        AnalysisFindings.class,
        FindingPresence.class,
        NewestRows.class,
        TaskPicker.class,
        TaskPriority.class,
        TestPlanningSpecs.class})
public class ImplementationConfiguration {
}
