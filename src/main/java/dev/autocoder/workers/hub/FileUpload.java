package dev.autocoder.workers.hub;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A file to put into a Hub repository: its path in the repository and its bytes. */
public record FileUpload(String path, byte[] content) {

    /** Base64 of the first 512 bytes, as preupload wants it. */
    public String sample() {
        return Base64.getEncoder().encodeToString(Arrays.copyOf(content, Math.min(content.length, 512)));
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long size() {
        return content.length;
    }
}
