package dev.autocoder.workers.analysis.secrets.rules;

import java.util.List;

/** The code of the "Autocoder Security" rules, for caches of PMD results: a changed rule must not trust them. */
public final class SecurityRuleClasses {

    private SecurityRuleClasses() {
    }

    /** Every rule class of rulesets/autocoder-security.xml and the helpers they share. */
    public static List<Class<?>> codeClasses() {
        return List.of(CommandExecutionWithNonConstantInputRule.class, UnsafeJavaDeserializationRule.class,
                XmlParserWithoutXxeProtectionRule.class, SqlStringConcatenationRule.class, WeakHashAlgorithmRule.class,
                InsecureRandomForSecretsRule.class, TrustAllCertificatesRule.class, SecurityRuleNodes.class,
                SecurityRuleNodes.LocalRead.class);
    }
}
