package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.config.AutocoderProperties;
import net.sourceforge.pmd.lang.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the curated ruleset leaves out for their cost (docs/perspectives.md) run only with
 * {@code autocoder.analysis.pmd-costly-rules}, and then besides every curated rule.
 */
class CostlyRulesTest {

    private static final Set<String> LEFT_OUT = Set.of("AvoidDollarSigns", "UnnecessaryConversionTemporary",
            "ReplaceJavaUtilCalendar", "AvoidCalendarDateCreation", "UseStringBufferLength",
            "UseIOStreamsWithApacheCommonsFileItem", "AvoidArrayLoops", "StringToString", "AvoidThreadGroup");

    @TempDir
    Path root;

    @TempDir
    Path store;

    @Test
    void theCostlyRulesetIsTheCuratedOnePlusTheRulesLeftOut() {
        Set<String> curated = names(PmdRulesets.load(null, false).getRules());
        Set<String> withCostly = names(PmdRulesets.load(null, true).getRules());

        assertThat(curated).doesNotContainAnyElementsOf(LEFT_OUT);
        assertThat(withCostly).containsAll(curated).containsAll(LEFT_OUT).hasSize(curated.size() + LEFT_OUT.size());
        assertThat(PmdRulesets.fingerprint(PmdRulesets.load(null, true)))
                .isNotEqualTo(PmdRulesets.fingerprint(PmdRulesets.load(null, false)));
    }

    @Test
    void aLeftOutRuleFindsItsViolationOnlyWhenTheSettingIsOn() {
        TestSnapshots.write(root, "src/main/java/p/Names.java", """
                package p;

                class Names {
                    int price$total;

                    String label(String text) {
                        return text.toString();
                    }
                }
                """);

        assertThat(rulesFound(false)).doesNotContain("AvoidDollarSigns", "StringToString");
        assertThat(rulesFound(true)).contains("AvoidDollarSigns", "StringToString");
    }

    /** The rules with a violation on the fixture, the engine built from the settings as the application builds it. */
    private List<String> rulesFound(boolean costlyRules) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getStore().setPath(store.resolve(costlyRules ? "with" : "without"));
        properties.getAnalysis().setPmdThreads(1);
        properties.getAnalysis().setPmdCostlyRules(costlyRules);
        return new PmdEngine(properties).analyze(TestSnapshots.of(root)).violations().stream()
                .map(PmdViolation::rule).distinct().sorted().toList();
    }

    private static Set<String> names(java.util.Collection<Rule> rules) {
        return rules.stream().map(Rule::getName).collect(Collectors.toSet());
    }
}
