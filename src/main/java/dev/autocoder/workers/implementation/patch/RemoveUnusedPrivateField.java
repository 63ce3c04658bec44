package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.List;
import java.util.Set;

/**
 * PMD {@code UnusedPrivateField}: removes the field, and the statements that only assign it a side-effect-free
 * value (typically {@code this.x = x;} in a constructor). Not fixed: annotated fields (a framework may use them by
 * reflection), fields whose initializer or assigned value may have side effects, and fields whose name is read
 * anywhere in the file.
 */
final class RemoveUnusedPrivateField implements MechanicalFix {

    @Override
    public Set<String> rules() {
        return Set.of("UnusedPrivateField");
    }

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
        List<ExpressionStmt> writes = UnusedVariables.writesToRemove(name, Nodes.references(unit, name));
        writes.forEach(Node::remove);
        if (field.getVariables().size() == 1) {
            field.remove();
        } else {
            variable.remove();
        }
        return "Remove the unused private field `" + name + "`" + UnusedVariables.assignments(writes.size()) + ".";
    }

    private static boolean isOnlyWritten(CompilationUnit unit, VariableDeclarator variable) {
        try {
            UnusedVariables.writesToRemove(variable.getNameAsString(), Nodes.references(unit, variable.getNameAsString()));
            return true;
        } catch (NotFixableException e) {
            return false;
        }
    }
}
