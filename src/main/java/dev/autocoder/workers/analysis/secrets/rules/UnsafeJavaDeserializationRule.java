package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameters;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.TypeNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.executableScope;

/**
 * UnsafeJavaDeserialization: a plain {@code ObjectInputStream} read in a method that sets no input filter, or made
 * and handed on unread by one. A read from a stream the method was handed is the creator's to filter.
 */
public final class UnsafeJavaDeserializationRule extends AbstractJavaRulechainRule {

    private static final String STREAM = "java.io.ObjectInputStream";
    private static final InvocationMatcher READ_OBJECT = InvocationMatcher.parse(STREAM + "#readObject()");
    private static final InvocationMatcher READ_UNSHARED = InvocationMatcher.parse(STREAM + "#readUnshared()");

    public UnsafeJavaDeserializationRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (isRead(call) && (READ_OBJECT.matchesCall(call) || READ_UNSHARED.matchesCall(call))
                && child(call, 0) instanceof TypeNode receiver && TypeTestUtil.isExactlyA(STREAM, receiver)
                && !inSerializationHook(call) && !isParameter(receiver) && !setsFilter(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (TypeTestUtil.isExactlyA(STREAM, call) && handedOnUnread(call) && !setsFilter(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    private static boolean isRead(ASTMethodCall call) {
        return "readObject".equals(call.getMethodName()) || "readUnshared".equals(call.getMethodName());
    }

    /** A class's own readObject(ObjectInputStream) hook reads from a stream the caller already filters. */
    private static boolean inSerializationHook(ASTMethodCall call) {
        ASTMethodDeclaration method = call.ancestors(ASTMethodDeclaration.class).first();
        return method != null && "readObject".equals(method.getName())
                && method.getFormalParameters().children(ASTFormalParameter.class)
                        .any(p -> p.children(ASTClassType.class).any(t -> TypeTestUtil.isA(STREAM, t)));
    }

    /** The receiver names a parameter of the enclosing method or constructor (by name, as the XPath rule did). */
    private static boolean isParameter(Node receiver) {
        if (!(receiver instanceof ASTVariableAccess access)) {
            return false;
        }
        Node scope = executableScope(access);
        return scope != null && scope.children(ASTFormalParameters.class).children(ASTFormalParameter.class)
                .any(p -> p.getVarId().getName().equals(access.getName()));
    }

    /** The new stream is an argument, or a local that is an argument somewhere in its method and never read there. */
    private static boolean handedOnUnread(ASTConstructorCall call) {
        Node parent = call.getParent();
        if (parent instanceof ASTArgumentList) {
            return true;
        }
        Node scope = executableScope(call);
        if (!(parent instanceof ASTVariableDeclarator declarator) || scope == null) {
            return false;
        }
        String name = declarator.getVarId().getName();
        return descendants(scope, ASTArgumentList.class).children(ASTVariableAccess.class)
                        .any(a -> a.getName().equals(name))
                && descendants(scope, ASTMethodCall.class).filter(UnsafeJavaDeserializationRule::isRead)
                        .none(read -> child(read, 0) instanceof ASTVariableAccess receiver
                                && receiver.getName().equals(name));
    }

    private static boolean setsFilter(Node node) {
        Node scope = executableScope(node);
        return scope != null && descendants(scope, ASTMethodCall.class)
                .any(c -> "setObjectInputFilter".equals(c.getMethodName()));
    }
}
