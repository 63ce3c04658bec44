package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.approach.ApproachCatalog;
import dev.autocoder.workers.implementation.approach.RuleFamily;
import dev.autocoder.workers.implementation.risk.Level;
import dev.autocoder.workers.implementation.risk.RiskAssessor;
import dev.autocoder.workers.implementation.risk.RiskInputs;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.implementation.row.Risk;
import dev.autocoder.workers.implementation.row.TestItem;
import dev.autocoder.workers.implementation.tests.ExistingTests;
import dev.autocoder.workers.row.Plural;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Stage 4: the risks of the chosen change (fan-in of the touched member: the method, field, import or type the change
 * edits, not its whole class; its test coverage, the file's churn, public
 * API impact, behaviour change), each with probability and impact by the rules of {@link RiskAssessor}.
 * <p>
 * Quality score: {@code 1 − mean(probability × impact) / 9} over the risks rated on both (low 1, medium 2, high 3):
 * 1 for a change with only low risks, 0 when every risk is high/high; null when nothing could be rated.
 */
@Component
class RiskAnalysisStage extends ImplementationStage {

    RiskAnalysisStage(StageServices services) {
        super(services, Stage.RISK_ANALYSIS);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        ApproachCatalog.Evaluation evaluation = facts.approaches();
        var code = facts.code();
        String unplaced = facts.unplaced();
        List<TestItem> existing = unplaced == null ? ExistingTests.covering(code.model(), code.type(), facts.touchedMethods()) : List.of();
        int direct = (int) existing.stream().filter(t -> t.testName() != null).count();
        int classes = (int) existing.stream().filter(t -> t.testName() == null).count();
        boolean behaviourKept = evaluation.chosen().mechanical() && facts.verifiedPatch().isPresent();
        boolean wide = evaluation.chosen().size().startsWith("large: several files");
        Boolean api = facts.location().isApi();
        List<CodeReference> outside = facts.outsideCallers();
        RiskInputs inputs = new RiskInputs(facts.touchedSubject(), unplaced,
                outside.size(), (int) outside.stream().map(CodeReference::className).distinct().count(),
                facts.callers().size() - outside.size(), direct, classes, facts.commits(),
                evaluation.chosen().linesChanged(), api != null && api, behaviourKept, wide);
        List<Risk> risks = RiskAssessor.assess(facts.task().taskId(), inputs);
        out.risks.addAll(risks);
        out.chosenApproach = evaluation.chosen().name();
        out.qualityScore = RiskAssessor.score(risks);
        long high = risks.stream().filter(r -> r.probability().equals("high") || r.impact().equals("high")).count();
        out.metric("risks", risks.size());
        out.metric("high_risks", high);
        out.metric("call_sites", facts.callers().size());
        out.metric("direct_tests", direct);
        if (facts.commits() != null) {
            out.metric("commits_in_window", facts.commits());
        }
        Risk top = risks.stream().max(Comparator.comparingInt((Risk r) -> Level.of(r.probability()).value() * Level.of(r.impact()).value()))
                .orElseThrow();
        // "rated high" read as a high risk where only one of its two ratings was (coverage: probability high, impact low)
        out.summary = Plural.of(risks.size(), "risk") + " of \"" + evaluation.chosen().name() + "\", " + high
                + " with a high probability or impact; the largest: "
                + top.kind() + " (probability " + top.probability() + ", impact " + top.impact() + ": " + top.evidence() + ").";
        if (facts.family() == RuleFamily.EMPTY_CATCH && behaviourKept) {
            out.notes.add("The patch adds one log call in the catch block; control flow is unchanged.");
        }
        risks.stream().filter(r -> r.probability().equals("high") || r.impact().equals("high"))
                .forEach(r -> out.recommendations.add(r.mitigation()));
    }
}
