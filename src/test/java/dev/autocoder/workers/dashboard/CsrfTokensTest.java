package dev.autocoder.workers.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final CsrfTokens tokens = new CsrfTokens(clock);

    @Test
    void aTokenIsValidForTwelveHours() {
        String token = tokens.issue();
        assertThat(token).startsWith(clock.millis() + ".");
        assertThat(tokens.isValid(token)).isTrue();
        clock.advance(Duration.ofHours(12));
        assertThat(tokens.isValid(token)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.isValid(token)).isFalse();
    }

    @Test
    void tamperedForeignAndMalformedTokensAreRefused() {
        String token = tokens.issue();
        String signature = token.substring(token.indexOf('.') + 1);
        // a later issue time with the old signature
        assertThat(tokens.isValid((clock.millis() + 1) + "." + signature)).isFalse();
        // signed by another server (another key)
        assertThat(tokens.isValid(new CsrfTokens(clock).issue())).isFalse();
        assertThat(tokens.isValid(null)).isFalse();
        assertThat(tokens.isValid("")).isFalse();
        assertThat(tokens.isValid("no-dot")).isFalse();
        assertThat(tokens.isValid("abc." + signature)).isFalse();
        assertThat(tokens.isValid(token + "0")).isFalse();
        // issued in the future
        clock.advance(Duration.ofMinutes(-1));
        assertThat(tokens.isValid(token)).isFalse();
    }
}
