package dev.autocoder.workers.testplan.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What the plan covers: the files and methods added, changed and removed since the baseline commit (every main
 * file on a first run), and what is left out and why.
 */
public record PlanScope(
        @JsonProperty("files_added") List<String> filesAdded,
        @JsonProperty("files_changed") List<String> filesChanged,
        @JsonProperty("files_removed") List<String> filesRemoved,
        @JsonProperty("methods_added") List<String> methodsAdded,
        @JsonProperty("methods_changed") List<String> methodsChanged,
        @JsonProperty("methods_removed") List<String> methodsRemoved,
        @JsonProperty("in_scope") List<String> inScope,
        @JsonProperty("out_of_scope") List<String> outOfScope) {

    public static PlanScope empty() {
        return new PlanScope(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
