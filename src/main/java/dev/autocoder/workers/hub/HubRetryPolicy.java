package dev.autocoder.workers.hub;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry and timeout policy of every Hub request, from the {@code autocoder.hub.*} settings. Per request
 * ({@link HubClient}): a connect timeout, a request timeout, a longer one for the commit, and one retry only, of a
 * repository creation the Hub answers "another conflicting operation is in progress". Per publishing attempt
 * ({@link HubSync}): how long a dataset waits after a failed attempt, by what went wrong. Nothing else retries: a
 * failed request ends the attempt, and the next tick of the hub-sync route makes the next one.
 */
final class HubRetryPolicy {

    /** Tries of a repository creation while the Hub says another operation on it is in progress. */
    static final int CREATE_TRIES = 5;

    private final HubProperties properties;

    HubRetryPolicy(HubProperties properties) {
        this.properties = properties;
    }

    Duration connectTimeout() {
        return properties.getConnectTimeout();
    }

    Duration requestTimeout() {
        return properties.getRequestTimeout();
    }

    /** The Hub processes a commit for up to 60 s, so its answer gets longer than an ordinary request's. */
    Duration commitTimeout() {
        return properties.getCommitTimeout();
    }

    /** The pause before try {@code tried + 1} of a repository creation. */
    Duration pauseBeforeCreateRetry(int tried) {
        return Duration.ofMillis(500L * tried);
    }

    /** Whether this failure counts toward the exponential backoff (the others have a wait of their own). */
    boolean backsOff(HubException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND, REJECTED, TOO_LARGE, SERVER_ERROR, NO_ANSWER -> true;
            case AUTH_REJECTED, FORBIDDEN, PAYMENT_REQUIRED, RATE_LIMITED, CONFLICT -> false;
        };
    }

    /**
     * How long a dataset waits after a failed publishing attempt before the next one; null for the next tick.
     * {@code failures} counts the failures in a row that back off, this one included.
     */
    Duration waitAfter(HubException failure, int failures) {
        if (backsOff(failure)) {
            return backoff(failures);
        }
        return switch (failure.kind()) {
            case RATE_LIMITED -> failure.retryAfter() != null ? failure.retryAfter() : properties.getRateLimitWait();
            // someone committed first: the next attempt re-reads the head
            case CONFLICT -> null;
            default -> properties.getAuthRetry();
        };
    }

    /** Exponential, capped, with jitter so many processes do not retry in step. */
    private Duration backoff(int failures) {
        long base = properties.getInitialBackoff().toMillis();
        long capped = Math.min(properties.getMaxBackoff().toMillis(), base << Math.min(20, failures - 1));
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
