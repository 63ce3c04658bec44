package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.List;

/**
 * PMD {@code UnusedPrivateField}: removes the field, and the statements that only assign it a side-effect-free
 * value (typically {@code this.x = x;} in a constructor; a parameter or local of the same name is told apart by
 * Java's scoping rules). Not fixed: annotated fields (a framework may use them by
 * reflection), fields whose initializer or assigned value may have side effects, and fields whose name is read
 * anywhere in the file.
 */
final class RemoveUnusedPrivateField implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        VariableDeclarator variable = LocalVariables.pick(unit, place, LocalVariables::isPrivateField,
                v -> isOnlyWritten(unit, v), "private field");
        String name = variable.getNameAsString();
        FieldDeclaration field = (FieldDeclaration) variable.getParentNode().orElseThrow();
        if (!field.getAnnotations().isEmpty()) {
            throw new NotFixableException("the field `" + name + "` is annotated (@" + field.getAnnotation(0).getNameAsString()
                    + "), so a framework may set or read it by reflection");
        }
        UnusedVariables.requireRemovableInitializer(variable);
        List<ExpressionStmt> writes = UnusedVariables.writesToRemove(name, fieldReferences(unit, variable));
        writes.forEach(Edits::remove);
        if (field.getVariables().size() == 1) {
            Edits.remove(field);
        } else {
            variable.remove();
        }
        return "Remove the unused private field `" + name + "`" + UnusedVariables.assignments(writes.size()) + ".";
    }

    /** Uses of the name that may mean the field: not those where a parameter or local of the same name hides it. */
    private static List<Expression> fieldReferences(CompilationUnit unit, VariableDeclarator variable) {
        TypeDeclaration<?> owner = NodeFinder.enclosingType(variable).orElse(null);
        return NodeFinder.references(unit, variable.getNameAsString()).stream()
                .filter(e -> !(e instanceof NameExpr name && owner != null && Scopes.hidesField(name, owner)))
                .toList();
    }

    private static boolean isOnlyWritten(CompilationUnit unit, VariableDeclarator variable) {
        try {
            UnusedVariables.writesToRemove(variable.getNameAsString(), fieldReferences(unit, variable));
            return true;
        } catch (NotFixableException e) {
            return false;
        }
    }
}
