package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PMD {@code AppendCharacterWithChar}: {@code sb.append("x")} becomes {@code sb.append('x')} on a
 * {@code StringBuilder} or {@code StringBuffer}; both append the same character, the char overload without a
 * String to copy. Every such call on the finding's line is changed when each one's receiver is known to be a
 * builder (declared in the file, or a chain of appends on {@code new StringBuilder()}); a lone call on the line is
 * taken as the one PMD's type resolution found. Several calls with a receiver of unknown type are left alone, as an
 * {@code append(String)} of another class may have no char overload.
 */
final class AppendCharacterAsChar implements MechanicalFix {

    private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer", "java.lang.StringBuilder",
            "java.lang.StringBuffer");

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<StringLiteralExpr> literals = unit.findAll(StringLiteralExpr.class).stream()
                .filter(l -> NodeFinder.beginLine(l) >= place.line() && NodeFinder.beginLine(l) <= place.endLine())
                .filter(AppendCharacterAsChar::isSingleCharacterAppendArgument)
                .toList();
        if (literals.isEmpty()) {
            throw new NotFixableException("no append of a one-character string literal at " + place);
        }
        List<StringLiteralExpr> onBuilders = literals.stream()
                .filter(l -> receiverType((MethodCallExpr) l.getParentNode().orElseThrow())
                        .map(BUILDERS::contains).orElse(false))
                .toList();
        List<StringLiteralExpr> changed = literals.size() == 1 ? literals : onBuilders;
        if (changed.size() != literals.size()) {
            throw new NotFixableException("several appends of one-character strings are at " + place
                    + " and not every receiver is known to be a StringBuilder or StringBuffer");
        }
        for (StringLiteralExpr literal : changed) {
            literal.replace(new CharLiteralExpr(charLiteralText(literal)));
        }
        String first = charLiteralText(changed.get(0));
        return changed.size() == 1
                ? "Append the character `'" + first + "'` as a char instead of a one-character string."
                : "Append the " + changed.size() + " single characters at " + place + " as chars instead of one-character strings.";
    }

    private static boolean isSingleCharacterAppendArgument(StringLiteralExpr literal) {
        return literal.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("append") && call.getArguments().size() == 1
                && call.getArgument(0) == literal && call.getScope().isPresent()
                && literal.asString().length() == 1;
    }

    /** The literal's escaped text as a char literal's: the same escapes are valid; ' needs one and " does not. */
    private static String charLiteralText(StringLiteralExpr literal) {
        String value = literal.getValue();
        return switch (value) {
            case "'" -> "\\'";
            case "\\\"" -> "\"";
            default -> value;
        };
    }

    /** The declared type of the receiver of an append chain, when the file shows it. */
    private static Optional<String> receiverType(MethodCallExpr call) {
        var scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr inner && inner.getNameAsString().equals("append")) {
            scope = inner.getScope().orElse(null);
        }
        if (scope == null) {
            return Optional.empty();
        }
        return LocalTypes.declaredType(scope);
    }
}
