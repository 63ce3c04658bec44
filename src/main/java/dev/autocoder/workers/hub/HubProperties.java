package dev.autocoder.workers.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * Publishing to the Hugging Face Hub ({@code autocoder.hub.*}). Publishing is active when a token is set; the
 * application binds {@code HF_TOKEN} and {@code HF_USERNAME} to {@code token} and {@code owner}. The timeouts and
 * waits here are the whole retry policy of every Hub request ({@link HubRetryPolicy}).
 */
@ConfigurationProperties("autocoder.hub")
public class HubProperties {

    /** The Hub's base URL. */
    private URI endpoint = URI.create("https://huggingface.co");
    /** Access token with write access to the owner's datasets; never logged or published. */
    private String token;
    /** User or organisation the datasets belong to; the token's user when empty. */
    private String owner;
    /** Whether dataset repositories this application creates are private. */
    private boolean privateRepos = true;
    /** Time between commits of a dataset (the hub-sync timer's period): 5m, 300s, 1h30m or milliseconds. */
    private String commitInterval = "5m";
    /** A committed data file holds at most this much (whole rows); more rows go into further files. */
    private DataSize maxFileSize = DataSize.ofMegabytes(8);
    /**
     * A file read from the Hub (rows for the dashboard or the gate, the numbering after a restart) is held whole: a
     * larger one is not read, so that a hostile or foreign dataset cannot exhaust the heap.
     */
    private DataSize maxDownloadSize = DataSize.ofMegabytes(32);
    /** At most this many data files go into one commit (the Hub advises 50 to 100). */
    private int maxFilesPerCommit = 50;
    /** Time to open a connection to the Hub (every request). */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Timeout of an ordinary Hub request. */
    private Duration requestTimeout = Duration.ofSeconds(30);
    /** Timeout of a commit request (the Hub processes a commit for up to 60 s). */
    private Duration commitTimeout = Duration.ofSeconds(90);
    /** First wait after a failed commit; doubled on each further failure (with jitter) up to max-backoff. */
    private Duration initialBackoff = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofMinutes(30);
    /** Wait after the Hub rejected the token before trying again. */
    private Duration authRetry = Duration.ofMinutes(30);
    /** Wait after a commit-quota 429 without Retry-After. */
    private Duration rateLimitWait = Duration.ofMinutes(15);

    public boolean isEnabled() {
        return token != null;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        String text = endpoint.toString();
        this.endpoint = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner == null || owner.isBlank() ? null : owner.strip();
    }

    public boolean isPrivate() {
        return privateRepos;
    }

    public void setPrivate(boolean privateRepos) {
        this.privateRepos = privateRepos;
    }

    public String getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(String commitInterval) {
        this.commitInterval = commitInterval;
    }

    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public DataSize getMaxDownloadSize() {
        return maxDownloadSize;
    }

    public void setMaxDownloadSize(DataSize maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public int getMaxFilesPerCommit() {
        return maxFilesPerCommit;
    }

    public void setMaxFilesPerCommit(int maxFilesPerCommit) {
        this.maxFilesPerCommit = maxFilesPerCommit;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getCommitTimeout() {
        return commitTimeout;
    }

    public void setCommitTimeout(Duration commitTimeout) {
        this.commitTimeout = commitTimeout;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getAuthRetry() {
        return authRetry;
    }

    public void setAuthRetry(Duration authRetry) {
        this.authRetry = authRetry;
    }

    public Duration getRateLimitWait() {
        return rateLimitWait;
    }

    public void setRateLimitWait(Duration rateLimitWait) {
        this.rateLimitWait = rateLimitWait;
    }

    @Override
    public String toString() {
        return "HubProperties[endpoint=" + endpoint + ", owner=" + owner + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
