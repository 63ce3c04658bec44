package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.row.Approach;
import dev.autocoder.workers.implementation.row.CodeChanges;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.implementation.row.Evidence;
import dev.autocoder.workers.implementation.row.Location;
import dev.autocoder.workers.implementation.row.ModelCall;
import dev.autocoder.workers.implementation.row.Risk;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.implementation.row.TestItem;
import dev.autocoder.workers.row.Metric;

import java.util.ArrayList;
import java.util.List;

/** What one stage computed, before it becomes a row (filled by the stage). */
public final class StageOutput {

    final Stage stage;
    public TaskInfo task = TaskInfo.none(null);
    public String problem;
    public Evidence evidence;
    public String rootCause;
    public Location location;
    public final List<CodeReference> callers = new ArrayList<>();
    public final List<CodeReference> callees = new ArrayList<>();
    public final List<String> components = new ArrayList<>();
    public final List<String> dependencies = new ArrayList<>();
    public final List<Approach> approaches = new ArrayList<>();
    public String chosenApproach;
    public String choiceReason;
    public final List<Risk> risks = new ArrayList<>();
    public final List<TestItem> tests = new ArrayList<>();
    public final List<String> planSteps = new ArrayList<>();
    /** The latest plan, carried forward until this stage makes a new one. */
    public CodeChanges codeChanges = CodeChanges.empty();
    public ModelCall model = ModelCall.notAsked();
    public String narrative;
    public final List<String> testSpecIds = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<Metric> metrics = new ArrayList<>();
    public final List<String> recommendations = new ArrayList<>();
    public String summary;
    public Double qualityScore;
    /** Set when the stage could do nothing for the task: the row is skipped with this reason. */
    public String skippedReason;

    StageOutput(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    public StageOutput metric(String name, double value) {
        metrics.add(Metric.of(name, value));
        return this;
    }
}
