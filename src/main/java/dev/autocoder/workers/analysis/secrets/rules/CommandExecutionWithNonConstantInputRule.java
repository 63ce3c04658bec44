package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTArrayAllocation;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.constant;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.initializer;

/** CommandExecutionWithNonConstantInput: {@code Runtime.exec} / {@code ProcessBuilder} with a non-constant command. */
public final class CommandExecutionWithNonConstantInputRule extends AbstractJavaRulechainRule {

    private static final InvocationMatcher EXEC = InvocationMatcher.parse("java.lang.Runtime#exec(_*)");
    private static final InvocationMatcher NEW_PROCESS_BUILDER = InvocationMatcher.parse("java.lang.ProcessBuilder#new(_*)");
    private static final InvocationMatcher COMMAND = InvocationMatcher.parse("java.lang.ProcessBuilder#command(_*)");
    private static final InvocationMatcher LIST_OF = InvocationMatcher.parse("java.util.List#of(_*)");
    private static final InvocationMatcher AS_LIST = InvocationMatcher.parse("java.util.Arrays#asList(_*)");

    public CommandExecutionWithNonConstantInputRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        if ("exec".equals(name)) {
            // only the command (first argument): environment and directory are not the command
            Node command = child(call.getArguments(), 0);
            if (command != null && EXEC.matchesCall(call) && !constantArgument(command)) {
                asCtx(data).addViolation(call);
            }
        } else if ("command".equals(name) && COMMAND.matchesCall(call) && anyNonConstant(call.getArguments())) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if ("ProcessBuilder".equals(call.getTypeNode().getSimpleName()) && NEW_PROCESS_BUILDER.matchesCall(call)
                && anyNonConstant(call.getArguments())) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    private static boolean anyNonConstant(ASTArgumentList arguments) {
        for (Node argument : arguments.children()) {
            if (!constantArgument(argument)) {
                return true;
            }
        }
        return false;
    }

    /** A constant value, or a local of the enclosing method only ever initialized with constant values. */
    private static boolean constantArgument(Node e) {
        if (constantValue(e)) {
            return true;
        }
        SecurityRuleNodes.LocalRead local = SecurityRuleNodes.LocalRead.of(e);
        if (local == null) {
            return false;
        }
        Node scope = local.scope();
        String name = local.name();
        boolean declared = false;
        for (ASTVariableDeclarator declarator : descendants(scope, ASTVariableDeclarator.class)) {
            if (name.equals(declarator.getName())) {
                if (!constantValue(initializer(declarator))) {
                    return false;
                }
                declared = true;
            }
        }
        return declared && descendants(scope, ASTAssignmentExpression.class)
                .none(a -> child(a, 0) instanceof ASTVariableAccess target && name.equals(target.getName()));
    }

    /** A compile-time constant, an array initializer of constants, or List.of/Arrays.asList of constants. */
    private static boolean constantValue(Node e) {
        if (e == null) {
            return false;
        }
        if (constant(e)) {
            return true;
        }
        if (e instanceof ASTArrayAllocation allocation) {
            return constant(allocation.getArrayInitializer());
        }
        if (e instanceof ASTMethodCall call && (LIST_OF.matchesCall(call) || AS_LIST.matchesCall(call))) {
            return call.getArguments().children().all(SecurityRuleNodes::constant);
        }
        return false;
    }
}
