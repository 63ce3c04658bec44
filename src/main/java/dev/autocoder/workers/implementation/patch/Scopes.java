package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.List;

/**
 * Java's scoping rules, as far as the syntax shows them: whether a simple name at some place means a field of a
 * given type or a nearer declaration of the same name that hides it (a parameter, a local variable, a catch or
 * lambda parameter, a loop or resource variable, or a field of a nested or anonymous class).
 */
final class Scopes {

    private Scopes() {
    }

    /** True when a declaration between the name and the field's type hides the field. */
    static boolean hidesField(NameExpr name, TypeDeclaration<?> fieldOwner) {
        String identifier = name.getNameAsString();
        Node child = name;
        Node current = name.getParentNode().orElse(null);
        while (current != null && current != fieldOwner) {
            if (declares(current, child, identifier)) {
                return true;
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean declares(Node scope, Node child, String identifier) {
        if (scope instanceof CallableDeclaration<?> callable) {
            return hasParameter(callable.getParameters(), identifier);
        }
        if (scope instanceof LambdaExpr lambda) {
            return hasParameter(lambda.getParameters(), identifier);
        }
        if (scope instanceof CatchClause clause) {
            return clause.getParameter().getNameAsString().equals(identifier);
        }
        if (scope instanceof ForEachStmt loop) {
            return declaresVariable(loop.getVariable(), identifier);
        }
        if (scope instanceof ForStmt loop) {
            return loop.getInitialization().stream()
                    .anyMatch(e -> e instanceof VariableDeclarationExpr d && declaresVariable(d, identifier));
        }
        if (scope instanceof TryStmt tryStmt) {
            return tryStmt.getResources().stream()
                    .anyMatch(e -> e instanceof VariableDeclarationExpr d && declaresVariable(d, identifier));
        }
        if (scope instanceof BlockStmt block && child instanceof Statement statement) {
            for (Statement earlier : block.getStatements()) {
                if (earlier == statement) {
                    break;
                }
                if (earlier instanceof ExpressionStmt expression
                        && expression.getExpression() instanceof VariableDeclarationExpr declaration
                        && declaresVariable(declaration, identifier)) {
                    return true;
                }
            }
            return false;
        }
        if (scope instanceof TypeDeclaration<?> type) {
            return declaresField(type.getMembers().stream().filter(FieldDeclaration.class::isInstance)
                    .map(FieldDeclaration.class::cast).toList(), identifier);
        }
        if (scope instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            return declaresField(creation.getAnonymousClassBody().get().stream()
                    .filter(FieldDeclaration.class::isInstance).map(FieldDeclaration.class::cast).toList(), identifier);
        }
        return false;
    }

    private static boolean hasParameter(List<Parameter> parameters, String identifier) {
        return parameters.stream().anyMatch(p -> p.getNameAsString().equals(identifier));
    }

    private static boolean declaresVariable(VariableDeclarationExpr declaration, String identifier) {
        return declaration.getVariables().stream().map(VariableDeclarator::getNameAsString).anyMatch(identifier::equals);
    }

    private static boolean declaresField(List<FieldDeclaration> fields, String identifier) {
        return fields.stream().flatMap(f -> f.getVariables().stream())
                .map(VariableDeclarator::getNameAsString).anyMatch(identifier::equals);
    }
}
