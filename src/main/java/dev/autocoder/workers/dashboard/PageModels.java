package dev.autocoder.workers.dashboard;

import java.util.List;

/** The data the page templates read: every value is a display string or a flag, computed in Java. */
public final class PageModels {

    private PageModels() {
    }

    public record DashboardPage(String title, long statusRefreshMs, long insightsRefreshMs, String statusRefresh,
                         String insightsRefresh, StatusPart status, InsightsPart insights) {
    }

    public record StatusPart(String level, String label, String startedAt, String uptime, String repository, String commit,
                      List<WorkerLine> workers, boolean hasWorkers, String updatedAt, String updatedAtIso,
                      String source, boolean hasPublishing, List<PublishLine> publishing) {
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

    public record WorkerInsightsPart(String id, String href, List<NameValue> totals, List<NameValue> bySeverity,
                              List<PerspectiveLine> perspectives, boolean hasCounters, List<NameValue> counters,
                              boolean hasFindings, List<FindingLine> findings, Chart scoreChart, Chart findingsChart) {
    }

    public record NameValue(String name, String value, String cssClass) {
    }

    public record PerspectiveLine(String id, String name, long rows, String score, int openFindings, boolean truncated,
                           String latestStatus) {
    }

    public record FindingLine(String severity, String rule, String location, String message, String perspective) {
    }

    public record WorkerPage(String title, String id, long statusRefreshMs, long insightsRefreshMs, String statusRefresh,
                      String insightsRefresh, String csrf, boolean tokenRequired, String actionsBase, String statusUrl,
                      String detailsUrl, boolean remote,
                      WorkerStatusPart status, WorkerDetailsPart details) {
    }

    public record WorkerStatusPart(WorkerLine worker, String updatedAt, String updatedAtIso) {
    }

    public record WorkerDetailsPart(boolean hasLatest, Result latest, boolean hasRows, List<RowLine> rows, WorkerInsightsPart insights,
                             String updatedAt, String updatedAtIso) {
    }

    public record Result(String perspective, long iteration, String status, String time, String summary,
                  boolean hasReason, String reason, boolean hasError, String error, String score, List<FindingLine> findings, boolean hasFindings, int findingsShown,
                  int issuesFound, List<String> recommendations, boolean hasRecommendations, List<NameValue> metrics,
                  boolean hasMetrics) {
    }

    public record RowLine(long iteration, String time, String perspective, String status, String score, int issues,
                   String newFindings, String duration, String summary) {
    }

    public record Message(String title, String status, String message, String back) {
    }
}
