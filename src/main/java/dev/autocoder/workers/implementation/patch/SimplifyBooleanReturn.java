package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;

import java.util.List;

/**
 * PMD {@code SimplifyBooleanReturns}: {@code if (c) return true; else return false;} becomes {@code return c;},
 * and the negated form {@code return !c;} (an {@code ==} becomes {@code !=} and back, {@code !x} becomes {@code x};
 * other conditions are wrapped as {@code !(c)}). The form without {@code else}, where the next statement returns the
 * other literal, is folded the same way. Only branches that return boolean literals are rewritten, and an if
 * statement holding comments is left alone, as the one-line return would lose them.
 */
final class SimplifyBooleanReturn implements MechanicalFix {

    @Override
    public String apply(CompilationUnit unit, FindingPlace place) throws NotFixableException {
        List<IfStmt> ifs = NodeFinder.startingAt(unit, IfStmt.class, place.line());
        if (ifs.isEmpty()) {
            throw new NotFixableException("no if statement starts at line " + place.line());
        }
        IfStmt statement = ifs.get(0);
        Boolean thenValue = returnedLiteral(statement.getThenStmt());
        Statement otherReturn = statement.getElseStmt().orElse(null);
        Statement following = null;
        if (otherReturn == null) {
            following = nextStatement(statement);
            otherReturn = following;
        }
        Boolean elseValue = otherReturn == null ? null : returnedLiteral(otherReturn);
        if (thenValue == null || elseValue == null) {
            throw new NotFixableException("the if statement at line " + place.line()
                    + " does not return a boolean literal on both paths; only that form is rewritten");
        }
        if (thenValue.equals(elseValue)) {
            throw new NotFixableException("both paths return " + thenValue + "; dropping the condition could drop its side effects");
        }
        if (!statement.getAllContainedComments().isEmpty() || following != null && following.getComment().isPresent()) {
            throw new NotFixableException("the if statement holds comments that a one-line return would lose");
        }
        Expression condition = statement.getCondition();
        Expression returned = thenValue ? condition.clone() : negate(condition);
        if (following != null) {
            following.remove();
        }
        statement.replace(new ReturnStmt(returned));
        return "Return the condition directly: `return " + returned + ";`.";
    }

    /** True or false when the statement is {@code return true;} or {@code return false;} (alone in a block or not). */
    private static Boolean returnedLiteral(Statement statement) {
        if (statement instanceof BlockStmt block && block.getStatements().size() == 1) {
            return returnedLiteral(block.getStatement(0));
        }
        if (statement instanceof ReturnStmt returnStmt
                && returnStmt.getExpression().orElse(null) instanceof BooleanLiteralExpr literal) {
            return literal.getValue();
        }
        return null;
    }

    private static Statement nextStatement(IfStmt statement) {
        if (statement.getParentNode().orElse(null) instanceof BlockStmt block) {
            int index = block.getStatements().indexOf(statement);
            if (index >= 0 && index + 1 < block.getStatements().size()) {
                return block.getStatement(index + 1);
            }
        }
        return null;
    }

    /** The logical negation, written as simply as is exact ({@code <} is not turned into {@code >=}: NaN). */
    static Expression negate(Expression condition) {
        if (condition instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            Expression operand = unary.getExpression();
            return operand instanceof EnclosedExpr enclosed ? enclosed.getInner().clone() : operand.clone();
        }
        if (condition instanceof BinaryExpr binary && (binary.getOperator() == BinaryExpr.Operator.EQUALS
                || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
            BinaryExpr.Operator opposite = binary.getOperator() == BinaryExpr.Operator.EQUALS
                    ? BinaryExpr.Operator.NOT_EQUALS : BinaryExpr.Operator.EQUALS;
            return new BinaryExpr(binary.getLeft().clone(), binary.getRight().clone(), opposite);
        }
        boolean primary = condition instanceof NameExpr || condition instanceof MethodCallExpr
                || condition instanceof FieldAccessExpr || condition instanceof EnclosedExpr
                || condition instanceof ArrayAccessExpr || condition instanceof BooleanLiteralExpr;
        Expression operand = primary ? condition.clone() : new EnclosedExpr(condition.clone());
        return new UnaryExpr(operand, UnaryExpr.Operator.LOGICAL_COMPLEMENT);
    }
}
