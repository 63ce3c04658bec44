package dev.autocoder.workers.analysis.pmd;

import net.sf.saxon.Configuration;
import net.sf.saxon.lib.ErrorReporter;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleReference;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.xpath.XPathRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Gives the Saxon configuration of each PMD XPath rule one shared error reporter.
 * <p>
 * Saxon makes a new {@code StandardErrorReporter} for every evaluation, and each one opens a {@code PrintWriter}
 * on {@code System.err} with two 8 KB buffers. PMD evaluates every XPath rule on every file, so on the large corpus
 * that was three quarters of all the bytes the code-quality pass allocated, and with the small default heap the
 * garbage collections it caused doubled the pass. PMD gives no way to set the reporter, so this reaches its query
 * objects by reflection; when PMD's internals change, it logs once and PMD runs as before.
 */
final class SaxonErrorReporters {

    private static final Logger log = LoggerFactory.getLogger(SaxonErrorReporters.class);
    /** Saxon reports warnings of an evaluation here; PMD turns real errors into processing errors anyway. */
    private static final ErrorReporter TO_DEBUG_LOG = error -> log.debug("Saxon: {}", error.getMessage());
    private static final Field QUERY = field(XPathRule.class, "xpathRuleQuery");
    private static final Field CONFIGURATION = QUERY == null ? null : field(QUERY.getType(), "configuration");
    private static volatile boolean warned;

    private SaxonErrorReporters() {
    }

    /** After PMD initialized the rules: every XPath rule's Saxon configuration reports to the debug log. */
    static void share(RuleSet rules) {
        for (Rule rule : rules.getRules()) {
            configuration(rule).ifPresent(c -> c.setErrorReporterFactory(config -> TO_DEBUG_LOG));
        }
    }

    /** The Saxon configuration of an initialized XPath rule (through rule references); empty for other rules. */
    static Optional<Configuration> configuration(Rule rule) {
        while (rule instanceof RuleReference reference) {
            rule = reference.getRule();
        }
        if (CONFIGURATION == null || !(rule instanceof XPathRule xpath)) {
            return Optional.empty();
        }
        try {
            Object query = QUERY.get(xpath);
            return query != null && CONFIGURATION.get(query) instanceof Configuration configuration
                    ? Optional.of(configuration) : Optional.empty();
        } catch (IllegalAccessException | RuntimeException e) {
            unavailable(e);
            return Optional.empty();
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable(e);
            return null;
        }
    }

    private static void unavailable(Exception e) {
        if (!warned) {
            warned = true;
            log.info("PMD's XPath rules keep Saxon's own error reporter ({}); the analysis allocates more", e.toString());
        }
    }
}
