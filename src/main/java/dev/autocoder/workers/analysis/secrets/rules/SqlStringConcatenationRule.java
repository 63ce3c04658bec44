package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.AssignmentOp;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;

import java.util.List;
import java.util.Set;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.constant;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.initializer;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.typeIs;

/** SqlStringConcatenation: SQL passed to a Statement or Connection built by concatenating non-constant text. */
public final class SqlStringConcatenationRule extends AbstractJavaRulechainRule {

    private static final Set<String> STATEMENT_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");
    private static final Set<String> CONNECTION_METHODS = Set.of("prepareStatement", "prepareCall");
    /** Numbers and booleans cannot inject SQL. */
    private static final List<String> PRIMITIVES = List.of("long", "int", "short", "byte", "double", "float",
            "boolean");

    public SqlStringConcatenationRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        String receiver = STATEMENT_METHODS.contains(name) ? "java.sql.Statement"
                : CONNECTION_METHODS.contains(name) ? "java.sql.Connection" : null;
        if (receiver != null && typeIs(child(call, 0), receiver) && injectableSql(child(call.getArguments(), 0))) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    /** An injectable concatenation, or a local of the enclosing method initialized or assigned with one. */
    private static boolean injectableSql(Node e) {
        if (injectable(e)) {
            return true;
        }
        SecurityRuleNodes.LocalRead local = SecurityRuleNodes.LocalRead.of(e);
        if (local == null) {
            return false;
        }
        return descendants(local.scope(), ASTVariableDeclarator.class)
                .any(d -> local.name().equals(d.getName()) && injectable(initializer(d)))
                || descendants(local.scope(), ASTAssignmentExpression.class).any(a -> assignsInjectable(a, local.name()));
    }

    private static boolean assignsInjectable(ASTAssignmentExpression assignment, String name) {
        if (!(child(assignment, 0) instanceof ASTVariableAccess target && name.equals(target.getName()))) {
            return false;
        }
        Node value = child(assignment, 1);
        return assignment.getOperator() == AssignmentOp.ASSIGN && injectable(value)
                || assignment.getOperator() == AssignmentOp.ADD_ASSIGN && !constant(value);
    }

    /** A non-constant String concatenation with an operand that is neither constant nor primitive. */
    private static boolean injectable(Node e) {
        return e instanceof ASTInfixExpression infix && isPlus(infix) && typeIs(infix, "java.lang.String")
                && !infix.isCompileTimeConstant() && hasInjectableOperand(infix);
    }

    /** Walks the chain of '+' (parentheses are not nodes, so a + (b + c) is one chain) down to its operands. */
    private static boolean hasInjectableOperand(ASTInfixExpression plus) {
        for (Node operand : plus.children()) {
            if (operand instanceof ASTInfixExpression inner && isPlus(inner)) {
                if (hasInjectableOperand(inner)) {
                    return true;
                }
            } else if (!constant(operand) && !primitive(operand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean primitive(Node operand) {
        for (String type : PRIMITIVES) {
            if (typeIs(operand, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlus(ASTInfixExpression infix) {
        return infix.getOperator() == BinaryOp.ADD;
    }
}
