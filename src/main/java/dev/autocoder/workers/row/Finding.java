package dev.autocoder.workers.row;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autocoder.workers.repository.Scope;

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
 * <p>
 * The scope says what the file is for (main, test, fixture, generated, build). A perspective may leave it null;
 * the iteration fills it in from the snapshot before the row is built ({@link #inScopes}).
 */
@JsonPropertyOrder({"id", "rule", "category", "severity", "scope", "file", "line", "end_line", "message"})
public record Finding(
        String id,
        String rule,
        String category,
        Severity severity,
        String file,
        Integer line,
        @JsonProperty("end_line") Integer endLine,
        String message,
        Scope scope) {

    /** A finding whose scope the iteration fills in from its file. */
    public Finding(String id, String rule, String category, Severity severity, String file, Integer line,
                   Integer endLine, String message) {
        this(id, rule, category, severity, file, line, endLine, message, null);
    }

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
        return new Finding(newId, rule, category, severity, file, line, endLine, message, scope);
    }

    public Finding withScope(Scope newScope) {
        return new Finding(id, rule, category, severity, file, line, endLine, message, newScope);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(id, rule, category, severity, file, line, endLine, newMessage, scope);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, rule, category, newSeverity, file, line, endLine, message, scope);
    }

    /** The scope, main when none was given. */
    @JsonIgnore
    public Scope scopeOrMain() {
        return scope == null ? Scope.MAIN : scope;
    }

    /**
     * Every finding with a scope: the one it has, else its file's scope in the snapshot, else main (a finding
     * about the repository as a whole).
     */
    public static java.util.List<Finding> inScopes(java.util.List<Finding> findings,
                                                    java.util.function.Function<String, Scope> scopeOfPath) {
        return findings.stream().map(f -> f.scope() != null ? f
                : f.withScope(f.file() == null ? Scope.MAIN : scopeOfPath.apply(f.file()))).toList();
    }

    @JsonIgnore
    public int lineOrZero() {
        return line == null ? 0 : line;
    }

    /** The size the finding measures (a complexity, a line count) as its message states it; -1 when it states none. */
    @JsonIgnore
    public long measure() {
        return measureOf(message);
    }

    /** The size a linter's message states, read as {@link #measure()} reads it; -1 when it states none. */
    public static long measureOf(String message) {
        return FindingMeasure.of(message);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
