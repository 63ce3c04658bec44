package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and validates the NDJSON body of {@code POST /api/{type}s/{id}/commit/{rev}}: a header line first, then
 * one line per operation ({@code file}, {@code lfsFile}, {@code deletedFile}, {@code deletedFolder}). Every
 * problem is a 400 that names the line and what is wrong with it.
 */
final class FakeHubCommitParser {

    /** One operation line. {@code content} for "file"; {@code oid}/{@code size} for "lfsFile" (size null = copy). */
    record Operation(String kind, String path, byte[] content, String oid, Long size) {
    }

    record CommitRequest(String summary, String description, String parentCommit, List<Operation> operations) {
    }

    private FakeHubCommitParser() {
    }

    static CommitRequest parse(String body) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // one trailing newline (Python) or none (JS)
        }
        if (lines.isEmpty()) {
            throw FakeHubError.malformed("the commit body is empty: its first line must be the header");
        }
        CommitRequest header = null;
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = "NDJSON line " + (i + 1);
            JsonNode line = parseLine(stripCarriageReturn(lines.get(i)), where);
            String key = line.get("key").asText();
            JsonNode value = line.get("value");
            if (i == 0) {
                if (!key.equals("header")) {
                    throw FakeHubError.malformed(where + ": the first line must be {\"key\":\"header\",...}, got key '"
                            + key + "'");
                }
                header = header(value, where);
                continue;
            }
            operations.add(switch (key) {
                case "header" -> throw FakeHubError.malformed(where + ": only the first line may be the header");
                case "file" -> file(value, where);
                case "lfsFile" -> lfsFile(value, where);
                case "deletedFile" -> new Operation(key, path(value, where), null, null, null);
                case "deletedFolder" -> new Operation(key, folderPath(value, where), null, null, null);
                default -> throw FakeHubError.malformed(where + ": unknown key '" + key
                        + "' (expected header, file, lfsFile, deletedFile or deletedFolder)");
            });
        }
        if (operations.isEmpty()) {
            throw FakeHubError.malformed("the commit has no operations: send at least one file, lfsFile,"
                    + " deletedFile or deletedFolder line after the header");
        }
        return new CommitRequest(header.summary(), header.description(), header.parentCommit(), List.copyOf(operations));
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static JsonNode parseLine(String text, String where) {
        if (text.isBlank()) {
            throw FakeHubError.malformed(where + " is empty: every line must be one JSON object");
        }
        JsonNode line;
        try {
            line = FakeHubFormats.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw FakeHubError.malformed(where + " is not one JSON object: " + e.getOriginalMessage());
        }
        if (!line.isObject() || !line.path("key").isTextual() || !line.path("value").isObject()) {
            throw FakeHubError.malformed(where + " must be {\"key\": <string>, \"value\": <object>}");
        }
        return line;
    }

    private static CommitRequest header(JsonNode value, String where) {
        JsonNode summary = value.get("summary");
        if (summary == null || !summary.isTextual() || summary.asText().isBlank()) {
            throw FakeHubError.malformed(where + ": header.summary must be a non-empty string");
        }
        JsonNode description = value.get("description");
        if (description != null && !description.isTextual()) {
            throw FakeHubError.malformed(where + ": header.description must be a string (it may be \"\")");
        }
        JsonNode parent = value.get("parentCommit");
        if (parent != null && (!parent.isTextual() || !FakeHubFormats.COMMIT_OID.matcher(parent.asText()).matches())) {
            throw FakeHubError.malformed(where + ": header.parentCommit must be a commit sha of 5 to 40 hex digits, got "
                    + parent);
        }
        return new CommitRequest(summary.asText(), description == null ? "" : description.asText(),
                parent == null ? null : parent.asText(), List.of());
    }

    private static Operation file(JsonNode value, String where) {
        String path = path(value, where);
        JsonNode content = value.get("content");
        if (content == null || !content.isTextual()) {
            throw FakeHubError.malformed(where + ": file '" + path + "' needs a string 'content'");
        }
        String encoding = value.path("encoding").asText(null);
        byte[] bytes;
        if ("base64".equals(encoding)) {
            bytes = FakeHubFormats.decodeStandardBase64(content.asText());
            if (bytes == null) {
                throw FakeHubError.malformed(where + ": the content of '" + path + "' is not valid standard base64");
            }
        } else if ("utf-8".equals(encoding)) {
            bytes = content.asText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw FakeHubError.malformed(where + ": file '" + path + "' needs \"encoding\": \"base64\", got "
                    + value.get("encoding"));
        }
        return new Operation("file", path, bytes, null, null);
    }

    private static Operation lfsFile(JsonNode value, String where) {
        String path = path(value, where);
        if (!"sha256".equals(value.path("algo").asText(null))) {
            throw FakeHubError.malformed(where + ": lfsFile '" + path + "' needs \"algo\": \"sha256\", got "
                    + value.get("algo"));
        }
        String oid = value.path("oid").asText("");
        if (!FakeHubFormats.SHA256_HEX.matcher(oid).matches()) {
            throw FakeHubError.malformed(where + ": lfsFile '" + path + "' needs 'oid', the sha256 as 64 lower-case"
                    + " hex digits, got " + value.get("oid"));
        }
        JsonNode size = value.get("size");
        if (size != null && !FakeHubFormats.isNonNegativeInteger(size)) {
            throw FakeHubError.malformed(where + ": lfsFile '" + path + "' needs 'size' as a non-negative integer, got "
                    + size);
        }
        return new Operation("lfsFile", path, null, oid, size == null ? null : size.asLong());
    }

    private static String path(JsonNode value, String where) {
        JsonNode path = value.get("path");
        String problem = path == null || !path.isTextual() ? "'path' must be a string" : FakeHubFormats.pathProblem(path.asText());
        if (problem != null) {
            throw FakeHubError.malformed(where + ": " + problem);
        }
        return path.asText();
    }

    /** A folder path may end with '/' ("dir/"), as huggingface_hub sends it. */
    private static String folderPath(JsonNode value, String where) {
        JsonNode path = value.get("path");
        if (path == null || !path.isTextual()) {
            throw FakeHubError.malformed(where + ": 'path' must be a string");
        }
        String folder = path.asText().endsWith("/") ? path.asText().substring(0, path.asText().length() - 1) : path.asText();
        String problem = FakeHubFormats.pathProblem(folder);
        if (problem != null) {
            throw FakeHubError.malformed(where + ": " + problem);
        }
        return folder;
    }
}
