package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The declared type of an expression as the file itself shows it (no symbol solving): a {@code new T(...)}, or a
 * name declared by an enclosing block, loop, try resource, catch clause, parameter or field of an enclosing type.
 * Empty when the file does not say (inherited fields, method results, lambda parameters without a type).
 */
final class LocalTypes {

    private LocalTypes() {
    }

    static Optional<String> declaredType(Expression expression) {
        if (expression instanceof EnclosedExpr enclosed) {
            return declaredType(enclosed.getInner());
        }
        if (expression instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
            return Optional.of(creation.getType().getNameWithScope());
        }
        if (expression instanceof NameExpr name) {
            return declaredTypeOf(name.getNameAsString(), expression);
        }
        if (expression instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr self
                && self.getTypeName().isEmpty()) {
            return NodeFinder.enclosingType(expression).flatMap(t -> fieldType(t, field.getNameAsString()));
        }
        return Optional.empty();
    }

    /** The type of the variable a simple name refers to at the node, by Java's scoping rules. */
    static Optional<String> declaredTypeOf(String name, Node at) {
        Node child = at;
        Node current = at.getParentNode().orElse(null);
        while (current != null) {
            List<VariableDeclarator> locals = new ArrayList<>();
            List<Parameter> parameters = new ArrayList<>();
            if (current instanceof BlockStmt block) {
                for (Statement statement : block.getStatements()) {
                    if (statement == child) {
                        break;
                    }
                    if (statement instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr d) {
                        locals.addAll(d.getVariables());
                    }
                }
            } else if (current instanceof ForStmt loop) {
                loop.getInitialization().forEach(i -> i.ifVariableDeclarationExpr(d -> locals.addAll(d.getVariables())));
            } else if (current instanceof ForEachStmt loop) {
                locals.addAll(loop.getVariable().getVariables());
            } else if (current instanceof TryStmt attempt) {
                attempt.getResources().forEach(r -> r.ifVariableDeclarationExpr(d -> locals.addAll(d.getVariables())));
            } else if (current instanceof CatchClause clause) {
                parameters.add(clause.getParameter());
            } else if (current instanceof LambdaExpr lambda) {
                parameters.addAll(lambda.getParameters());
            } else if (current instanceof CallableDeclaration<?> callable) {
                parameters.addAll(callable.getParameters());
            } else if (current instanceof TypeDeclaration<?> type) {
                Optional<String> field = fieldType(type, name);
                if (field.isPresent() || declaresField(type, name)) {
                    return field;
                }
            }
            for (VariableDeclarator local : locals) {
                if (local.getNameAsString().equals(name)) {
                    return typeName(local.getType(), local.getInitializer().orElse(null));
                }
            }
            for (Parameter parameter : parameters) {
                if (parameter.getNameAsString().equals(name)) {
                    return parameter.getType().isUnknownType() || parameter.isVarArgs()
                            ? Optional.empty() : Optional.of(parameter.getType().asString());
                }
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static boolean declaresField(TypeDeclaration<?> type, String name) {
        return type.getFields().stream().flatMap(f -> f.getVariables().stream())
                .anyMatch(v -> v.getNameAsString().equals(name));
    }

    private static Optional<String> fieldType(TypeDeclaration<?> type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            NodeList<VariableDeclarator> variables = field.getVariables();
            for (VariableDeclarator variable : variables) {
                if (variable.getNameAsString().equals(name)) {
                    return typeName(variable.getType(), variable.getInitializer().orElse(null));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> typeName(Type type, Expression initializer) {
        if (type.isVarType()) {
            return initializer == null ? Optional.empty() : declaredType(initializer);
        }
        return Optional.of(type.isClassOrInterfaceType()
                ? type.asClassOrInterfaceType().getNameWithScope() : type.asString());
    }
}
