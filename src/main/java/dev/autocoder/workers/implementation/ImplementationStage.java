package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.implementation.task.LatestAnalysis;
import dev.autocoder.workers.implementation.task.Presence;
import dev.autocoder.workers.worker.NamedPerspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;

import java.util.Optional;
import java.util.function.Function;

/**
 * A stage of the implementation worker. One cycle runs the six stages in order on one task: Deep Understanding
 * picks it, every later stage reads it from the cycle's Deep Understanding row, re-checks that the finding is still
 * present at HEAD (dropping the task, with a row that says so, when it is gone) and adds its own part.
 */
public abstract class ImplementationStage extends NamedPerspective {

    public static final String WORKER = "implementation";
    /** Carries the stage id from the result to the row columns; not a column itself. */
    static final String STAGE_KEY = "_stage";

    protected final StageServices services;
    private final Stage stage;

    protected ImplementationStage(StageServices services, Stage stage) {
        super(WORKER, stage.id(), stage.displayName());
        this.services = services;
        this.stage = stage;
    }

    protected final Stage stage() {
        return stage;
    }

    /** A stage's row holds the cycle's task, plan and patch in its {@code analysis} column, never findings. */
    @Override
    public final boolean reportsFindings() {
        return false;
    }

    /** Fills the output for an active task whose finding is present at HEAD. */
    protected abstract void work(TaskAtHead facts, StageOutput out);

    /**
     * A later stage passes its turn (no row) when the cycle's Deep Understanding row has no task: that one row says
     * why the cycle cannot start, and the next tick starts a new cycle instead of writing five more rows that repeat
     * it. Iteration numbers stay consecutive (each row is the last one plus one), before and after a restart.
     */
    @Override
    public boolean takesTurn(Function<String, Optional<Row>> previousRow) {
        if (stage() == Stage.DEEP_UNDERSTANDING) {
            return true;
        }
        return previousRow.apply(Stage.DEEP_UNDERSTANDING.id()).map(ImplementationStage::hasTask).orElse(true);
    }

    /** Whether a Deep Understanding row started a task (its {@code task_id} column; a JSON null after a restart). */
    static boolean hasTask(Row row) {
        Object id = row.extraColumns().get("task_id");
        return id != null && !(id instanceof JsonNode node && node.isNull());
    }

    @Override
    public PerspectiveResult analyze(PerspectiveContext context) {
        StageOutput out = newOutput(context);
        TaskInfo task = services.currentTask(context, stage());
        out.task = task;
        if (!task.hasTask()) {
            return services.skipped(out, task.stateReason());
        }
        if (task.isDropped()) {
            return services.skipped(out, "Task " + task.taskId() + " was dropped earlier in this cycle: " + task.stateReason());
        }
        LatestAnalysis latest = services.analysis().latest(context.targetId());
        Presence now = services.presence().check(context.snapshot(), task, latest);
        if (!now.present()) {
            out.task = task.dropped(now.how());
            out.summary = "Task " + task.taskId() + " dropped: its finding is no longer present at HEAD (" + now.how()
                    + "). The next cycle picks another.";
            return services.skipped(out, "The finding of task " + task.taskId() + " is no longer present at HEAD: " + now.how() + ".");
        }
        TaskAtHead facts = services.facts(context, task, now, latest);
        begin(facts, out);
        work(facts, out);
        return services.result(out);
    }

    /** A fresh output that carries the latest plan's code forward. */
    protected StageOutput newOutput(PerspectiveContext context) {
        StageOutput out = new StageOutput(stage());
        out.codeChanges = services.latestPlan(context);
        return out;
    }

    /** What every stage with a task records: the task at HEAD, the evidence, the location, the specifications. */
    protected static void begin(TaskAtHead facts, StageOutput out) {
        out.task = facts.task();
        out.evidence = facts.evidence();
        out.location = facts.location();
        out.testSpecIds.addAll(facts.testSpecIds());
        if (!facts.presence().verified()) {
            out.notes.add("Presence at HEAD not confirmed: " + facts.presence().how() + ".");
        }
        if (!facts.code().readable()) {
            out.notes.add(facts.task().file() + " cannot be read at HEAD: " + facts.code().problem() + ".");
        } else if (facts.code().isPython()) {
            if (facts.wholeModule()) {
                out.notes.add("The finding is about the whole module " + facts.task().file() + ": the Python model places "
                        + "callers and tests per function, so none are listed for it.");
            } else if (facts.code().method() == null && facts.code().type() == null) {
                out.notes.add(facts.task().file() + (facts.task().line() == null ? " (no line given)" : " line " + facts.task().line())
                        + " is outside every function: the Python model places no caller or test for it.");
            }
        } else if (!facts.code().isJava()) {
            out.notes.add(facts.task().file() + " is neither Java nor Python: there is no code model (callers, tests, "
                    + "mechanical fixes) for it.");
        } else if (!facts.code().located()) {
            var model = facts.code().fileModel();
            out.notes.add(facts.task().file() + (model != null && !model.parsed() ? " does not parse at HEAD (" + model.parseError()
                    + ")" : " has no type at the finding's line") + ": the finding cannot be placed in the code.");
        }
    }
}
