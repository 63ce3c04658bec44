package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.TypeNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.executableScope;

/** UnsafeJavaDeserialization: a plain {@code ObjectInputStream} read in a method that sets no input filter. */
public final class UnsafeJavaDeserializationRule extends AbstractJavaRulechainRule {

    private static final String STREAM = "java.io.ObjectInputStream";
    private static final InvocationMatcher READ_OBJECT = InvocationMatcher.parse(STREAM + "#readObject()");
    private static final InvocationMatcher READ_UNSHARED = InvocationMatcher.parse(STREAM + "#readUnshared()");

    public UnsafeJavaDeserializationRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        if (("readObject".equals(name) || "readUnshared".equals(name))
                && (READ_OBJECT.matchesCall(call) || READ_UNSHARED.matchesCall(call))
                && child(call, 0) instanceof TypeNode receiver && TypeTestUtil.isExactlyA(STREAM, receiver)
                && !inSerializationHook(call) && !setsFilter(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    /** A class's own readObject(ObjectInputStream) hook reads from a stream the caller already filters. */
    private static boolean inSerializationHook(ASTMethodCall call) {
        ASTMethodDeclaration method = call.ancestors(ASTMethodDeclaration.class).first();
        return method != null && "readObject".equals(method.getName())
                && method.getFormalParameters().children(ASTFormalParameter.class)
                        .any(p -> p.children(ASTClassType.class).any(t -> TypeTestUtil.isA(STREAM, t)));
    }

    private static boolean setsFilter(ASTMethodCall call) {
        Node scope = executableScope(call);
        return scope != null && descendants(scope, ASTMethodCall.class)
                .any(c -> "setObjectInputFilter".equals(c.getMethodName()));
    }
}
