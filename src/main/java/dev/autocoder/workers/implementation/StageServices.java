package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.implementation.code.TaskCodeLoader;
import dev.autocoder.workers.implementation.model.ModelAdvisor;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.PatchVerifier;
import dev.autocoder.workers.implementation.row.CodeChanges;
import dev.autocoder.workers.implementation.row.ImplementationAnalysis;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.implementation.task.AnalysisFindings;
import dev.autocoder.workers.implementation.task.FindingPresence;
import dev.autocoder.workers.implementation.task.LatestAnalysis;
import dev.autocoder.workers.implementation.task.Presence;
import dev.autocoder.workers.implementation.task.TaskPicker;
import dev.autocoder.workers.implementation.tests.TestPlanningSpecs;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every stage shares: the engines, reading the cycle from the stage rows written before, and turning a
 * {@link StageOutput} into the worker's row shape.
 */
@Component
public class StageServices {

    /** Default dataset when the worker is not registered (a stage run outside a route, as in tests). */
    static final String DEFAULT_DATASET = "autocoder-implementation-results";

    private final AnalysisFindings analysis;
    private final FindingPresence presence;
    private final TaskPicker picker;
    private final TaskCodeLoader loader;
    private final MechanicalFixes fixes;
    private final PatchVerifier verifier;
    private final ChurnProvider churn;
    private final TestPlanningSpecs specs;
    private final ModelAdvisor model;
    private final ProgressLedger ledger;
    private final Supplier<WorkerRegistry> registry;
    private final int maxItems;
    private final ObjectMapper mapper;

    /**
     * The registry is looked up when first needed: the worker registry depends (through the Hub history) on the
     * perspective catalog, which holds these stages.
     */
    @Autowired
    public StageServices(AnalysisFindings analysis, FindingPresence presence, TaskPicker picker, TaskCodeLoader loader,
                        MechanicalFixes fixes, PatchVerifier verifier, ChurnProvider churn, TestPlanningSpecs specs,
                        ModelAdvisor model, ProgressLedger ledger, ObjectProvider<WorkerRegistry> registry,
                        AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this(analysis, presence, picker, loader, fixes, verifier, churn, specs, model, ledger,
                (Supplier<WorkerRegistry>) registry::getIfAvailable, properties, mapper);
    }

    public StageServices(AnalysisFindings analysis, FindingPresence presence, TaskPicker picker, TaskCodeLoader loader,
                        MechanicalFixes fixes, PatchVerifier verifier, ChurnProvider churn, TestPlanningSpecs specs,
                        ModelAdvisor model, ProgressLedger ledger, Supplier<WorkerRegistry> registry,
                        AutocoderProperties properties, ObjectMapper mapper) {
        this.mapper = mapper;
        this.analysis = analysis;
        this.presence = presence;
        this.picker = picker;
        this.loader = loader;
        this.fixes = fixes;
        this.verifier = verifier;
        this.churn = churn;
        this.specs = specs;
        this.model = model;
        this.ledger = ledger;
        this.registry = registry;
        this.maxItems = Math.max(1, properties.getImplementation().getMaxItemsPerRow());
    }

    public AnalysisFindings analysis() {
        return analysis;
    }

    public TaskPicker picker() {
        return picker;
    }

    public FindingPresence presence() {
        return presence;
    }

    public ModelAdvisor model() {
        return model;
    }

    public PatchVerifier verifier() {
        return verifier;
    }

    public ProgressLedger ledger() {
        return ledger;
    }

    /** The worker's dataset, as its route declares it. */
    public String dataset() {
        WorkerRegistry workers = registry.get();
        return workers == null ? DEFAULT_DATASET
                : workers.find(ImplementationStage.WORKER).map(s -> s.definition().dataset()).orElse(DEFAULT_DATASET);
    }

    public TaskAtHead facts(PerspectiveContext context, TaskInfo task, Presence now, LatestAnalysis latest) {
        return new TaskAtHead(context.snapshot(), task.at(now.line(), now.endLine()), now, latest, loader, fixes, churn, specs,
                context.targetId());
    }

