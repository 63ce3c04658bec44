package dev.autocoder.workers.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparing secrets without leaking, through timing, how much of a guess was right or how long the secret is. */
final class Secrets {

    private Secrets() {
    }

    /** Compares SHA-256 digests (fixed length) with {@link MessageDigest#isEqual}, which is constant-time. */
    static boolean equalInConstantTime(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
