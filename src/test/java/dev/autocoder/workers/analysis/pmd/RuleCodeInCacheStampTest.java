package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ruleset fingerprint names a rule but cannot see a Java rule's code: every rule class of our own in the
 * shipped rulesets must be among the classes the disk cache is stamped with, so a changed rule invalidates it.
 */
class RuleCodeInCacheStampTest {

    @ParameterizedTest
    @ValueSource(strings = {PmdRulesets.CURATED, PmdRulesets.CURATED_WITH_COSTLY})
    void everyRuleClassOfOursIsInTheCodeFingerprint(String resource) {
        Set<String> ours = new RuleSetLoader().warnDeprecated(false).loadFromResource(resource).getRules().stream()
                .map(Rule::getRuleClass)
                .filter(type -> !type.startsWith("net.sourceforge.pmd."))
                .collect(Collectors.toSet());

        assertThat(ours).contains("dev.autocoder.workers.analysis.secrets.rules.CommandExecutionWithNonConstantInputRule",
                "dev.autocoder.workers.analysis.secrets.rules.UnsafeJavaDeserializationRule",
                "dev.autocoder.workers.analysis.secrets.rules.XmlParserWithoutXxeProtectionRule",
                "dev.autocoder.workers.analysis.secrets.rules.SqlStringConcatenationRule",
                "dev.autocoder.workers.analysis.secrets.rules.WeakHashAlgorithmRule",
                "dev.autocoder.workers.analysis.secrets.rules.InsecureRandomForSecretsRule",
                "dev.autocoder.workers.analysis.secrets.rules.TrustAllCertificatesRule");
        assertThat(Arrays.stream(PmdEngine.codeClasses()).map(Class::getName)).containsAll(ours);
    }
}
