package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTClassBody;
import net.sourceforge.pmd.lang.java.ast.ASTClassType;
import net.sourceforge.pmd.lang.java.ast.ASTFieldDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTStringLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;

import java.util.Locale;
import java.util.Set;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.classBody;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;

/** WeakHashAlgorithm: MessageDigest with MD2/MD4/MD5/SHA-1, and the weak DigestUtils methods. */
public final class WeakHashAlgorithmRule extends AbstractJavaRulechainRule {

    private static final InvocationMatcher GET_INSTANCE =
            InvocationMatcher.parse("java.security.MessageDigest#getInstance(_*)");
    private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA", "SHA1", "SHA-1");
    private static final Set<String> WEAK_DIGEST_UTILS = Set.of("sha", "shaHex", "getMd2Digest", "getMd5Digest",
            "getSha1Digest", "getShaDigest", "appendMd5DigestAsHex");

    public WeakHashAlgorithmRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        if ("getInstance".equals(name) && GET_INSTANCE.matchesCall(call)
                && WEAK.contains(algorithm(child(call.getArguments(), 0)).toUpperCase(Locale.ROOT))
                || weakDigestUtils(name) && onDigestUtils(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    /** The literal, or the string literal a field of the same (outermost) class of that name holds; else "". */
    private static String algorithm(Node argument) {
        if (argument instanceof ASTStringLiteral literal) {
            return literal.getConstValue();
        }
        if (argument instanceof ASTVariableAccess access) {
            ASTClassBody body = classBody(access, true);
            if (body != null) {
                String name = access.getName();
                for (ASTFieldDeclaration field : descendants(body, ASTFieldDeclaration.class)) {
                    for (ASTVariableDeclarator declarator : field.children(ASTVariableDeclarator.class)) {
                        if (name.equals(declarator.getName())) {
                            ASTStringLiteral value = declarator.children(ASTStringLiteral.class).first();
                            if (value != null) {
                                return value.getConstValue();
                            }
                        }
                    }
                }
            }
        }
        return "";
    }

    private static boolean weakDigestUtils(String name) {
        return name.startsWith("md2") || name.startsWith("md5") || name.startsWith("sha1")
                || WEAK_DIGEST_UTILS.contains(name);
    }

    private static boolean onDigestUtils(ASTMethodCall call) {
        return call.children(ASTTypeExpression.class)
                .any(t -> t.children(ASTClassType.class).any(c -> "DigestUtils".equals(c.getSimpleName())));
    }
}
