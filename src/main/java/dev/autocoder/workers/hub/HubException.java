package dev.autocoder.workers.hub;

import java.time.Duration;

/**
 * A Hub request that did not succeed, classified by what the caller should do about it. The message is built
 * from the status and the Hub's own error text, never from request headers, so it cannot carry the token.
 */
public class HubException extends RuntimeException {

    /** What went wrong, as far as the caller's next move is concerned. */
    public enum Kind {
        /** 401 for a bad token: the token is rejected. */
        AUTH_REJECTED,
        /** 402: the account must pay for this (e.g. a Docker Space on a free account). */
        PAYMENT_REQUIRED,
        /** 403: the token may not do this. */
        FORBIDDEN,
        /** 404 (or the Hub's ambiguous 401 for a repository the caller cannot see). */
        NOT_FOUND,
        /** 409/412: someone else changed the repository first; refresh and retry. */
        CONFLICT,
        /** 429: slow down; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** 5xx: the Hub failed; an operation may still have been applied. */
        SERVER_ERROR,
        /** No answer: timeout or dropped connection; an operation may still have been applied. */
        NO_ANSWER,
        /** Any other 4xx: our request was refused as it stands. */
        REJECTED,
        /** A file larger than {@code autocoder.hub.max-download-size}: not read, it would be held whole. */
        TOO_LARGE
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public HubException(Kind kind, int status, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
        this.retryAfter = null;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long the Hub asked us to wait, when it said. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when an operation may have been applied although we have no confirmation. */
    public boolean outcomeUnknown() {
        return kind == Kind.SERVER_ERROR || kind == Kind.NO_ANSWER;
    }
}
