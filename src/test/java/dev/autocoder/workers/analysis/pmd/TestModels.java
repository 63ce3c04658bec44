package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;

import java.time.Duration;

/** The shared Java model provider as the application wires it: the curated ruleset on one PMD thread. */
public final class TestModels {
    private TestModels() {
    }

    public static PmdJavaModelProvider provider() {
        return provider(new AutocoderProperties.Analysis().getFileTimeBudget());
    }

    /** A provider that skips a file PMD takes longer than {@code fileBudget} over. */
    public static PmdJavaModelProvider provider(Duration fileBudget) {
        return new PmdJavaModelProvider(new PmdEngine(PmdRulesets.curated(), SeverityTable.shipped(), 1, fileBudget));
    }
}
