package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code autocoder.dashboard.*} settings. */
@ConfigurationProperties("autocoder.dashboard")
class DashboardProperties {

    /** A control form with both tokens is a few hundred bytes. */
    private static final DataSize MIN_REQUEST_BODY = DataSize.ofKilobytes(1);
    /** Bodies without a length are held in memory while they are counted. */
    private static final DataSize MAX_REQUEST_BODY = DataSize.ofMegabytes(16);
    /** A DNS name, an IPv4 address, or an IPv6 address in brackets, as a Host header carries them. */
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9.])?|\\[[0-9a-f:.]+]");

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
    /** Verified patches kept in memory per worker (the newest, one per task): the .patch endpoint serves these. */
    private int patchesKept = 100;
    /**
     * Where the dashboard reads rows: {@code local} (the store this process writes) or {@code hub} (the datasets
     * on the Hugging Face Hub, for a dashboard running apart from the workers).
     */
    private String source = "local";
    /** How often a dashboard reading the Hub looks for new rows. */
    private String hubRefresh = "60s";
    /**
     * How often the aggregates of a local dashboard are kept on disk (and at shutdown), so that a restart reads only
     * the rows written since ({@code dashboard-checkpoint} route).
     */
    private String checkpointInterval = "10m";
    /**
     * Largest request body any path accepts (the largest legitimate one, a control form, is under 1 KB); a larger
     * one is answered 413 before anything reads it.
     */
    private DataSize maxRequestBody = DataSize.ofKilobytes(64);
    /**
     * Host names, besides loopback ones, that requests may address when no admin token is configured (for
     * example the name of this machine on a trusted network). Without an admin token any other Host is refused,
     * so a page whose name was rebound to 127.0.0.1 cannot drive the controls.
     */
    private List<String> allowedHosts = List.of();

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        String value = source == null ? "local" : source.strip().toLowerCase(Locale.ROOT);
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
        dev.autocoder.workers.config.DurationSetting.toMillis("autocoder.dashboard.hub-refresh", hubRefresh);
        this.hubRefresh = hubRefresh;
    }

    public String getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(String checkpointInterval) {
        // the checkpoint route's timer reads the text itself
        dev.autocoder.workers.config.DurationSetting.toMillis("autocoder.dashboard.checkpoint-interval", checkpointInterval);
        this.checkpointInterval = checkpointInterval;
    }

    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    public void setMaxRequestBody(DataSize maxRequestBody) {
        if (maxRequestBody == null || maxRequestBody.toBytes() < MIN_REQUEST_BODY.toBytes()
                || maxRequestBody.toBytes() > MAX_REQUEST_BODY.toBytes()) {
            throw new InvalidConfigurationException("autocoder.dashboard.max-request-body", "must be from "
                    + MIN_REQUEST_BODY.toKilobytes() + "KB to " + MAX_REQUEST_BODY.toMegabytes() + "MB, not " + maxRequestBody);
        }
        this.maxRequestBody = maxRequestBody;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        List<String> hosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String host : hosts) {
            if (!HOST_NAME.matcher(host).matches()) {
                throw new InvalidConfigurationException("autocoder.dashboard.allowed-hosts",
                        "'" + host + "' is not a host name or IP address (no scheme, port or path)");
            }
        }
        this.allowedHosts = hosts;
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

    public int getPatchesKept() {
        return patchesKept;
    }

    public void setPatchesKept(int patchesKept) {
        this.patchesKept = positive("patches-kept", patchesKept);
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
                + statusRefresh + ", insightsRefresh=" + insightsRefresh + ", rememberStopped=" + rememberStopped
                + ", maxRequestBody=" + maxRequestBody + ", allowedHosts=" + allowedHosts + "]";
    }
}
