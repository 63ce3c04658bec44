package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

import java.util.Set;

/**
 * Decides, from the syntax alone, whether evaluating an expression can have an effect anyone could notice (a call,
 * an assignment, an exception), so that removing it cannot change behaviour. It answers "free" only for what is
 * certain: literals, names, {@code this}, class literals, lambdas, operators over literals, and no-argument or
 * literal-argument constructors of well-known JDK value and collection types. Everything else counts as a
 * possible side effect.
 */
final class SideEffects {

    /** JDK types whose constructors with literal arguments only allocate. */
    private static final Set<String> PLAIN_CONSTRUCTORS = Set.of("Object", "String", "StringBuilder", "StringBuffer",
            "ArrayList", "LinkedList", "HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet",
            "ArrayDeque", "ConcurrentHashMap", "CopyOnWriteArrayList", "AtomicInteger", "AtomicLong", "AtomicBoolean",
            "AtomicReference");

    private SideEffects() {
    }

    static boolean isFree(Expression expression) {
        if (expression instanceof LiteralExpr || expression instanceof NameExpr || expression instanceof ThisExpr
                || expression instanceof ClassExpr || expression instanceof LambdaExpr) {
            return true;
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return isFree(enclosed.getInner());
        }
        if (expression instanceof FieldAccessExpr field) {
            return field.getScope() instanceof ThisExpr;
        }
        if (expression instanceof MethodReferenceExpr reference) {
            return reference.getScope() instanceof TypeExpr || reference.getScope() instanceof ThisExpr;
        }
        if (expression instanceof UnaryExpr unary) {
            return switch (unary.getOperator()) {
                case PLUS, MINUS, LOGICAL_COMPLEMENT, BITWISE_COMPLEMENT -> unary.getExpression() instanceof LiteralExpr;
                default -> false;
            };
        }
        if (expression instanceof BinaryExpr binary) {
            // operands are literals: no toString() of an object, no unboxing; x / 0 and x % 0 may throw
            return binary.getLeft() instanceof LiteralExpr && binary.getRight() instanceof LiteralExpr
                    && binary.getOperator() != BinaryExpr.Operator.DIVIDE
                    && binary.getOperator() != BinaryExpr.Operator.REMAINDER;
        }
        if (expression instanceof ConditionalExpr conditional) {
            return isFree(conditional.getCondition()) && isFree(conditional.getThenExpr())
                    && isFree(conditional.getElseExpr());
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return creation.getAnonymousClassBody().isEmpty() && creation.getScope().isEmpty()
                    && PLAIN_CONSTRUCTORS.contains(creation.getType().getNameAsString())
                    && creation.getArguments().stream().allMatch(a -> a instanceof LiteralExpr);
        }
        if (expression instanceof ArrayCreationExpr array) {
            return array.getLevels().stream().allMatch(l -> l.getDimension().isEmpty())
                    && array.getInitializer().map(SideEffects::isFree).orElse(false);
        }
        if (expression instanceof ArrayInitializerExpr initializer) {
            return initializer.getValues().stream().allMatch(SideEffects::isFree);
        }
        return false;
    }
}
