package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.EvidenceText;
import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.PlanCode;
import dev.autocoder.workers.implementation.PlanText;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.approach.ApproachCatalog;
import dev.autocoder.workers.implementation.llm.PromptStage;
import dev.autocoder.workers.implementation.llm.ProposedCode;
import dev.autocoder.workers.implementation.model.Advice;
import dev.autocoder.workers.implementation.patch.AppliedPatch;
import dev.autocoder.workers.implementation.patch.FixOutcome;
import dev.autocoder.workers.implementation.patch.ProposedPatch;
import dev.autocoder.workers.implementation.row.CodeChanges;
import dev.autocoder.workers.implementation.row.TestItem;
import dev.autocoder.workers.implementation.tests.ExistingTests;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 6: the steps and the code. For a finding with a mechanical fix, a real patch: a unified diff against HEAD
 * made by editing the syntax tree with its formatting preserved, verified (it applies to the file at HEAD and the
 * patched file parses). With {@code autocoder.llm.model} set the model is asked for the change too; its diff counts
 * as the plan's patch only when there is no mechanical one, it changes only the task's file, applies to HEAD and
 * the result parses. Without either, the row says so and gives the plan only. The first step names the concrete
 * edit (member, lines, the code before and after) or, with no verified patch, what a person must decide for this
 * finding and why the worker cannot ({@link PlanText}).
 * <p>
 * Quality score: 1 with a verified patch, 0 with a patch that failed verification, null for a plan without code.
 */
@Component
class ImplementationPlanStage extends ImplementationStage {

    ImplementationPlanStage(StageServices services) {
        super(services, Stage.IMPLEMENTATION_PLAN);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        String taskId = facts.task().taskId();
        String file = facts.task().file();
        ApproachCatalog.Evaluation evaluation = facts.approaches();
        out.chosenApproach = evaluation.chosen().name();
        out.choiceReason = evaluation.reason();
        FixOutcome outcome = facts.mechanicalOutcome();
        ProposedPatch patch = outcome == null ? null : outcome.patch();
        CodeChanges changes;
        if (patch != null) {
            changes = PlanCode.of(taskId, file, patch.description(), patch.unifiedDiff(), patch.patchedCode(),
                    patch.verification().ok(), patch.verification().detail(), CodeChanges.MECHANICAL);
        } else {
            String why = outcome == null ? "No mechanical fix exists for " + facts.task().rule()
                    : "No mechanical fix here: " + outcome.reason();
            changes = CodeChanges.planOnly(taskId, file, why + ". Plan only: " + evaluation.chosen().name() + ".");
        }
        Advice advice = services.model().ask(PromptStage.IMPLEMENTATION_PLAN, facts.findingLine(), evidence(facts, evaluation), file);
        out.model = advice.call();
        out.narrative = advice.narrative();
        if (advice.answered()) {
            Optional<String> diff = ProposedCode.extractDiff(advice.narrative());
            if (diff.isEmpty()) {
                out.notes.add("The model's answer holds no unified diff.");
            } else {
                AppliedPatch applied = services.verifier().apply(facts.snapshot().root(), diff.get());
                boolean ownFileOnly = applied.patchedFiles().keySet().equals(Set.of(file));
                boolean verified = applied.verification().ok() && ownFileOnly;
                String check = applied.verification().ok() && !ownFileOnly
                        ? "the diff changes " + String.join(", ", applied.patchedFiles().keySet()) + ", not only " + file
                        : applied.verification().detail();
                out.model = out.model.withDiff(verified, check);
                if (verified && (patch == null || !patch.verification().ok())) {
                    changes = PlanCode.of(taskId, file, "The language model's change (" + advice.call().model() + "), verified.",
                            diff.get(), applied.patchedFiles().get(file), true, applied.verification().detail(), CodeChanges.MODEL);
                } else if (!verified) {
                    out.notes.add("The model's diff does not count as a patch: " + check + ".");
                } else {
                    out.notes.add("The model's diff also verifies; the mechanical patch is kept.");
                }
            }
        }
        out.codeChanges = changes;
        steps(facts, evaluation, changes, out);
        boolean hasDiff = changes.diff() != null;
        out.qualityScore = hasDiff ? (changes.verified() ? 1.0 : 0.0) : null;
        out.metric("verified_patch", changes.verified() ? 1 : 0);
        if (hasDiff) {
            out.metric("lines_changed", ApproachCatalog.linesChanged(changes.diff()));
        }
        out.summary = changes.verified()
                ? "Verified patch for " + facts.task().rule() + " at " + file + " (" + changes.source() + ", "
                + ApproachCatalog.lines(ApproachCatalog.linesChanged(changes.diff())) + "): " + changes.description()
                : hasDiff ? "A patch for " + facts.task().rule() + " at " + file + " was made but did not verify: "
                + changes.verification()
                : "Plan only for " + facts.task().rule() + " at " + file + (facts.task().groupedFindings().isEmpty() ? ""
                : " (and " + facts.task().groupedFindings().size() + " more there)") + ": " + changes.description();
        if (changes.verified()) {
            out.recommendations.add("Apply the patch to " + file + " (git apply) and run the tests named by Testing Strategy.");
        } else {
            out.recommendations.add(evaluation.chosen().name() + " at " + file + " " + facts.place() + ".");
        }
    }

