package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.ast.NodeStream;
import net.sourceforge.pmd.lang.java.ast.ASTClassBody;
import net.sourceforge.pmd.lang.java.ast.ASTCompactConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTInitializer;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.TypeNode;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Tree helpers shared by the security rules. They mirror the XPath the rules were first written in (kept in
 * src/test/resources/rulesets/autocoder-security-xpath.xml, which AutocoderSecurityRulesEquivalenceTest compares
 * against): XPath's {@code //} crosses lambdas and nested classes, so every descendant search here does too.
 */
final class SecurityRuleNodes {

    private SecurityRuleNodes() {
    }

    /** XPath {@code *[n]}: the node's n-th child (0-based here), or null. */
    static Node child(Node node, int index) {
        return node != null && node.getNumChildren() > index ? node.getChild(index) : null;
    }

    /** XPath {@code *[2]} of a declarator: its initializer, or null. */
    static ASTExpression initializer(ASTVariableDeclarator declarator) {
        return child(declarator, 1) instanceof ASTExpression e ? e : null;
    }

    /** {@code pmd-java:typeIs}: false for a node without a type (an argument list). */
    static boolean typeIs(Node node, String type) {
        return node instanceof TypeNode typed && TypeTestUtil.isA(type, typed);
    }

    /** The nearest enclosing method, constructor, compact constructor or initializer block, or null. */
    static Node executableScope(Node node) {
        for (Node a = node.getParent(); a != null; a = a.getParent()) {
            if (a instanceof ASTMethodDeclaration || a instanceof ASTConstructorDeclaration
                    || a instanceof ASTCompactConstructorDeclaration || a instanceof ASTInitializer) {
                return a;
            }
        }
        return null;
    }

    /**
     * A read of a variable inside a method (or constructor, or initializer block): that executable, whose locals the
     * rules look at, and the variable's name.
     */
    record LocalRead(Node scope, String name) {

        /** The read {@code node} is; null when it is not a variable read inside an executable. */
        static LocalRead of(Node node) {
            if (!(node instanceof ASTVariableAccess access)) {
                return null;
            }
            Node scope = executableScope(access);
            return scope == null ? null : new LocalRead(scope, access.getName());
        }
    }

    /** The nearest (outermost when {@code outermost}) enclosing class body (not an enum or record body), or null. */
    static ASTClassBody classBody(Node node, boolean outermost) {
        ASTClassBody found = null;
        for (Node a = node.getParent(); a != null; a = a.getParent()) {
            if (a instanceof ASTClassBody body) {
                if (!outermost) {
                    return body;
                }
                found = body;
            }
        }
        return found;
    }

    /** The nearest enclosing type declaration (anonymous classes included), or null. */
    static ASTTypeDeclaration enclosingType(Node node) {
        return node.ancestors(ASTTypeDeclaration.class).first();
    }

    /** Every descendant of the type, in document order, across lambdas and nested classes like XPath's //. */
    static <T extends Node> NodeStream<T> descendants(Node scope, Class<T> type) {
        return scope.descendants(type).crossFindBoundaries();
    }

    /** XPath {@code @CompileTimeConstant = true()} on an expression or nothing. */
    static boolean constant(Node node) {
        return node instanceof ASTExpression e && e.isCompileTimeConstant();
    }
}
