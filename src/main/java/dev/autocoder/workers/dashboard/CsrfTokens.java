package dev.autocoder.workers.dashboard;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Signed CSRF tokens for the pages' forms: {@code <issued-at millis>.<HMAC-SHA256 of it>} under a random key
 * made at start-up. Only a page this server rendered carries a valid one; a restart (new key) or 12 hours
 * invalidate it, and the page simply has to be reloaded.
 */
@Component
class CsrfTokens {

    static final Duration VALIDITY = Duration.ofHours(12);

    private final Clock clock;
    private final byte[] key = new byte[32];

    public CsrfTokens(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public String issue() {
        String issued = Long.toString(clock.millis());
        return issued + "." + sign(issued);
    }

    public boolean isValid(String token) {
        if (token == null || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String issued = token.substring(0, dot);
        long millis;
        try {
            millis = Long.parseLong(issued);
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.millis() - millis;
        return age >= 0 && age <= VALIDITY.toMillis() && Secrets.equalInConstantTime(sign(issued), token.substring(dot + 1));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("csrf:" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
