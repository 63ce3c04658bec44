package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBooleanLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.enclosingType;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.typeIs;

/** TrustAllCertificates: empty trust-manager checks, accept-all host name verifiers, NoopHostnameVerifier. */
public final class TrustAllCertificatesRule extends AbstractJavaRulechainRule {

    private static final String NOOP_VERIFIER = "NoopHostnameVerifier";
    private static final String HOSTNAME_VERIFIER = "javax.net.ssl.HostnameVerifier";

    public TrustAllCertificatesRule() {
        super(ASTMethodDeclaration.class, ASTLambdaExpression.class, ASTConstructorCall.class, ASTFieldAccess.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        String name = method.getName();
        ASTBlock body = method.getBody();
        if (body == null) {
            return data;
        }
        if (("checkServerTrusted".equals(name) || "checkClientTrusted".equals(name)) && body.size() == 0
                && typeIs(enclosingType(method), "javax.net.ssl.X509TrustManager")
                || "verify".equals(name) && method.getArity() == 2 && returnsOnlyTrue(body)
                        && typeIs(enclosingType(method), HOSTNAME_VERIFIER)) {
            asCtx(data).addViolation(method);
        }
        return data;
    }

    @Override
    public Object visit(ASTLambdaExpression lambda, Object data) {
        if (lambda.getArity() == 2
                && (isTrue(lambda.getExpressionBody()) || lambda.getBlockBody() != null && returnsOnlyTrue(lambda.getBlockBody()))
                && typeIs(lambda, HOSTNAME_VERIFIER)) {
            asCtx(data).addViolation(lambda);
        }
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (NOOP_VERIFIER.equals(call.getTypeNode().getSimpleName())) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    @Override
    public Object visit(ASTFieldAccess access, Object data) {
        if ("INSTANCE".equals(access.getName()) && access.children(ASTTypeExpression.class)
                .any(t -> t.children(ASTClassType.class).any(c -> NOOP_VERIFIER.equals(c.getSimpleName())))) {
            asCtx(data).addViolation(access);
        }
        return data;
    }

    private static boolean returnsOnlyTrue(ASTBlock block) {
        return block.size() == 1 && block.getChild(0) instanceof ASTReturnStatement ret && isTrue(child(ret, 0));
    }

    private static boolean isTrue(Node node) {
        return node instanceof ASTBooleanLiteral literal && literal.isTrue();
    }
}
