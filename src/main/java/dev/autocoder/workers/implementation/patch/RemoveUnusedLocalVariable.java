package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.List;

/**
 * PMD {@code UnusedLocalVariable}: removes the declaration, only when its initializer has no side effects (a
 * literal, a name, a lambda, {@code new ArrayList<>()}...), together with later statements that only assign it such
 * a value. An initializer such as {@code System.nanoTime()} or {@code service.load()} is not fixable: dropping the
 * call could change behaviour.
 */
final class RemoveUnusedLocalVariable implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        VariableDeclarator variable = LocalVariables.pick(unit, place, LocalVariables::isLocal,
                v -> laterReferences(v).isEmpty(), "local variable");
        String name = variable.getNameAsString();
        ExpressionStmt declaration = LocalVariables.declarationStatement(variable)
                .orElseThrow(() -> new NotFixableException("`" + name + "` is declared in "
                        + LocalVariables.declaredIn(variable) + "; only a declaration statement of its own is removed"));
        UnusedVariables.requireRemovableInitializer(variable);
        List<ExpressionStmt> writes = UnusedVariables.writesToRemove(name, laterReferences(variable));
        writes.forEach(Edits::remove);
        VariableDeclarationExpr declarations = (VariableDeclarationExpr) variable.getParentNode().orElseThrow();
        if (declarations.getVariables().size() == 1) {
            Edits.remove(declaration);
        } else {
            variable.remove();
        }
        return "Remove the unused local variable `" + name + "`" + UnusedVariables.assignments(writes.size()) + ".";
    }

    /** Uses of the name after the declaration in its block ({@code this.x} is a field, not this local). */
    private static List<Expression> laterReferences(VariableDeclarator variable) {
        Node scope = LocalVariables.declarationStatement(variable).flatMap(Node::getParentNode).orElse(variable);
        return NodeFinder.referencesAfter(scope, variable.getNameAsString(), variable).stream()
                .filter(e -> e instanceof NameExpr)
                .toList();
    }
}
