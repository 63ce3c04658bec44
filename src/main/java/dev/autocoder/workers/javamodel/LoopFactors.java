package dev.autocoder.workers.javamodel;

import net.sourceforge.pmd.lang.java.ast.ASTAnonymousClassDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAccess;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAllocation;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
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
import java.util.function.BiPredicate;

/**
 * Which loops multiply a method's running time by the size of their input, and which add no factor. A loop over
 * elements written out in the code ({@code List.of("vim", "nano")}, an enum's {@code values()}, {@code i < 3} or a
 * constant bound) runs a fixed number of times. A loop that walks what an enclosing loop's element holds
 * ({@code for (V v : entry.getValue())} inside {@code for (Entry<K, List<V>> entry : map.entrySet())}, or
 * {@code for (int i = 0; i < row.length; i++)} inside {@code for (int[] row : grid)}) visits each nested element
 * once together with it, where two loops over collections of their own multiply. An element is an enhanced for's
 * variable, or a local declared or assigned in that loop's body from one; an index ({@code for (int i ...)}) is not,
 * and a name read only inside an array index does not count ({@code j < i} walks the pairs of one list: its square).
 * Also which calls in a loop work on its element ({@link #onLoopElement}), the loop's own work on each one.
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

    /**
     * What a nested-loops message adds when not every loop of the nest multiplies the work: how many do; empty when
     * all of them do.
     */
    public static String multiplyingNote(int depth, int growthDepth) {
        return growthDepth == depth ? "" : ", " + growthDepth + " of them over collections of their own (the rest "
                + "walk an enclosing loop's element or run a fixed number of times)";
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

    /**
     * Whether a call inside a loop works on that loop's element: its receiver or an argument mentions the element of
     * the innermost loop around it (a for-each's variable, an index loop's index, what an iterator loop's
     * {@code it.next()} gives, a stream step's lambda parameter, or a local computed from one):
     * {@code file.isDirectory()} or {@code new FileInputStream(file)} for each {@code file} of a listing is the
     * loop's own work on each element, not the same call repeated.
     */
    static boolean onLoopElement(JavaNode call) {
        JavaNode loop = call.getParent();
        while (loop != null && !(loop instanceof ASTLoopStatement) && !isBoundary(loop)) {
            loop = loop.getParent();
        }
        Set<String> elements = new HashSet<>();
        JavaNode body = null;
        if (loop instanceof ASTLambdaExpression step) {
            // a stream step's lambda: its parameter is the element
            step.getParameters().toStream().forEach(p -> elements.add(p.getVarId().getName()));
            body = step.isBlockBody() ? step.getBlockBody() : step.getExpressionBody();
        } else if (loop instanceof ASTLoopStatement statement) {
            body = statement.getBody();
            if (statement instanceof ASTForeachStatement each) {
                elements.add(each.getVarId().getName());
            } else if (statement instanceof ASTForStatement f && f.getInit() != null) {
                f.getInit().descendants(ASTVariableDeclarator.class).forEach(v -> elements.add(v.getName())); // paths[i]
            } else if (MethodScanner.iterator(statement.getCondition()) != null) {
                elements.add(MethodScanner.iterator(statement.getCondition())); // `it.next()` is read from `it`
            }
        }
        if (elements.isEmpty() || body == null) {
            return false;
        }
        // what differs from one element to the next: any use of one, not only what the element holds
        addLocalsComputedFrom(body, call, elements, LoopFactors::mentions);
        List<JavaNode> operands = new ArrayList<>();
        if (call instanceof ASTMethodCall method && method.getQualifier() != null) {
            operands.add(method.getQualifier());
        }
        ASTArgumentList arguments = call.firstChild(ASTArgumentList.class);
        if (arguments != null) {
            arguments.toStream().forEach(operands::add);
        }
        return operands.stream().anyMatch(operand -> mentions(operand, elements));
    }

    /**
     * Adds the locals declared or assigned in {@code body} before {@code before} from one of the names (in source
     * order: {@code URL url = null; … url = urls.nextElement();}).
     */
    private static void addLocalsComputedFrom(JavaNode body, JavaNode before, Set<String> names,
                                              BiPredicate<JavaNode, Set<String>> from) {
        for (JavaNode node : body.descendants().filter(n -> n instanceof ASTVariableDeclarator
                || n instanceof ASTAssignmentExpression).toList(JavaNode.class::cast)) {
            if (node.getTextRegion().getStartOffset() >= before.getTextRegion().getStartOffset()) {
                break;
            }
            if (node instanceof ASTVariableDeclarator local && local.hasInitializer()
                    && from.test(local.getInitializer(), names)) {
                names.add(local.getName());
            } else if (node instanceof ASTAssignmentExpression assignment
                    && assignment.getLeftOperand() instanceof ASTVariableAccess local
                    && from.test(assignment.getRightOperand(), names)) {
                names.add(local.getName());
            }
        }
    }

    private static boolean mentions(JavaNode expression, Set<String> names) {
        return expression.descendantsOrSelf().filterIs(ASTVariableAccess.class).any(v -> names.contains(v.getName()));
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
            addLocalsComputedFrom(each.getBody(), loop, elements, LoopFactors::reads);
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
