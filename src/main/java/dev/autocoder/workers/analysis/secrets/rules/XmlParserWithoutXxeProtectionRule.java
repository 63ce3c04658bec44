package dev.autocoder.workers.analysis.secrets.rules;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

import java.util.List;
import java.util.Set;

import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.child;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.classBody;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.descendants;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.executableScope;
import static dev.autocoder.workers.analysis.secrets.rules.SecurityRuleNodes.typeIs;

/** XmlParserWithoutXxeProtection: an XML factory created where no factory of its type is ever configured. */
public final class XmlParserWithoutXxeProtectionRule extends AbstractJavaRulechainRule {

    private static final List<String> FACTORIES = List.of("javax.xml.parsers.DocumentBuilderFactory",
            "javax.xml.parsers.SAXParserFactory", "javax.xml.stream.XMLInputFactory",
            "javax.xml.transform.TransformerFactory");
    private static final Set<String> CREATORS = Set.of("newInstance", "newDefaultInstance", "newNSInstance",
            "newDefaultNSInstance", "newFactory", "newDefaultFactory");
    private static final Set<String> SETTERS = Set.of("setFeature", "setProperty", "setAttribute", "setXIncludeAware",
            "setExpandEntityReferences");

    public XmlParserWithoutXxeProtectionRule() {
        super(ASTMethodCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (CREATORS.contains(call.getMethodName()) && call.getQualifier() instanceof ASTTypeExpression type) {
            for (String factory : FACTORIES) {
                if (TypeTestUtil.isA(factory, type) && !configured(call, factory)) {
                    asCtx(data).addViolation(call);
                }
            }
        }
        return data;
    }

    /** The enclosing method (for a field initializer: the class) configures a factory of the type. */
    private static boolean configured(ASTMethodCall call, String factory) {
        Node scope = executableScope(call);
        if (scope == null) {
            scope = classBody(call, false);
        }
        return scope != null && descendants(scope, ASTMethodCall.class)
                .any(c -> SETTERS.contains(c.getMethodName()) && typeIs(child(c, 0), factory));
    }
}
