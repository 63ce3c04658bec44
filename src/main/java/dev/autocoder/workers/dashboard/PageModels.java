package dev.autocoder.workers.dashboard;

import java.util.List;

/** The data the page templates read: every value is a display string or a flag, computed in Java. */
final class PageModels {

    private PageModels() {
    }

    /**
     * @param query   "?target=<id>" when the page shows one target: the fragments it reloads carry it
     * @param targets the repository picker (with a list of targets): "all targets" and one link per target
     */
    public record DashboardPage(String title, long statusRefreshMs, long insightsRefreshMs, String statusRefresh,
                         String insightsRefresh, StatusPart status, dev.autocoder.workers.gate.GatePanel.GatePart gate,
                         InsightsPart insights, String query, List<PickerLine> targets, boolean hasTargets) {
    }

    /** One choice of the repository picker; {@code selected} marks the target the page shows. */
    public record PickerLine(String label, String href, String targetId, boolean selected) {
    }

    public record StatusPart(String level, String label, String startedAt, String uptime, String repository, String commit,
                      List<WorkerLine> workers, boolean hasWorkers, String updatedAt, String updatedAtIso,
                      String source, boolean hasPublishing, List<PublishLine> publishing, long repairedLines,
                      boolean hasRepairedLines) {
    }

    /** One dataset's publishing to the Hub (or, for a dashboard reading the Hub, where it reads from). */
    public record PublishLine(String dataset, String url, boolean hasUrl, String state, String detail, boolean hasDetail,
                              long pendingRows, String lastCommit) {
    }

    public record WorkerLine(String id, String href, String state, long iterations, String current, String next,
                      boolean iterating, boolean runPending, String lastUpdatedAgo, String lastUpdatedAbsolute,
                      String lastUpdatedIso, boolean up, String health, boolean hasError, String lastError,
                      String lastErrorIteration, String period, String perspectives) {
    }

    public record InsightsPart(List<WorkerInsightsPart> workers, boolean hasWorkers, String updatedAt, String updatedAtIso) {
    }

    /**
     * @param reportsFindings the worker's rows list findings: else (the implementation worker) the page shows no
     *                        findings counts, chart or list, which would only ever be empty
     * @param bySeverity     findings in main code by severity
     * @param severityNote   why the severities may not add up to the open findings (older rows), else empty
     * @param byScope        findings per scope, all of them
     * @param findings       one section per scope with findings, main code first
     */
    public record WorkerInsightsPart(String id, String href, List<NameValue> totals, boolean reportsFindings,
                              List<NameValue> bySeverity,
                              boolean hasSeverityNote, String severityNote, List<NameValue> byScope,
                              List<PerspectiveLine> perspectives, boolean hasCounters, List<NameValue> counters,
                              boolean hasFindings, List<FindingSection> findings, Chart scoreChart, Chart findingsChart,
                              boolean hasPatches, List<PatchLine> patches, String patchesNote) {

        public boolean hasPatchesNote() {
            return !patchesNote.isEmpty();
        }
    }

    /** One verified patch in the list of recent ones, newest first. */
    public record PatchLine(String taskId, String file, String rule, String verification, String time, String commit,
                            String href) {
    }

    /**
     * The newest plan of an implementation worker: its diff line by line, the patched code, and how it was checked.
     *
     * @param verifiedLabel "verified" or "not verified"
     * @param source        how the patch was made, "" for a plan without one
     */
    public record PlanPart(String taskId, String file, String rule, String description, List<String> steps,
                           boolean hasSteps, boolean verified, String verifiedLabel, String verification, String source,
                           boolean hasSource, String commit, boolean hasDiff,
                           List<DiffLine> diff, boolean hasCode, String code, String codeScope, boolean hasPatch,
                           String patchHref) {
    }

    /** A line of a diff with its kind: {@code add}, {@code del}, {@code hunk}, {@code meta} or {@code context}. */
    public record DiffLine(String kind, String text) {
    }

    /**
     * The finding groups of one scope: main code is shown open, the other scopes collapsed.
     *
     * @param summary "54 findings in 6 groups", and whether the list is cut short
     */
    public record FindingSection(String scope, String title, String summary, boolean main, boolean hasGroups,
                                 List<GroupLine> groups, boolean withPerspective) {
    }

    /** One group: "FieldNamingConventions × 13", its first places and the first message. */
    public record GroupLine(String severity, String rule, int count, boolean repeated, String locations, String message,
                            String perspective) {
    }

    public record NameValue(String name, String value, String cssClass) {
    }

    /** @param otherFindings findings outside main code (tests, fixtures, generated code, build files) */
    public record PerspectiveLine(String id, String name, long rows, String score, int openFindings, boolean truncated,
                           int otherFindings, String latestStatus) {
    }

    public record WorkerPage(String title, String id, long statusRefreshMs, long insightsRefreshMs, String statusRefresh,
                      String insightsRefresh, String csrf, boolean tokenRequired, String actionsBase, String statusUrl,
                      String detailsUrl, boolean remote,
                      WorkerStatusPart status, WorkerDetailsPart details, String dashboardHref, String actionsQuery,
                      String controlsScope, String repository) {

        public boolean onOneTarget() {
            return !repository.isEmpty();
        }

        public boolean hasControlsScope() {
            return !controlsScope.isEmpty();
        }
    }

    public record WorkerStatusPart(WorkerLine worker, String updatedAt, String updatedAtIso) {
    }

    /** @param reportsFindings the worker's rows list findings: else the rows table has no findings columns */
    public record WorkerDetailsPart(boolean hasLatest, Result latest, boolean hasPlan, PlanPart plan, boolean hasRows,
                             List<RowLine> rows, boolean reportsFindings, WorkerInsightsPart insights, String updatedAt,
                             String updatedAtIso) {
    }

    public record Result(String perspective, long iteration, String status, String time, String summary,
                  boolean hasReason, String reason, boolean hasError, String error, String score, List<FindingSection> findings, boolean hasFindings,
                  int issuesFound, List<String> recommendations, boolean hasRecommendations, List<NameValue> metrics,
                  boolean hasMetrics) {
    }

    public record RowLine(long iteration, String time, String perspective, String status, String score, int issues,
                   String newFindings, String duration, String summary) {
    }

    public record Message(String title, String status, String message, String back) {
    }
}
