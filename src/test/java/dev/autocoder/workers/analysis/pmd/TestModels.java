package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;
import net.sourceforge.pmd.lang.rule.RuleSet;

import java.time.Duration;

/** The shared Java model provider as the application wires it: the curated ruleset on one PMD thread. */
public final class TestModels {
    /** Loaded once per JVM: loading costs about a second; every provider still gets its own engine (and caches). */
    private static final RuleSet CURATED = PmdRulesets.curated();

    private TestModels() {
    }

    public static PmdJavaModelProvider provider() {
        return provider(new AutocoderProperties.Analysis().getFileTimeBudget());
    }

    /** A provider that skips a file PMD takes longer than {@code fileBudget} over. */
    public static PmdJavaModelProvider provider(Duration fileBudget) {
        return new PmdJavaModelProvider(new PmdEngine(CURATED, SeverityTable.shipped(), 1, fileBudget));
    }
}
