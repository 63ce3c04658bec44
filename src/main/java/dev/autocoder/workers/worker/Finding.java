package dev.autocoder.workers.worker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One problem found at a place in the repository.
 * <p>
 * The id is stable across iterations and line shifts: it hashes the rule, the file and the normalized
 * snippet of the offending code, never the line number. {@link RowFactory} makes ids unique within a result
 * when the same snippet occurs twice in a file.
 */
@JsonPropertyOrder({"id", "rule", "category", "severity", "file", "line", "end_line", "message"})
public record Finding(
        String id,
        String rule,
        String category,
        Severity severity,
        String file,
        Integer line,
        @JsonProperty("end_line") Integer endLine,
        String message) {

    /** Creates a finding whose id derives from rule, file and snippet (whitespace-normalized). */
    public static Finding of(String rule, String category, Severity severity, String file,
                             Integer line, Integer endLine, String message, String snippet) {
        return new Finding(idFor(rule, file, snippet), rule, category, severity, file, line, endLine, message);
    }

    public static String idFor(String rule, String file, String snippet) {
        String normalized = snippet == null ? "" : snippet.strip().replaceAll("\\s+", " ");
        return sha256Hex(rule + '\u0000' + (file == null ? "" : file) + '\u0000' + normalized).substring(0, 16);
    }

    public Finding withId(String newId) {
        return new Finding(newId, rule, category, severity, file, line, endLine, message);
    }

    @JsonIgnore
    public int lineOrZero() {
        return line == null ? 0 : line;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
