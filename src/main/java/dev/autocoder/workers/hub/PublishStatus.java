package dev.autocoder.workers.hub;

import java.time.Instant;

/**
 * How a dataset's publishing stands, for the dashboard and the API.
 *
 * @param state   off (no token), waiting (nothing sent yet), up-to-date, pending, token-rejected, forbidden,
 *                rate-limited, retrying (after a failure), failing (our request was refused)
 * @param detail  one line about the last problem; never the token
 */
public record PublishStatus(String dataset, String repoId, String url, String state, String detail, long pendingRows,
                            Instant lastCommitAt, Instant nextAttemptAt) {
}
