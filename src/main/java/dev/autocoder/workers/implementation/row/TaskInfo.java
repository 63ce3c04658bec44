package dev.autocoder.workers.implementation.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The task of a cycle: the analysis finding it addresses and where the task stands.
 *
 * @param taskId             ties the six rows of a cycle together; null when the cycle has no task
 * @param findingId          id of the analysis finding (as the analysis row lists it)
 * @param sourcePerspective  the analysis perspective whose row listed the finding
 * @param analysisCommit     the commit that analysis row was made at
 * @param line               first line at HEAD when the re-check found it (PMD findings move with the code), else as
 *                           the analysis row says
 * @param priority           severity weight × defect factor × scope factor × deliverability factor × hotspot factor
 *                           (see README, "Implementation worker")
 * @param hotspotRank        the file's rank among the architecture row's hotspots; null when not ranked
 * @param state              {@code active}, {@code dropped} (the finding is gone at HEAD) or {@code none}
 * @param stateReason        why the task was dropped, or why there is none
 * @param groupedFindings    the other findings of the same rule in the same file that a change by hand makes in the
 *                           same go, taken on with this task (empty for a patch, which fixes one place)
 */
@JsonPropertyOrder({"task_id", "finding_id", "rule", "category", "severity", "file", "line", "end_line", "message",
        "source_perspective", "analysis_commit", "priority", "hotspot_rank", "state", "state_reason", "grouped_findings"})
public record TaskInfo(
        @JsonProperty("task_id") String taskId,
        @JsonProperty("finding_id") String findingId,
        @JsonProperty("rule") String rule,
        @JsonProperty("category") String category,
        @JsonProperty("severity") String severity,
        @JsonProperty("file") String file,
        @JsonProperty("line") Integer line,
        @JsonProperty("end_line") Integer endLine,
        @JsonProperty("message") String message,
        @JsonProperty("source_perspective") String sourcePerspective,
        @JsonProperty("analysis_commit") String analysisCommit,
        @JsonProperty("priority") Double priority,
        @JsonProperty("hotspot_rank") Integer hotspotRank,
        @JsonProperty("state") String state,
        @JsonProperty("state_reason") String stateReason,
        @JsonProperty("grouped_findings") List<GroupedFinding> groupedFindings) {

    public static final String ACTIVE = "active";
    public static final String DROPPED = "dropped";
    public static final String NONE = "none";

    public TaskInfo {
        groupedFindings = groupedFindings == null ? List.of() : List.copyOf(groupedFindings);
    }

    /** No task in this cycle, and why. */
    public static TaskInfo none(String reason) {
        return new TaskInfo(null, null, null, null, null, null, null, null, null, null, null, null, null, NONE, reason,
                List.of());
    }

    public TaskInfo at(Integer newLine, Integer newEndLine) {
        return new TaskInfo(taskId, findingId, rule, category, severity, file, newLine, newEndLine, message,
                sourcePerspective, analysisCommit, priority, hotspotRank, state, stateReason, groupedFindings);
    }

    public TaskInfo dropped(String reason) {
        return new TaskInfo(taskId, findingId, rule, category, severity, file, line, endLine, message,
                sourcePerspective, analysisCommit, priority, hotspotRank, DROPPED, reason, groupedFindings);
    }

    /** The task taking on the other findings of its rule in its file as well. */
    public TaskInfo withGrouped(List<GroupedFinding> grouped) {
        return new TaskInfo(taskId, findingId, rule, category, severity, file, line, endLine, message,
                sourcePerspective, analysisCommit, priority, hotspotRank, state, stateReason, grouped);
    }

    /** {@code "line 9"}, {@code "lines 366, 438 and 477"}: where the grouped findings are; empty for none. */
    public String groupedLines() {
        List<String> lines = groupedFindings.stream().map(g -> String.valueOf(g.line())).toList();
        return lines.isEmpty() ? "" : lines.size() == 1 ? "line " + lines.get(0)
                : "lines " + String.join(", ", lines.subList(0, lines.size() - 1)) + " and " + lines.get(lines.size() - 1);
    }

    public boolean hasTask() {
        return taskId != null;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDropped() {
        return DROPPED.equals(state);
    }

    /** {@code EmptyCatchBlock (error prone, medium) at src/A.java:12}. */
    public String describe() {
        return rule + " (" + category + ", " + severity + ") at " + file + (line == null ? "" : ":" + line);
    }
}
