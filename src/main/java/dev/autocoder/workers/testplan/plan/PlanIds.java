package dev.autocoder.workers.testplan.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids of plan items: 16 hex characters of SHA-256 over the kind and the item's identifying parts. */
public final class PlanIds {
    private PlanIds() {
    }

    public static String of(String kind, String... parts) {
        StringBuilder text = new StringBuilder(kind);
        for (String part : parts) {
            text.append('\u0000').append(part == null ? "" : part.strip().replaceAll("\\s+", " "));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
