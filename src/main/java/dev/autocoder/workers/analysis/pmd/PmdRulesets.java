package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.SeverityFileException;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.InvalidConfigurationException;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads the PMD ruleset the engine runs: the curated {@value #CURATED} from the classpath (with
 * {@code autocoder.analysis.pmd-costly-rules} the larger {@value #CURATED_WITH_COSTLY}), or a user's own file
 * ({@code autocoder.analysis.pmd-ruleset}) instead of it.
 */
public final class PmdRulesets {

    /** Classpath resource of the curated Java ruleset. */
    public static final String CURATED = "rulesets/autocoder-java.xml";

    /**
     * The curated ruleset plus the rules it leaves out because they cost much more than they find on real
     * repositories (docs/perspectives.md, "Rules left out for their cost").
     */
    public static final String CURATED_WITH_COSTLY = "rulesets/autocoder-java-costly.xml";

    /**
     * The shipped rulesets by resource, each read once per JVM: reading one resolves every rule reference against
     * PMD's category files (about 300 ms warm, a quarter of an application start), and a classpath resource does not
     * change. Callers get copies, so no one shares a rule instance.
     */
    private static final Map<String, RuleSet> SHIPPED = new ConcurrentHashMap<>();

    private PmdRulesets() {
    }

    /** The curated ruleset. */
    public static RuleSet curated() {
        return shipped(CURATED);
    }

    /** The user's ruleset file when given, otherwise the curated one; an invalid file throws PMD's exception. */
    public static RuleSet load(Path userRuleset) {
        return load(userRuleset, false);
    }

    /**
     * The user's ruleset file when given (then {@code costlyRules} does not apply), otherwise the curated one, with
     * the rules left out for their cost when {@code costlyRules} is set.
     */
    public static RuleSet load(Path userRuleset, boolean costlyRules) {
        if (userRuleset != null) {
            return loader().loadFromResource(userRuleset.toAbsolutePath().toString());
        }
        return shipped(costlyRules ? CURATED_WITH_COSTLY : CURATED);
    }

    private static RuleSet shipped(String resource) {
        return RuleSet.copy(SHIPPED.computeIfAbsent(resource, name -> loader().loadFromResource(name)));
    }

    /**
     * Identifies what a ruleset checks: the PMD version and every rule's ruleset, name, priority, message and
     * property values (an XPath rule's expression included). {@link RuleSet#getChecksum()} is not used because it
     * does not change when a referenced ruleset gains a rule.
     */
    public static String fingerprint(RuleSet ruleset) {
        StringBuilder text = new StringBuilder(PMDVersion.VERSION);
        ruleset.getRules().stream()
                .sorted(Comparator.comparing(Rule::getRuleSetName).thenComparing(Rule::getName))
                .forEach(rule -> {
                    Map<String, String> properties = new TreeMap<>();
                    rule.getPropertiesByPropertyDescriptor().forEach((d, v) -> properties.put(d.name(), String.valueOf(v)));
                    text.append('\n').append(rule.getRuleSetName()).append('/').append(rule.getName())
                            .append(' ').append(rule.getPriority().getPriority()).append(' ').append(rule.getMessage())
                            .append(' ').append(properties);
                });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The severity table for a ruleset loaded from the settings: the shipped table for the curated ruleset; for a
     * user's ruleset, PMD's own priorities unless a severity file is given; a severity file overrides and extends
     * the shipped table. An unusable file stops start-up naming {@code autocoder.analysis.severity-file}.
     */
    static SeverityTable severities(RuleSet ruleset, AutocoderProperties.Analysis analysis) {
        Path file = analysis.getSeverityFile();
        if (file == null) {
            return analysis.getPmdRuleset() == null ? SeverityTable.shipped() : SeverityTable.none();
        }
        Set<String> rules = ruleset.getRules().stream().map(Rule::getName).collect(Collectors.toSet());
        try {
            return SeverityTable.shipped().overriddenBy(SeverityTable.read(file, rules));
        } catch (SeverityFileException e) {
            throw new InvalidConfigurationException("autocoder.analysis.severity-file", e.getMessage());
        }
    }

    private static RuleSetLoader loader() {
        // Resources from our own class loader, so it also works inside the packaged Spring Boot jar.
        return new RuleSetLoader().loadResourcesWith(PmdRulesets.class.getClassLoader()).warnDeprecated(false);
    }
}
