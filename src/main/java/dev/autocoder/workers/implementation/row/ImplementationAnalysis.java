package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The {@code analysis} column of an implementation row: one fixed shape for every stage. A stage fills its own
 * part; lists it does not fill are empty, records it does not fill have null fields. {@code task},
 * {@code evidence} and {@code location} are filled by every stage that has a task, and {@code code_changes} always
 * holds the latest plan.
 */
@JsonPropertyOrder({"task", "problem", "evidence", "root_cause", "location", "callers", "callees", "components",
        "dependencies", "approaches", "chosen_approach", "choice_reason", "risks", "tests", "plan_steps", "code_changes",
        "model", "notes"})
public record ImplementationAnalysis(
        @JsonProperty("task") TaskInfo task,
        @JsonProperty("problem") String problem,
        @JsonProperty("evidence") Evidence evidence,
        @JsonProperty("root_cause") String rootCause,
        @JsonProperty("location") Location location,
        @JsonProperty("callers") List<CodeReference> callers,
        @JsonProperty("callees") List<CodeReference> callees,
        @JsonProperty("components") List<String> components,
        @JsonProperty("dependencies") List<String> dependencies,
        @JsonProperty("approaches") List<Approach> approaches,
        @JsonProperty("chosen_approach") String chosenApproach,
        @JsonProperty("choice_reason") String choiceReason,
        @JsonProperty("risks") List<Risk> risks,
        @JsonProperty("tests") List<TestItem> tests,
        @JsonProperty("plan_steps") List<String> planSteps,
        @JsonProperty("code_changes") CodeChanges codeChanges,
        @JsonProperty("model") ModelCall model,
        @JsonProperty("notes") List<String> notes) {

    public ImplementationAnalysis {
        task = task == null ? TaskInfo.none(null) : task;
        evidence = evidence == null ? Evidence.none() : evidence;
        location = location == null ? Location.none() : location;
        callers = callers == null ? List.of() : List.copyOf(callers);
        callees = callees == null ? List.of() : List.copyOf(callees);
        components = components == null ? List.of() : List.copyOf(components);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        approaches = approaches == null ? List.of() : List.copyOf(approaches);
        risks = risks == null ? List.of() : List.copyOf(risks);
        tests = tests == null ? List.of() : List.copyOf(tests);
        planSteps = planSteps == null ? List.of() : List.copyOf(planSteps);
        codeChanges = codeChanges == null ? CodeChanges.empty() : codeChanges;
        model = model == null ? ModelCall.notAsked() : model;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
