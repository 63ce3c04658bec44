package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * PMD {@code UseStringBufferForStringAppends} (string concatenation in a loop): turns a local {@code String} that
 * is built with {@code s += x} or {@code s = s + x + y} into a {@link StringBuilder}: the declaration becomes
 * {@code StringBuilder s = new StringBuilder(...)}, every append {@code s.append(x)} (one {@code append} per
 * operand of a string concatenation, which gives the same text), {@code s.length()} and {@code s.charAt(i)} stay,
 * and every other use of {@code s} reads {@code s.toString()}. Not fixed: fields and parameters (their type is part of an API), variables assigned any
 * other way, declared without a value or as null, or together with other variables.
 */
final class StringBuilderInLoop implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        AssignExpr concatenation = NodeFinder.covering(unit, AssignExpr.class, place.line()).stream()
                .filter(StringBuilderInLoop::isConcatenation)
                .findFirst()
                .orElseThrow(() -> new NotFixableException("no `s += ...` or `s = s + ...` on a plain variable at " + place));
        String name = ((NameExpr) concatenation.getTarget()).getNameAsString();
        VariableDeclarator variable = localDeclaration(concatenation, name)
                .orElseThrow(() -> new NotFixableException("`" + name + "` is not a local variable of this block "
                        + "(a field or a parameter: its type is part of an API), so it is not changed here"));
        requireConvertible(variable);
        Node scope = LocalVariables.declarationStatement(variable).flatMap(Node::getParentNode).orElseThrow();
        List<AssignExpr> appends = new ArrayList<>();
        List<NameExpr> reads = new ArrayList<>();
        for (Expression reference : NodeFinder.referencesAfter(scope, name, variable)) {
            if (!(reference instanceof NameExpr use)) {
                continue; // this.name is a field of the same name
            }
            if (use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use) {
                if (!isConcatenation(assign) || !(assign.getParentNode().orElse(null) instanceof ExpressionStmt)) {
                    throw new NotFixableException("`" + name + "` is assigned at line " + NodeFinder.beginLine(assign)
                            + " in a way other than appending; only appends are rewritten");
                }
                if (appendedOperands(assign).stream().anyMatch(Expression::isNullLiteralExpr)) {
                    throw new NotFixableException("line " + NodeFinder.beginLine(assign) + " appends a null literal, "
                            + "which StringBuilder.append cannot take unambiguously");
                }
                appends.add(assign);
            } else if (!isLeftmostOperandOfOwnConcatenation(use) && !isCharSequenceCall(use)) {
                reads.add(use);
            }
        }
        for (NameExpr read : reads) {
            read.replace(new MethodCallExpr(new NameExpr(name), "toString"));
        }
        for (AssignExpr append : appends) {
            Expression call = new NameExpr(name);
            for (Expression operand : appendedOperands(append)) {
                // an argument needs no parentheses: (n == 1 ? "" : "s") is appended as n == 1 ? "" : "s"
                call = new MethodCallExpr(call, "append", new NodeList<>(NodeFinder.unparenthesized(operand).clone()));
            }
            append.replace(call);
        }
        Expression initial = variable.getInitializer().orElseThrow();
        variable.setType(new ClassOrInterfaceType(null, "StringBuilder"));
        variable.setInitializer(newBuilder(initial));
        return "Build `" + name + "` with a StringBuilder: append instead of string concatenation, "
                + "and `" + name + ".toString()` where the text is read.";
    }

    /** {@code s += x}, or {@code s = s + ...} with {@code s} as the leftmost operand. */
    private static boolean isConcatenation(AssignExpr assign) {
        if (!(assign.getTarget() instanceof NameExpr target)) {
            return false;
        }
        if (assign.getOperator() == AssignExpr.Operator.PLUS) {
            return true;
        }
        return assign.getOperator() == AssignExpr.Operator.ASSIGN
                && assign.getValue() instanceof BinaryExpr
                && leftmost(assign.getValue()) instanceof NameExpr first
                && first.getNameAsString().equals(target.getNameAsString());
    }

    /**
     * What one append statement adds, in order: {@code a, b} of {@code s = s + a + b}; for {@code s += x} the
     * operands of {@code x} when {@code x} is certainly a string concatenation (a string literal among its first two
     * operands), else {@code x} whole: {@code s += i + j} adds the sum of two numbers.
     */
    private static List<Expression> appendedOperands(AssignExpr assign) {
        if (assign.getOperator() == AssignExpr.Operator.ASSIGN) {
            List<Expression> operands = plusOperands(assign.getValue());
            return operands.subList(1, operands.size());
        }
        List<Expression> operands = plusOperands(assign.getValue());
        boolean concatenation = operands.size() > 1
                && (isStringLiteral(operands.get(0)) || isStringLiteral(operands.get(1)));
        return concatenation ? operands : List.of(assign.getValue());
    }

    /** The operands of a chain {@code a + b + c}, which parses as {@code ((a + b) + c)}, from left to right. */
    private static List<Expression> plusOperands(Expression expression) {
        LinkedList<Expression> operands = new LinkedList<>();
        Expression current = expression;
        while (current instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            operands.addFirst(binary.getRight());
            current = binary.getLeft();
        }
        operands.addFirst(current);
        return operands;
    }

    private static boolean isStringLiteral(Expression expression) {
        return expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr;
    }

    /** {@code s.length()} and {@code s.charAt(i)} mean the same on a StringBuilder, so they need no toString(). */
    private static boolean isCharSequenceCall(NameExpr use) {
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == use
                && (call.getNameAsString().equals("length") && call.getArguments().isEmpty()
                || call.getNameAsString().equals("charAt") && call.getArguments().size() == 1);
    }

    private static Expression leftmost(Expression expression) {
        Expression current = expression;
        while (current instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            current = binary.getLeft();
        }
        return current;
    }

    /** The {@code s} in {@code s = s + x}: rewritten with the append, not a read. */
    private static boolean isLeftmostOperandOfOwnConcatenation(NameExpr use) {
        Node current = use;
        while (current.getParentNode().orElse(null) instanceof BinaryExpr binary
                && binary.getOperator() == BinaryExpr.Operator.PLUS && binary.getLeft() == current) {
            current = binary;
        }
        return current != use && current.getParentNode().orElse(null) instanceof AssignExpr assign
                && assign.getValue() == current && isConcatenation(assign)
                && ((NameExpr) assign.getTarget()).getNameAsString().equals(use.getNameAsString());
    }

    /** The declaration of a local visible at the node: in an enclosing block, before the statement holding the node. */
    private static Optional<VariableDeclarator> localDeclaration(Node node, String name) {
        Node child = node;
        Node parent = node.getParentNode().orElse(null);
        while (parent != null && !(parent instanceof BodyDeclaration<?>) && !(parent instanceof LambdaExpr)) {
            if (parent instanceof BlockStmt block && child instanceof Statement statement) {
                for (Statement earlier : block.getStatements()) {
                    if (earlier == statement) {
                        break;
                    }
                    if (earlier instanceof ExpressionStmt expression
                            && expression.getExpression() instanceof VariableDeclarationExpr declaration) {
                        for (VariableDeclarator variable : declaration.getVariables()) {
                            if (variable.getNameAsString().equals(name)) {
                                return Optional.of(variable);
                            }
                        }
                    }
                }
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static void requireConvertible(VariableDeclarator variable) throws NotFixableException {
        String name = variable.getNameAsString();
        String type = variable.getType().asString();
        if (!type.equals("String") && !type.equals("java.lang.String")) {
            throw new NotFixableException("`" + name + "` is declared as " + type + ", not String");
        }
        VariableDeclarationExpr declaration = (VariableDeclarationExpr) variable.getParentNode().orElseThrow();
        if (declaration.getVariables().size() > 1) {
            throw new NotFixableException("`" + name + "` is declared together with other variables");
        }
        Expression initial = variable.getInitializer()
                .orElseThrow(() -> new NotFixableException("`" + name + "` is declared without a value"));
        if (initial.isNullLiteralExpr()) {
            throw new NotFixableException("`" + name + "` starts as null, which concatenation prints as \"null\"; "
                    + "the rewrite is left to a person");
        }
    }

    /**
     * {@code new StringBuilder()} for "", the value itself when it cannot be null (a literal, a concatenation, a
     * choice between such), {@code String.valueOf(x)} otherwise.
     */
    private static Expression newBuilder(Expression initial) {
        ClassOrInterfaceType builder = new ClassOrInterfaceType(null, "StringBuilder");
        if (initial instanceof StringLiteralExpr literal && literal.getValue().isEmpty()) {
            return new ObjectCreationExpr(null, builder, new NodeList<>());
        }
        if (neverNull(initial)) {
            return new ObjectCreationExpr(null, builder, new NodeList<>(NodeFinder.unparenthesized(initial).clone()));
        }
        // String.valueOf keeps "null" for a null value, as concatenation would print it
        Expression valueOf = new MethodCallExpr(new NameExpr("String"), "valueOf",
                new NodeList<>(initial.clone()));
        return new ObjectCreationExpr(null, builder, new NodeList<>(valueOf));
    }

    /** A String value that is never null: a literal, a concatenation (of a String variable), a choice between such. */
    private static boolean neverNull(Expression value) {
        Expression e = NodeFinder.unparenthesized(value);
        if (e instanceof ConditionalExpr choice) {
            return neverNull(choice.getThenExpr()) && neverNull(choice.getElseExpr());
        }
        return isStringLiteral(e) || e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS;
    }
}
