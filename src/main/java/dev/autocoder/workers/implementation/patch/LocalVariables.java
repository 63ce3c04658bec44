package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Picks the variable declarator a finding points at. */
final class LocalVariables {

    private LocalVariables() {
    }

    /**
     * The one declarator matching the filter whose name is on the finding's line; when several share the line, the
     * one the {@code preferred} test picks (say, the one never read) if that leaves exactly one.
     */
    static VariableDeclarator pick(CompilationUnit unit, FindingPlace place, Predicate<VariableDeclarator> filter,
                                   Predicate<VariableDeclarator> preferred, String what) throws NotFixableException {
        List<VariableDeclarator> candidates = NodeFinder.covering(unit, VariableDeclarator.class, place.line()).stream()
                .filter(filter)
                .toList();
        List<VariableDeclarator> onLine = candidates.stream()
                .filter(v -> NodeFinder.beginLine(v.getName()) == place.line())
                .toList();
        List<VariableDeclarator> pool = onLine.isEmpty() ? candidates : onLine;
        if (pool.isEmpty()) {
            throw new NotFixableException("no " + what + " is declared at " + place);
        }
        if (pool.size() == 1) {
            return pool.get(0);
        }
        List<VariableDeclarator> narrowed = pool.stream().filter(preferred).toList();
        if (narrowed.size() == 1) {
            return narrowed.get(0);
        }
        throw new NotFixableException("several " + what + "s are declared at " + place + "; the finding does not say which one");
    }

    static boolean isPrivateField(VariableDeclarator declarator) {
        return declarator.getParentNode().orElse(null) instanceof FieldDeclaration field && field.isPrivate();
    }

    static boolean isLocal(VariableDeclarator declarator) {
        return declarator.getParentNode().orElse(null) instanceof VariableDeclarationExpr;
    }

    /** The declaration statement of a local ({@code T x = ...;}), or empty when it is declared elsewhere. */
    static Optional<ExpressionStmt> declarationStatement(VariableDeclarator declarator) {
        Node declaration = declarator.getParentNode().orElse(null);
        if (declaration instanceof VariableDeclarationExpr
                && declaration.getParentNode().orElse(null) instanceof ExpressionStmt statement) {
            return Optional.of(statement);
        }
        return Optional.empty();
    }

    /** Where a local that is not declared by a plain statement is declared, for reasons. */
    static String declaredIn(VariableDeclarator declarator) {
        Node holder = declarator.getParentNode().flatMap(Node::getParentNode).orElse(null);
        if (holder instanceof ForStmt) {
            return "a for-loop header";
        }
        if (holder instanceof ForEachStmt) {
            return "a for-each header";
        }
        if (holder instanceof TryStmt) {
            return "a try-with-resources header";
        }
        return "an expression";
    }
}
