package dev.autocoder.workers.implementation.stages;

import dev.autocoder.workers.implementation.EvidenceText;
import dev.autocoder.workers.implementation.ImplementationStage;
import dev.autocoder.workers.implementation.Stage;
import dev.autocoder.workers.implementation.StageOutput;
import dev.autocoder.workers.implementation.StageServices;
import dev.autocoder.workers.implementation.TaskAtHead;
import dev.autocoder.workers.implementation.approach.RuleFamily;
import dev.autocoder.workers.implementation.llm.PromptStage;
import dev.autocoder.workers.implementation.model.Advice;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.implementation.task.LatestAnalysis;
import dev.autocoder.workers.implementation.task.PickedTask;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Stage 1: picks the cycle's task, the highest-priority finding of the latest analysis rows that no earlier cycle
 * took on and that is still present at HEAD, and states the problem, the evidence (file, lines, the code) and the
 * root cause as far as the code shows it. With {@code autocoder.llm.model} set, the model's explanation becomes the
 * row's {@code narrative}.
 * <p>
 * Quality score: none (null): this stage states facts and rates nothing.
 */
@Component
class DeepUnderstandingStage extends ImplementationStage {

    DeepUnderstandingStage(StageServices services) {
        super(services, Stage.DEEP_UNDERSTANDING);
    }

    @Override
    public PerspectiveResult analyze(PerspectiveContext context) {
        StageOutput out = newOutput(context);
        String dataset = services.dataset();
        LatestAnalysis latest = services.analysis().latest(context.targetId());
        PickedTask picked = services.picker().pick(context.snapshot(), latest, services.ledger().handledFindings(dataset, context.targetId()),
                services.ledger().deliveredPatches(dataset, context.targetId()), services.ledger().tasksStarted(dataset, context.targetId()) + 1);
        out.notes.addAll(picked.notes());
        out.metric("analysis_rows", latest.rows().size());
        out.metric("candidate_findings", latest.candidates().size());
        if (!picked.found()) {
            out.task = picked.task();
            return services.skipped(out, picked.task().stateReason());
        }
        TaskAtHead facts = services.facts(context, picked.task(), picked.presence(), latest);
        begin(facts, out);
        work(facts, out);
        return services.result(out);
    }

    @Override
    protected void work(TaskAtHead facts, StageOutput out) {
        TaskInfo task = facts.task();
        String subject = facts.code().located() ? " in " + facts.code().subject() : "";
        String grouped = task.groupedFindings().isEmpty() ? ""
                : " Taken on with it, as one change by hand: the " + task.groupedFindings().size() + " other " + task.rule()
                + " in this file, " + task.groupedLines() + ".";
        out.problem = task.message() + " (" + task.rule() + ", " + task.category() + ", " + task.severity() + ") at "
                + task.file() + " " + facts.place() + subject + "." + grouped;
        out.rootCause = rootCause(facts);
        List<Finding> others = facts.otherFindingsInFile();
        if (!others.isEmpty()) {
            out.notes.add(Plural.of(others.size(), "other finding") + " of the latest analysis in " + task.file() + ": "
                    + others.stream().limit(5).map(f -> f.rule() + (f.line() == null ? " (whole file)" : " (line " + f.line() + ")"))
                    .collect(Collectors.joining(", "))
                    + (others.size() > 5 ? ", …" : "") + ".");
        }
        out.metric("priority", task.priority());
        if (task.hotspotRank() != null) {
            out.metric("hotspot_rank", task.hotspotRank());
        }
        out.metric("other_findings_in_file", others.size());
        out.metric("grouped_findings", task.groupedFindings().size());
        out.summary = "Task " + task.taskId() + ": " + task.rule() + " at " + task.file() + " " + facts.place() + " ("
                + task.severity() + ", priority " + task.priority() + ")" + (task.groupedFindings().isEmpty() ? ""
                : " with the " + task.groupedFindings().size() + " other " + task.rule() + " of this file ("
                + task.groupedLines() + "), one change by hand")
                + ": " + task.message();
        Advice advice = services.model().ask(PromptStage.DEEP_UNDERSTANDING, facts.findingLine(), evidence(facts, out),
                task.file());
        out.model = advice.call();
        out.narrative = advice.narrative();
    }

    private static String evidence(TaskAtHead facts, StageOutput out) {
        return EvidenceText.of(facts) + "Root cause as the code shows it: " + out.rootCause + "\n";
    }

    static String rootCause(TaskAtHead facts) {
        // a rule of no family has no typical cause to name ("the construct the rule describes"): its message is it
        StringBuilder cause = facts.family() == RuleFamily.GENERAL
                ? new StringBuilder(facts.task().rule()).append(" as reported: ").append(stripped(facts.task().message()))
                : new StringBuilder("Typical of ").append(facts.family().label()).append(": ").append(facts.family().cause());
        cause.append('.');
        var code = facts.code();
        if (code.method() != null) {
            var method = code.method().method();
            cause.append(" It sits in ").append(code.method().key()).append(" (lines ").append(method.beginLine()).append('-')
                    .append(method.endLine()).append(", cyclomatic complexity ").append(method.cyclomatic()).append(").");
        } else if (code.located() && code.site().get().member() != null) {
            cause.append(" It is the ").append(code.site().get().member());
            if (code.site().get().typeName() != null) {
                cause.append(" of ").append(code.site().get().typeName());
            }
            cause.append('.');
        } else if (code.located() && code.type() != null) {
            cause.append(" It is in ").append(code.type().qualifiedName()).append(", outside its methods.");
        }
        if (facts.task().hotspotRank() != null) {
            cause.append(" The file is hotspot #").append(facts.task().hotspotRank())
                    .append(" of the architecture analysis (it changes often and is complex).");
        }
        if (facts.presence().verified()) {
            cause.append(" Confirmed at HEAD: ").append(facts.presence().how()).append('.');
        }
        return cause.toString();
    }

    private static String stripped(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
