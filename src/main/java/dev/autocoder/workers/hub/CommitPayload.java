package dev.autocoder.workers.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a Hub commit: NDJSON, the header line first, then one line per operation
 * (see docs/hf-hub-protocol.md §4). The lines are JSON trees until {@link HubClient} writes them with its mapper.
 */
public final class CommitPayload {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<ObjectNode> lines = new ArrayList<>();

    public CommitPayload(String summary, String description, String parentCommit) {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a commit needs a summary");
        }
        ObjectNode value = NODES.objectNode().put("summary", summary).put("description", description == null ? "" : description);
        if (parentCommit != null) {
            value.put("parentCommit", parentCommit);
        }
        line("header", value);
    }

    /** Adds or overwrites a regular (non-LFS) file. */
    public CommitPayload addFile(String path, byte[] content) {
        line("file", NODES.objectNode().put("path", path)
                .put("content", Base64.getEncoder().encodeToString(content)).put("encoding", "base64"));
        return this;
    }

    /** Adds a file whose bytes are already in LFS storage. */
    public CommitPayload addLfsFile(String path, String sha256, long size) {
        line("lfsFile", NODES.objectNode().put("path", path).put("algo", "sha256").put("oid", sha256).put("size", size));
        return this;
    }

    /** The operation lines after the header. */
    public int operations() {
        return lines.size() - 1;
    }

    /** The NDJSON body: one line per JSON tree, each ended by a newline. */
    public byte[] bytes(ObjectMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ObjectNode line : lines) {
            try {
                out.writeBytes(json.writeValueAsBytes(line));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    private void line(String key, ObjectNode value) {
        lines.add(NODES.objectNode().put("key", key).set("value", value));
    }
}
