package dev.autocoder.workers.python;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an MD5 or SHA-1 digest of {@code hashlib} protects nothing, as the Python model tells it (its sites, and its
 * {@code digest=} fact on the call): the security row's {@code S324} and the test planner's {@code weak-hash} say the
 * same, low.
 */
public enum DigestPurpose {

    FORWARDED("the call passes on its function's own `usedforsecurity`: the callers say whether the "
            + "digest protects anything"),
    FALLBACK("the other branch makes the same digest with `usedforsecurity=False`: this is the fallback "
            + "where Python or its OpenSSL takes no such argument, and the code says the digest protects nothing"),
    WEBSOCKET("the digest is RFC 6455's Sec-WebSocket-Accept value (a key hashed with the protocol's "
            + "GUID): the protocol fixes SHA-1 and the digest protects nothing; `usedforsecurity=False` says so"),
    RANDOM("random bytes go into the digest (a nonce, an identifier): it is as unpredictable as they are, "
            + "and no collision resistance is relied on");

    private final String reason;

    DigestPurpose(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The purpose the model's {@code digest=} fact names, in lower case ({@code random}). */
    public static Optional<DigestPurpose> of(String fact) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(fact)).findFirst();
    }
}
