package dev.autocoder.workers.analysis.secrets;

import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;

/**
 * The "Autocoder Security" PMD ruleset: Java security rules written as PMD 7 Java rules (package
 * {@code analysis.secrets.rules}), declared in a classpath resource. Add it to a {@code PMDConfiguration}/
 * {@code PmdAnalysis} next to the curated rules.
 */
public final class AutocoderSecurityRules {

    /** Classpath location, for {@code RuleSetLoader#loadFromResource} or a PMD configuration. */
    public static final String RESOURCE = "rulesets/autocoder-security.xml";

    private AutocoderSecurityRules() {
    }

    /** Loads the ruleset; throws PMD's {@code RuleSetLoadException} if the resource is broken. */
    public static RuleSet load() {
        return new RuleSetLoader().loadFromResource(RESOURCE);
    }
}
