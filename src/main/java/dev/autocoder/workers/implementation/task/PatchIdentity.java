package dev.autocoder.workers.implementation.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A verified patch's identity: the same change to the same file, whichever finding it was made for. PMD reports
 * each {@code +=} of a string built in a loop, and the one StringBuilder rewrite answers them all.
 */
public final class PatchIdentity {

    private PatchIdentity() {
    }

    /** SHA-256 of the unified diff (it names the file and the lines it changes). */
    public static String of(String unifiedDiff) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(unifiedDiff.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
