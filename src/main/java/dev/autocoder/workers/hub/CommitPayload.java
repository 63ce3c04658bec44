package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The body of a Hub commit: NDJSON, the header line first, then one line per operation
 * (see docs/hf-hub-protocol.md §4).
 */
public final class CommitPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int operations;

    public CommitPayload(String summary, String description, String parentCommit) {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a commit needs a summary");
        }
        ObjectNode value = JSON.createObjectNode().put("summary", summary).put("description", description == null ? "" : description);
        if (parentCommit != null) {
            value.put("parentCommit", parentCommit);
        }
        line("header", value);
        operations = 0;
    }

    /** Adds or overwrites a regular (non-LFS) file. */
    public CommitPayload addFile(String path, byte[] content) {
        line("file", JSON.createObjectNode().put("path", path)
                .put("content", Base64.getEncoder().encodeToString(content)).put("encoding", "base64"));
        return this;
    }

    /** Adds a file whose bytes are already in LFS storage. */
    public CommitPayload addLfsFile(String path, String sha256, long size) {
        line("lfsFile", JSON.createObjectNode().put("path", path).put("algo", "sha256").put("oid", sha256).put("size", size));
        return this;
    }

    public int operations() {
        return operations;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void line(String key, ObjectNode value) {
        try {
            out.write(JSON.writeValueAsBytes(JSON.createObjectNode().put("key", key).set("value", value)));
            out.write('\n');
            operations++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
