package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.FileModelBuilder;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.repository.Interned;

import java.util.List;

/**
 * The cached PMD result of one file content: violations, the Java model and processing errors, all without the
 * file's path, so the same content at another path (or a later snapshot) reuses it.
 *
 * @param parsed     the collector's model; null when the file did not parse
 * @param ruleErrors messages of rules that failed on a file that did parse
 * @param parseError why the file did not parse; null when it parsed
 * @param skipReason why PMD left the content out (see {@link #skipped}); null when it ran to the end
 */
record FileAnalysis(List<Violation> violations, ParsedJavaFile parsed, List<String> ruleErrors, String parseError,
                    String skipReason) {

    FileAnalysis(List<Violation> violations, ParsedJavaFile parsed, List<String> ruleErrors, String parseError) {
        this(violations, parsed, ruleErrors, parseError, null);
    }

    /** A content PMD gave up on (over the time budget, or its parser's stack overflowed): no result, only why. */
    static FileAnalysis skipped(String reason) {
        return new FileAnalysis(List.of(), null, List.of(), null, reason);
    }

    /** A violation without its path. */
    record Violation(String rule, String ruleSet, int priority, int beginLine, int endLine, String message,
                     String snippet) {

        Violation {
            rule = Interned.string(rule);
            ruleSet = Interned.string(ruleSet);
            message = Interned.string(message);
        }

        PmdViolation at(String path) {
            return new PmdViolation(path, rule, ruleSet, priority, beginLine, endLine, message, snippet);
        }
    }

    JavaFileModel modelAt(String path, String contentHash) {
        if (parsed == null) {
            return new JavaFileModel(path, contentHash, "", List.of(), List.of(), parseError);
        }
        boolean testPath = isTestPath(path);
        List<JavaTypeModel> types = parsed.types().stream()
                .map(t -> t.isTest() || !testPath ? t : new JavaTypeModel(t.simpleName(), t.qualifiedName(), t.kind(),
                        t.isPublic(), t.isAbstract(), true, t.beginLine(), t.endLine(), t.methods()))
                .toList();
        return new JavaFileModel(path, contentHash, parsed.packageName(), parsed.imports(), types, null);
    }

    /** The planner's model of the content at a path: the parse error when the file did not parse. */
    FileModel detailAt(String path, String contentHash) {
        if (parsed == null) {
            return FileModelBuilder.failed(path, contentHash, parseError);
        }
        return FileModelBuilder.atPath(parsed.detail(), path, contentHash);
    }

    /** Maven/Gradle layout: test sources live under a {@code src/test/} folder. */
    static boolean isTestPath(String path) {
        return path.startsWith("src/test/") || path.contains("/src/test/");
    }
}