    /** The {@code analysis} column of a stored stage row (values are JSON trees in this process, maps after a restart). */
    public Optional<ImplementationAnalysis> analysisOf(Row row) {
        Object value = row.extraColumns().get("analysis");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.convertValue(value, ImplementationAnalysis.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The newest plan's code changes (from the last Implementation Plan row), carried forward by the other stages. */
    public CodeChanges latestPlan(PerspectiveContext context) {
        return context.previousRow(Stage.IMPLEMENTATION_PLAN.id()).flatMap(this::analysisOf)
                .map(ImplementationAnalysis::codeChanges).orElse(CodeChanges.empty());
    }

    /**
     * The task of the current cycle for a stage after the first: the task Deep Understanding picked, unless a stage
     * of this cycle dropped it. A {@link TaskInfo#none} or dropped task says why there is nothing to do.
     */
    public TaskInfo currentTask(PerspectiveContext context, Stage stage) {
        Optional<Row> first = context.previousRow(Stage.DEEP_UNDERSTANDING.id());
        if (first.isEmpty()) {
            return TaskInfo.none("No task in this cycle: Deep Understanding has not picked one yet (the cycle begins "
                    + "with it).");
        }
        TaskInfo task = analysisOf(first.get()).map(ImplementationAnalysis::task).orElse(TaskInfo.none(null));
        if (!task.hasTask()) {
            String why = first.get().reason() != null ? first.get().reason() : task.stateReason();
            return TaskInfo.none("No task in this cycle: " + (why == null ? "Deep Understanding picked none." : why));
        }
        for (Stage earlier : Stage.values()) {
            if (earlier.number() <= 1 || earlier.number() >= stage.number()) {
                continue;
            }
            Optional<Row> row = context.previousRow(earlier.id());
            if (row.isPresent() && row.get().iteration() > first.get().iteration()) {
                Optional<TaskInfo> then = analysisOf(row.get()).map(ImplementationAnalysis::task);
                if (then.isPresent() && task.taskId().equals(then.get().taskId()) && then.get().isDropped()) {
                    return then.get();
                }
            }
        }
        return task;
    }

    /** The row's result: the fixed analysis shape, lists capped, the stage's own columns. */
    public PerspectiveResult result(StageOutput out) {
        List<String> notes = new ArrayList<>(out.notes);
        ImplementationAnalysis analysisColumn = new ImplementationAnalysis(out.task, out.problem, out.evidence,
                out.rootCause, out.location, capped(out.callers, "caller", "callers", notes),
                capped(out.callees, "callee", "callees", notes), capped(out.components, "component", "components", notes),
                capped(out.dependencies, "dependency", "dependencies", notes), out.approaches, out.chosenApproach,
                out.choiceReason, out.risks, capped(out.tests, "test", "tests", notes),
                out.planSteps, out.codeChanges, out.model, notes);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put(ImplementationStage.STAGE_KEY, out.stage.id());
        columns.put("stage_number", out.stage.number());
        columns.put("stage_name", out.stage.displayName());
        columns.put("task_id", out.task.taskId());
        columns.put("finding_id", out.task.findingId());
        columns.put("test_spec_ids", List.copyOf(out.testSpecIds));
        columns.put("narrative", out.narrative);
        columns.put("narrative_status", out.model.status());
        columns.put("analysis", analysisColumn);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task_id", out.task.taskId());
        details.put("task_state", out.task.state());
        if (out.skippedReason != null) {
            return new PerspectiveResult(Status.SKIPPED, out.skippedReason, out.summary == null ? out.skippedReason : out.summary,
                    null, List.of(), out.recommendations, out.metrics, details, columns);
        }
        Double score = out.qualityScore == null || out.qualityScore.isNaN() ? null : Math.max(0, Math.min(1, out.qualityScore));
        String reason = notes.isEmpty() ? null : String.join(" ", notes.subList(0, Math.min(2, notes.size())));
        return new PerspectiveResult(Status.OK, reason, out.summary, score, List.of(), out.recommendations, out.metrics,
                details, columns);
    }

    /** A skipped row: the stage could not work on the cycle's task (or there is none). */
    public PerspectiveResult skipped(StageOutput out, String reason) {
        out.skippedReason = reason;
        if (!out.notes.contains(reason)) {
            out.notes.add(0, reason);
        }
        return result(out);
    }

    private <T> List<T> capped(List<T> items, String singular, String plural, List<String> notes) {
        if (items.size() <= maxItems) {
            return items;
        }
        int more = items.size() - maxItems;
        notes.add(Plural.of(more, "more " + singular, "more " + plural) + (more == 1 ? " is" : " are")
                + " not listed (autocoder.implementation.max-items-per-row = " + maxItems + ").");
        return items.subList(0, maxItems);
    }
}
