package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;

import java.nio.file.Path;

/**
 * Loads the PMD ruleset the engine runs: the curated {@value #CURATED} from the classpath, or a user's own file
 * ({@code autocoder.analysis.pmd-ruleset}) instead of it.
 */
public final class PmdRulesets {

    /** Classpath resource of the curated Java ruleset. */
    public static final String CURATED = "rulesets/autocoder-java.xml";

    private PmdRulesets() {
    }

    /** The curated ruleset. */
    public static RuleSet curated() {
        return loader().loadFromResource(CURATED);
    }

    /** The user's ruleset file when given, otherwise the curated one; an invalid file throws PMD's exception. */
    public static RuleSet load(Path userRuleset) {
        return userRuleset == null ? curated() : loader().loadFromResource(userRuleset.toAbsolutePath().toString());
    }

    private static RuleSetLoader loader() {
        // Resources from our own class loader, so it also works inside the packaged Spring Boot jar.
        return new RuleSetLoader().loadResourcesWith(PmdRulesets.class.getClassLoader()).warnDeprecated(false);
    }
}
