package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.Statement;
import dev.autocoder.workers.repository.JavaLanguageLevel;

import java.util.List;
import java.util.Optional;

/**
 * JavaParser set up the one way this package parses Java: the newest level PMD and JavaParser both parse
 * ({@link JavaLanguageLevel#newestSupported()}). Here parsing only checks that an edit leaves well-formed Java, and
 * the patch code sees a folder, not the snapshot's build; the newest level accepts the syntax of every release
 * but the few identifiers later releases reserved ({@code _}, a type named {@code record}).
 */
final class JavaSource {

    private static final String NESTED_TOO_DEEPLY = "the code is nested too deeply to parse";

    private JavaSource() {
    }

    /** Parses a whole file; a new parser per call, as JavaParser instances are not thread-safe. */
    static ParseResult<CompilationUnit> parse(String text) {
        try {
            return parser().parse(text);
        } catch (StackOverflowError e) {
            // absurdly deep nesting (generated code) must not end the caller's iteration
            return new ParseResult<>(null, List.of(new Problem(NESTED_TOO_DEEPLY, null, null)), null);
        }
    }

    /** Parses one statement that a fix writes (always valid Java). */
    static Statement statement(String code) {
        return parser().parseStatement(code).getResult()
                .orElseThrow(() -> new IllegalStateException("not a statement: " + code));
    }

    private static JavaParser parser() {
        return new JavaParser(configuration());
    }

    private static ParserConfiguration configuration() {
        return new ParserConfiguration().setLanguageLevel(JavaLanguageLevel.newestSupported().javaParserLevel());
    }

    /**
     * Why the text does not parse as Java, or empty when it does. A well-formed file is parsed without tokens and
     * comments, which are most of what a parse holds in memory on a large file; only a file that fails is parsed again
     * with them, for the line of the first problem.
     */
    static Optional<String> problem(String text) {
        try {
            if (new JavaParser(configuration().setStoreTokens(false).setAttributeComments(false)).parse(text)
                    .isSuccessful()) {
                return Optional.empty();
            }
        } catch (StackOverflowError e) {
            return Optional.of(NESTED_TOO_DEEPLY);
        }
        ParseResult<CompilationUnit> result = parse(text);
        return result.isSuccessful() && result.getResult().isPresent()
                ? Optional.empty() : Optional.of(firstProblem(result));
    }

    static String firstProblem(ParseResult<?> result) {
        if (result.getProblems().isEmpty()) {
            return "JavaParser gave no result";
        }
        Problem problem = result.getProblems().get(0);
        String where = problem.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> "line " + r.begin.line + ": ")
                .orElse("");
        String message = problem.getMessage().lines().findFirst().orElse("").strip();
        return where + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }
}
