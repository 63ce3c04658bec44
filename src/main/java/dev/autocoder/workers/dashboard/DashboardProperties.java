package dev.autocoder.workers.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The {@code autocoder.dashboard.*} settings. */
@ConfigurationProperties("autocoder.dashboard")
public class DashboardProperties {

    /**
     * Secret for the state-changing endpoints (start, stop, run now), sent as {@code Authorization: Bearer} or
     * as the form field {@code token}. Without one, only callers on the loopback interface may change state.
     */
    private String adminToken;
    /** How often the pages refresh the system status and the worker table. */
    private Duration statusRefresh = Duration.ofSeconds(10);
    /** How often the pages refresh insights, findings and charts. */
    private Duration insightsRefresh = Duration.ofSeconds(30);
    /** Whether a worker stopped from the dashboard stays stopped when the application restarts. */
    private boolean rememberStopped = true;
    /** Upper bound of {@code limit} on /api/workers/{id}/rows, and how many recent rows are kept in memory. */
    private int maxRowsLimit = 100;
    /** Finding groups listed per scope, for each worker and for a worker's latest result. */
    private int topFindings = 10;
    /** Points kept per chart series (the newest). */
    private int chartPoints = 200;
    /**
     * Where the dashboard reads rows: {@code local} (the store this process writes) or {@code hub} (the datasets
     * on the Hugging Face Hub, for a dashboard running apart from the workers).
     */
    private String source = "local";
    /** How often a dashboard reading the Hub looks for new rows. */
    private String hubRefresh = "60s";

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        String value = source == null ? "local" : source.strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("local") && !value.equals("hub")) {
            throw new IllegalArgumentException("must be local or hub, not '" + source + "'");
        }
        this.source = value;
    }

    public boolean readsHub() {
        return "hub".equals(source);
    }

    public String getHubRefresh() {
        return hubRefresh;
    }

    public void setHubRefresh(String hubRefresh) {
        // the refresh route's timer reads the text itself: check it is a duration Camel understands
        dev.autocoder.workers.config.Durations.toMillis("autocoder.dashboard.hub-refresh", hubRefresh);
        this.hubRefresh = hubRefresh;
    }

    public String getAdminToken() {
        return adminToken;
    }

    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    public boolean hasAdminToken() {
        return adminToken != null;
    }

    public Duration getStatusRefresh() {
        return statusRefresh;
    }

    public void setStatusRefresh(Duration statusRefresh) {
        this.statusRefresh = atLeastOneSecond("status-refresh", statusRefresh);
    }

    public Duration getInsightsRefresh() {
        return insightsRefresh;
    }

    public void setInsightsRefresh(Duration insightsRefresh) {
        this.insightsRefresh = atLeastOneSecond("insights-refresh", insightsRefresh);
    }

    public boolean isRememberStopped() {
        return rememberStopped;
    }

    public void setRememberStopped(boolean rememberStopped) {
        this.rememberStopped = rememberStopped;
    }

    public int getMaxRowsLimit() {
        return maxRowsLimit;
    }

    public void setMaxRowsLimit(int maxRowsLimit) {
        this.maxRowsLimit = positive("max-rows-limit", maxRowsLimit);
    }

    public int getTopFindings() {
        return topFindings;
    }

    public void setTopFindings(int topFindings) {
        this.topFindings = positive("top-findings", topFindings);
    }

    public int getChartPoints() {
        return chartPoints;
    }

    public void setChartPoints(int chartPoints) {
        this.chartPoints = positive("chart-points", chartPoints);
    }

    private static Duration atLeastOneSecond(String key, Duration value) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("autocoder.dashboard." + key + " must be at least 1s");
        }
        return value;
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("autocoder.dashboard." + key + " must be at least 1");
        }
        return value;
    }

    @Override
    public String toString() {
        return "DashboardProperties[adminToken=" + (adminToken == null ? "none" : "***") + ", statusRefresh="
                + statusRefresh + ", insightsRefresh=" + insightsRefresh + ", rememberStopped=" + rememberStopped + "]";
    }
}
