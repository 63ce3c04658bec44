package dev.autocoder.workers.javamodel;

import net.sourceforge.pmd.lang.java.ast.ASTAnonymousClassDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAccess;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAllocation;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTForStatement;
import net.sourceforge.pmd.lang.java.ast.ASTForeachStatement;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTLoopStatement;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.ast.ASTUnaryExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which loops multiply a method's running time by the size of their input, and which add no factor. A loop over
 * elements written out in the code ({@code List.of("vim", "nano")}, an enum's {@code values()}, {@code i < 3} or a
 * constant bound) runs a fixed number of times. A loop that walks what an enclosing loop's element holds
 * ({@code for (V v : entry.getValue())} inside {@code for (Entry<K, List<V>> entry : map.entrySet())}, or
 * {@code for (int i = 0; i < row.length; i++)} inside {@code for (int[] row : grid)}) visits each nested element
 * once together with it, where two loops over collections of their own multiply. An element is an enhanced for's
 * variable, or a local declared in that loop's body from one; an index ({@code for (int i ...)}) is not, and a name
 * read only inside an array index does not count ({@code j < i} walks the pairs of one list: its square).
 */
public final class LoopFactors {

    private LoopFactors() {
    }

    /** How many of this loop and the loops around it in its method add no factor. */
    static int loopsWithoutFactor(JavaNode loop) {
        int without = 0;
        for (JavaNode node = loop; node != null && !isBoundary(node); node = node.getParent()) {
            if (node instanceof ASTLoopStatement statement && addsNoFactor(statement)) {
                without++;
            }
        }
        return without;
    }

    public static boolean addsNoFactor(ASTLoopStatement loop) {
        return runsFixedCount(loop) || walksEnclosingElement(loop);
    }

    /** The elements are written out: an array of literals, or {@code List.of}/{@code Arrays.asList} of literals. */
    static boolean isWrittenOut(ASTExpression iterable) {
        if (iterable instanceof ASTArrayAllocation array && array.getArrayInitializer() != null) {
            return array.getArrayInitializer().children().all(ASTLiteral.class::isInstance);
        }
        return iterable instanceof ASTMethodCall call && Set.of("of", "asList").contains(call.getMethodName())
                && call.getArguments().size() > 0 && call.getArguments().toStream().all(ASTLiteral.class::isInstance);
    }

    private static boolean runsFixedCount(ASTLoopStatement loop) {
        if (loop instanceof ASTForeachStatement each) {
            return isWrittenOut(each.getIterableExpr()) || isEnumValues(each.getIterableExpr());
        }
        // for (int attempt = 0; attempt < 3; attempt++), or up to a constant (static final RETRIES = 3)
        return loop instanceof ASTForStatement f && f.getInit() != null
                && f.getCondition() instanceof ASTInfixExpression compare
                && BinaryOp.COMPARISON_OPS.contains(compare.getOperator())
                && compare.getRightOperand().isCompileTimeConstant()
                && f.getInit().descendants(ASTVariableDeclarator.class).nonEmpty()
                && f.getInit().descendants(ASTVariableDeclarator.class)
                        .all(v -> v.hasInitializer() && v.getInitializer().isCompileTimeConstant());
    }

    private static boolean isEnumValues(ASTExpression iterable) {
        return iterable instanceof ASTMethodCall call && call.getMethodName().equals("values")
                && call.getArguments().size() == 0 && call.getQualifier() instanceof ASTTypeExpression type
                && type.getTypeMirror().getSymbol() instanceof JClassSymbol symbol && symbol.isEnum();
    }

    private static boolean walksEnclosingElement(ASTLoopStatement loop) {
        List<JavaNode> header = new ArrayList<>();
        if (loop instanceof ASTForeachStatement each) {
            header.add(each.getIterableExpr());
        } else {
            if (loop instanceof ASTForStatement f && f.getInit() != null) {
                // for (int i = entry.getCount(); i > 0; i--)
                f.getInit().descendants(ASTVariableDeclarator.class).filter(ASTVariableDeclarator::hasInitializer)
                        .forEach(v -> header.add(v.getInitializer()));
            }
            header.add(loop.getCondition());
        }
        header.removeIf(Objects::isNull);
        if (header.isEmpty()) {
            return false;
        }
        Set<String> elements = elementsAround(loop);
        return !elements.isEmpty() && header.stream().anyMatch(expression -> reads(expression, elements));
    }

    /** The enclosing loops' elements, and the locals declared before {@code loop} from one, outermost loop first. */
    private static Set<String> elementsAround(ASTLoopStatement loop) {
        Deque<ASTForeachStatement> enclosing = new ArrayDeque<>();
        for (JavaNode node = loop.getParent(); node != null && !isBoundary(node); node = node.getParent()) {
            if (node instanceof ASTForeachStatement each) {
                enclosing.push(each);
            }
        }
        Set<String> elements = new HashSet<>();
        for (ASTForeachStatement each : enclosing) {
            elements.add(each.getVarId().getName());
            // descendants come in source order, so a local computed from another one is seen after it
            for (ASTVariableDeclarator local : each.getBody().descendants(ASTVariableDeclarator.class)) {
                if (local.getTextRegion().getStartOffset() >= loop.getTextRegion().getStartOffset()) {
                    break;
                }
                if (local.hasInitializer() && reads(local.getInitializer(), elements)) {
                    elements.add(local.getName());
                }
            }
        }
        return elements;
    }

    /**
     * The expression is, or is read from, one of the names: the name itself, a field, array element or method result
     * of it, or a comparison or arithmetic over such. A call on something else that only takes it as an argument
     * ({@code getReachableNodes(graph, node)}) may return more than the element holds, so it does not count.
     */
    private static boolean reads(JavaNode expression, Set<String> names) {
        if (expression instanceof ASTVariableAccess access) {
            return names.contains(access.getName());
        }
        if (expression instanceof ASTArrayAccess access) {
            return reads(access.getQualifier(), names);
        }
        if (expression instanceof ASTFieldAccess access) {
            return reads(access.getQualifier(), names);
        }
        if (expression instanceof ASTMethodCall call) {
            return call.getQualifier() != null && reads(call.getQualifier(), names);
        }
        if (expression instanceof ASTCastExpression cast) {
            return reads(cast.getOperand(), names);
        }
        if (expression instanceof ASTInfixExpression infix) {
            return reads(infix.getLeftOperand(), names) || reads(infix.getRightOperand(), names);
        }
        return expression instanceof ASTUnaryExpression unary && reads(unary.getOperand(), names);
    }

    private static boolean isBoundary(JavaNode node) {
        return node instanceof ASTExecutableDeclaration || node instanceof ASTTypeDeclaration
                || node instanceof ASTAnonymousClassDeclaration || node instanceof ASTLambdaExpression;
    }
}