    private static void steps(TaskAtHead facts, ApproachCatalog.Evaluation evaluation, CodeChanges changes, StageOutput out) {
        String file = facts.task().file();
        if (changes.verified()) {
            out.planSteps.add("Apply the diff to " + file + ": " + changes.description() + " " + PlanText.edit(facts, changes));
        } else {
            out.planSteps.add(PlanText.decision(facts, changes, out.model.asked()));
            out.planSteps.add("Then: " + evaluation.chosen().name() + ": " + evaluation.chosen().description());
            if (!facts.task().groupedFindings().isEmpty()) {
                out.planSteps.add("Make the same change at the other " + facts.task().rule() + " of " + file + " this task "
                        + "takes on, " + facts.task().groupedLines() + ".");
            }
        }
        var code = facts.code();
        List<TestItem> tests = code.type() == null ? List.of()
                : ExistingTests.covering(code.model(), code.type(), facts.touchedMethods());
        if (!tests.isEmpty()) {
            out.planSteps.add("Run the existing tests that cover it: " + String.join(", ",
                    tests.stream().limit(5).map(TestItem::id).toList()) + (tests.size() > 5 ? ", …" : "") + ".");
        }
        List<String> specIds = facts.testSpecIds();
        out.planSteps.add(specIds.isEmpty() ? "Write the new tests proposed by Testing Strategy for the touched methods."
                : "Implement the test-planning specifications " + String.join(", ", specIds.stream().limit(5).toList())
                + (specIds.size() > 5 ? ", …" : "") + ".");
        String findings = "finding " + facts.task().findingId() + (facts.task().groupedFindings().isEmpty() ? ""
                : " and the " + facts.task().groupedFindings().size() + " grouped with it");
        out.planSteps.add(file != null && file.endsWith(".java")
                ? "Compile the project and run the analysis again: " + facts.task().rule() + " (" + findings
                + ") should no longer be reported at " + file + "."
                : file != null && file.endsWith(".py")
                ? "Check the file with `python -m py_compile " + file + "` and run ruff again: " + facts.task().rule()
                + " (" + findings + ") should no longer be reported at " + file + "."
                : "Run the build and the analysis again: " + findings + " should be gone.");
    }

    private static String evidence(TaskAtHead facts, ApproachCatalog.Evaluation evaluation) {
        return EvidenceText.of(facts) + "Chosen approach: " + evaluation.chosen().name() + ": " + evaluation.chosen().description()
                + "\n" + EvidenceText.fileText(facts);
    }
}
