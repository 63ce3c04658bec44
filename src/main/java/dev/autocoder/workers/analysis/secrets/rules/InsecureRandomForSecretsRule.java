package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.typeIs;

/** InsecureRandomForSecrets: java.util.Random or Math.random() where a name says the value is a secret. */
public final class InsecureRandomForSecretsRule extends AbstractJavaRulechainRule {

    private static final InvocationMatcher MATH_RANDOM = InvocationMatcher.parse("java.lang.Math#random()");
    private static final Set<String> SECRET_WORDS = Set.of("token", "tokens", "password", "passwords", "passwd",
            "pwd", "secret", "secrets", "key", "keys", "salt", "salts", "nonce", "nonces", "session", "sessions", "otp",
            "iv", "ivs");
    private static final Set<String> STREAM_METHODS = Set.of("ints", "longs", "doubles");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern UPPER_WORD = Pattern.compile("([A-Z])([A-Z][a-z])");
    private static final Pattern SEPARATOR = Pattern.compile("[^a-z0-9]+");

    public InsecureRandomForSecretsRule() {
        super(ASTConstructorCall.class, ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (predictable(call) && inSecretContext(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        String name = call.getMethodName();
        boolean random = "random".equals(name) && MATH_RANDOM.matchesCall(call)
                || (name.startsWith("next") || STREAM_METHODS.contains(name))
                        && !(child(call, 0) instanceof ASTConstructorCall) && predictable(child(call, 0));
        if (random && inSecretContext(call)) {
            asCtx(data).addViolation(call);
        }
        return data;
    }

    private static boolean predictable(Node generator) {
        return typeIs(generator, "java.util.Random") && !typeIs(generator, "java.security.SecureRandom");
    }

    /** An enclosing method, variable, assignment target, type or called method has a secret name. */
    private static boolean inSecretContext(Node node) {
        for (Node a = node.getParent(); a != null; a = a.getParent()) {
            String name = null;
            if (a instanceof ASTMethodDeclaration method) {
                name = method.getName();
            } else if (a instanceof ASTVariableDeclarator variable) {
                name = variable.getName();
            } else if (a instanceof ASTAssignmentExpression) {
                Node target = child(a, 0);
                name = target instanceof ASTVariableAccess v ? v.getName()
                        : target instanceof ASTFieldAccess f ? f.getName() : null;
            } else if (a instanceof ASTArgumentList && a.getParent() instanceof ASTMethodCall called) {
                name = called.getMethodName();
            } else if (a instanceof ASTTypeDeclaration type) {
                name = type.getSimpleName();
            }
            if (name != null && secretName(name)) {
                return true;
            }
        }
        return false;
    }

    /** camelCase and snake_case words: apiKey, SESSION_ID and generateIv match, keyboard and private do not. */
    static boolean secretName(String name) {
        String words = UPPER_WORD.matcher(LOWER_UPPER.matcher(name).replaceAll("$1_$2")).replaceAll("$1_$2");
        for (String word : SEPARATOR.split(words.toLowerCase(Locale.ROOT))) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
