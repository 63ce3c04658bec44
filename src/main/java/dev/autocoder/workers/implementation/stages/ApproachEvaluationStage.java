package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.EvidenceText;
import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.approach.ApproachCatalog;
import dev.autocoder.workers.implementation.llm.PromptStage;
import dev.autocoder.workers.implementation.model.Advice;
import dev.autocoder.workers.implementation.row.Approach;
import dev.autocoder.workers.row.Plural;
import org.springframework.stereotype.Component;

/**
 * Stage 3: the candidate fixes of the finding's rule family (each with its size, pros and cons) and the chosen one:
 * the mechanical approach when the worker can make a verified patch (its size is the real diff's), else the family's
 * preferred approach, with the reason. With {@code autocoder.llm.model} set, the model's comparison becomes the
 * row's {@code narrative}.
 * <p>
 * Quality score: none (null): the choice is explained, not rated.
 */
@Component
class ApproachEvaluationStage extends ImplementationStage {

    ApproachEvaluationStage(StageServices services) {
        super(services, Stage.APPROACH_EVALUATION);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        ApproachCatalog.Evaluation evaluation = facts.approaches();
        out.approaches.addAll(evaluation.approaches());
        out.chosenApproach = evaluation.chosen().name();
        out.choiceReason = evaluation.reason();
        out.metric("approaches", evaluation.approaches().size());
        out.metric("mechanical_patch", facts.verifiedPatch().isPresent() ? 1 : 0);
        if (evaluation.chosen().linesChanged() != null) {
            out.metric("lines_changed", evaluation.chosen().linesChanged());
        }
        out.summary = "Chosen for " + facts.task().rule() + " (" + facts.family().label() + "): " + evaluation.chosen().name()
                + " (" + evaluation.chosen().size() + "), of " + Plural.of(evaluation.approaches().size(), "candidate") + ".";
        StringBuilder evidence = new StringBuilder(EvidenceText.of(facts)).append("Candidate approaches:\n");
        for (Approach approach : evaluation.approaches()) {
            evidence.append("- ").append(approach.name()).append(approach.chosen() ? " (chosen)" : "").append(": ")
                    .append(approach.description()).append(" Size: ").append(approach.size()).append(". Pros: ")
                    .append(String.join("; ", approach.pros())).append(". Cons: ").append(String.join("; ", approach.cons()))
                    .append(".\n");
        }
        evidence.append("Why the chosen one: ").append(evaluation.reason()).append('\n');
        Advice advice = services.model().ask(PromptStage.APPROACH_EVALUATION, facts.findingLine(), evidence.toString(),
                facts.task().file());
        out.model = advice.call();
        out.narrative = advice.narrative();
    }
}
