package dev.autocoder.workers.hub;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits after a failed publishing attempt, by what went wrong, from the autocoder.hub.* settings. */
class HubRetryPolicyTest {

    private final HubProperties properties = new HubProperties();
    private final HubRetryPolicy policy = new HubRetryPolicy(properties);

    @Test
    void serverErrorsAndSilenceBackOffExponentiallyWithJitterUpToTheCap() {
        properties.setInitialBackoff(Duration.ofSeconds(30));
        properties.setMaxBackoff(Duration.ofMinutes(2));
        HubException noAnswer = new HubException(HubException.Kind.NO_ANSWER, "commit got no answer", null);
        assertThat(policy.backsOff(noAnswer)).isTrue();
        assertThat(policy.waitAfter(noAnswer, 1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(policy.waitAfter(noAnswer, 2)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(policy.waitAfter(noAnswer, 30)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void theHubsOwnWaitsComeFirstAndAConflictTriesAtTheNextTick() {
        HubException limited = new HubException(HubException.Kind.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(42));
        HubException limitedSilently = new HubException(HubException.Kind.RATE_LIMITED, 429, "slow down", null);
        HubException rejected = new HubException(HubException.Kind.AUTH_REJECTED, 401, "bad token", null);
        HubException conflict = new HubException(HubException.Kind.CONFLICT, 412, "head moved", null);
        assertThat(policy.waitAfter(limited, 0)).isEqualTo(Duration.ofSeconds(42));
        assertThat(policy.waitAfter(limitedSilently, 0)).isEqualTo(properties.getRateLimitWait());
        assertThat(policy.waitAfter(rejected, 0)).isEqualTo(properties.getAuthRetry());
        assertThat(policy.waitAfter(conflict, 0)).isNull();
        assertThat(policy.backsOff(limited)).isFalse();
        assertThat(policy.backsOff(conflict)).isFalse();
    }
}
