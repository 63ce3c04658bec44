package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finding nodes by line and names by use, shared by the fixes. */
final class NodeFinder {

    private NodeFinder() {
    }

    /** NodeFinder of the type whose range includes the line, innermost (shortest) first. */
    static <T extends Node> List<T> covering(Node root, Class<T> type, int line) {
        return root.findAll(type).stream()
                .filter(n -> n.getRange().map(r -> r.begin.line <= line && line <= r.end.line).orElse(false))
                .sorted(Comparator.comparingInt(NodeFinder::lineSpan)
                        .thenComparing(Comparator.comparingInt(NodeFinder::beginColumn).reversed()))
                .toList();
    }

    /** NodeFinder of the type that begin on the line, innermost (shortest) first. */
    static <T extends Node> List<T> startingAt(Node root, Class<T> type, int line) {
        return covering(root, type, line).stream().filter(n -> beginLine(n) == line).toList();
    }

    static int beginLine(Node node) {
        return node.getRange().map(r -> r.begin.line).orElse(-1);
    }

    private static int lineSpan(Node node) {
        return node.getRange().map(r -> r.end.line - r.begin.line).orElse(Integer.MAX_VALUE);
    }

    private static int beginColumn(Node node) {
        return node.getRange().map(r -> r.begin.column).orElse(0);
    }

    /** Simple-name reads and writes of a name inside a node: {@code name}, {@code this.name}, {@code x.name}. */
    static List<Expression> references(Node scope, String name) {
        return scope.findAll(Expression.class, e ->
                e instanceof NameExpr n && n.getNameAsString().equals(name)
                        || e instanceof FieldAccessExpr f && f.getNameAsString().equals(name));
    }

    /** References that come after the node (by position), for names declared by it. */
    static List<Expression> referencesAfter(Node scope, String name, Node declaration) {
        Optional<Range> declared = declaration.getRange();
        return references(scope, name).stream()
                .filter(e -> declared.isEmpty() || e.getRange().map(r -> r.begin.isAfter(declared.get().begin)).orElse(true))
                .toList();
    }

    /** The statement {@code name = value;} when the reference is the target of such a statement. */
    static Optional<ExpressionStmt> standaloneWrite(Expression reference) {
        if (reference.getParentNode().orElse(null) instanceof AssignExpr assign
                && assign.getOperator() == AssignExpr.Operator.ASSIGN
                && assign.getTarget() == reference
                && assign.getParentNode().orElse(null) instanceof ExpressionStmt statement) {
            return Optional.of(statement);
        }
        return Optional.empty();
    }

    /** The value assigned by a standalone write statement. */
    static Expression assignedValue(ExpressionStmt write) {
        return ((AssignExpr) write.getExpression()).getValue();
    }

    /** The expression inside any parentheses around it: {@code ((x))} is {@code x}. */
    static Expression unparenthesized(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e;
    }

    /** The nearest enclosing named type (class, interface, enum, record, annotation). */
    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** The method, constructor or initializer the node is in. */
    static Optional<BodyDeclaration<?>> enclosingMember(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof BodyDeclaration<?> member && !(current instanceof TypeDeclaration<?>)) {
                return Optional.of(member);
            }
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** The source text of a node on one line, shortened, for reasons. */
    static String code(Node node) {
        String text = node.toString().strip().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
