package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What removing an unused variable also has to remove: the statements that only store a value in it. */
final class UnusedVariables {

    private UnusedVariables() {
    }

    /** The initializer must be free of side effects, or removing it could change behaviour. */
    static void requireRemovableInitializer(VariableDeclarator variable) throws NotFixableException {
        Optional<Expression> initializer = variable.getInitializer();
        if (initializer.isPresent() && !SideEffects.isFree(initializer.get())) {
            throw new NotFixableException("the initializer `" + NodeFinder.code(initializer.get()) + "` of `"
                    + variable.getNameAsString() + "` may have side effects, so removing the declaration could change "
                    + "behaviour; keep the expression as a statement of its own or remove it by hand");
        }
    }

    /**
     * The write statements ({@code x = value;} or {@code this.x = value;} with a side-effect-free value) to remove
     * along with the variable.
     *
     * @throws NotFixableException when the name is read, or written in any other way
     */
    static List<ExpressionStmt> writesToRemove(String name, List<Expression> references) throws NotFixableException {
        List<ExpressionStmt> writes = new ArrayList<>();
        for (Expression reference : references) {
            if (reference instanceof FieldAccessExpr access && !(access.getScope() instanceof ThisExpr)) {
                throw new NotFixableException("`" + NodeFinder.code(access) + "` at line " + NodeFinder.beginLine(access)
                        + " may be this variable; the removal is left to a person");
            }
            Optional<ExpressionStmt> write = NodeFinder.standaloneWrite(reference);
            if (write.isEmpty()) {
                throw new NotFixableException("`" + name + "` is used at line " + NodeFinder.beginLine(reference)
                        + " (perhaps another variable of the same name: PMD resolves names with type information "
                        + "this fix does not have), so the removal is left to a person");
            }
            Expression value = NodeFinder.assignedValue(write.get());
            if (!SideEffects.isFree(value)) {
                throw new NotFixableException("`" + name + "` is assigned `" + NodeFinder.code(value) + "` at line "
                        + NodeFinder.beginLine(reference) + ", which may have side effects; the removal is left to a person");
            }
            writes.add(write.get());
        }
        return writes;
    }

    static String assignments(int count) {
        return count == 0 ? "" : count == 1 ? " and the assignment to it" : " and the " + count + " assignments to it";
    }
}
