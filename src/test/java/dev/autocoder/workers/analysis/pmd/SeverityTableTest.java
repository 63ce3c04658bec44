package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.severity.AppliesTo;
import dev.autocoder.workers.analysis.severity.RuleSeverity;
import dev.autocoder.workers.analysis.severity.SeverityFileException;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.row.Severity;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped severity table describes exactly the curated rulesets, by the documented principles. */
class SeverityTableTest {

    private static final SeverityTable TABLE = SeverityTable.shipped();

    /** The curated rulesets, with the rules left out for their cost, as PMD itself loads them. */
    private static Map<String, Rule> curatedRules() {
        RuleSet ruleset = new RuleSetLoader().loadResourcesWith(SeverityTableTest.class.getClassLoader())
                .warnDeprecated(false).loadFromResource(PmdRulesets.CURATED_WITH_COSTLY);
        List<Rule> rules = List.copyOf(ruleset.getRules());
        assertThat(rules).extracting(Rule::getName).doesNotHaveDuplicates();
        return rules.stream().collect(Collectors.toMap(Rule::getName, Function.identity()));
    }

    @Test
    void everyCuratedRuleHasExactlyOneEntryAndEveryEntryNamesACuratedRule() {
        Map<String, Rule> rules = curatedRules();

        assertThat(rules).hasSizeGreaterThan(200);
        assertThat(TABLE.rules()).containsExactlyInAnyOrderElementsOf(rules.keySet());
        // both rulesets are in: PMD's categories and our own security rules
        assertThat(rules.get("ReturnFromFinallyBlock").getRuleSetName()).isEqualTo("Error Prone");
        assertThat(rules.get("InsecureRandomForSecrets").getRuleSetName()).isEqualTo("Autocoder Security");
    }

    @Test
    void codeStyleIsNeverAboveLowAndCriticalIsOnlyForDefectsAndVulnerabilities() {
        Map<String, Rule> rules = curatedRules();
        Set<String> defectCategories = Set.of("Error Prone", "Multithreading", "Security", "Autocoder Security");

        for (RuleSeverity entry : TABLE.entries()) {
            String category = rules.get(entry.rule()).getRuleSetName();
            if (category.equals("Code Style")) {
                assertThat(entry.severity()).as(entry.rule()).isIn(Severity.LOW, Severity.INFO);
            }
            if (entry.severity() == Severity.CRITICAL) {
                assertThat(category).as(entry.rule()).isIn(defectCategories);
            }
            assertThat(entry.note()).as(entry.rule()).isNotBlank();
        }
        assertThat(TABLE.rule("UnsafeJavaDeserialization").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        // no data flow: a non-constant SQL string is a review item of production code, as ruff's S608; a command
        // started without a shell is Sonar's S4721 hotspot and Bandit's low S603, not an injection
        assertThat(TABLE.rule("SqlStringConcatenation").orElseThrow().severity()).isEqualTo(Severity.HIGH);
        assertThat(TABLE.rule("CommandExecutionWithNonConstantInput").orElseThrow().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(TABLE.rule("CommandExecutionWithNonConstantInput").orElseThrow().appliesTo()).isEqualTo(AppliesTo.MAIN);
        assertThat(TABLE.rule("ReturnFromFinallyBlock").orElseThrow().sonarKey()).isEqualTo("java:S1143");
        assertThat(TABLE.rule("SystemPrintln").orElseThrow().appliesTo()).isEqualTo(AppliesTo.MAIN);
        assertThat(TABLE.rule("WrongTestAnnotation").orElseThrow().appliesTo()).isEqualTo(AppliesTo.TEST_JUPITER);
    }

    @Test
    void aBrokenLineIsNamedWithItsNumberAndProblem() {
        String header = "# mine\nrule\tseverity\tsonar\tapplies_to\tnote\n";

        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", header + "EmptyCatchBlock\thigh\t-\tall\tok\nSystemPrintln\tsevere\t-\tall\tx\n"))
                .isInstanceOf(SeverityFileException.class)
                .hasMessage("mine.tsv line 4: unknown severity 'severe' (expected critical, high, medium, low, info)");
        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", header + "SystemPrintln\tlow\t-\teverywhere\n"))
                .hasMessageStartingWith("mine.tsv line 3: unknown applies_to 'everywhere'");
        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", header + "SystemPrintln\tlow\tS106\tall\n"))
                .hasMessageStartingWith("mine.tsv line 3: 'S106' is not a SonarQube rule key");
        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", header + "SystemPrintln low - all\n"))
                .hasMessageStartingWith("mine.tsv line 3: expected 4 or 5 tab-separated columns");
        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", header + "A\tlow\t-\tall\nA\thigh\t-\tall\n"))
                .hasMessage("mine.tsv line 4: rule A is listed twice");
        assertThatThrownBy(() -> SeverityTable.parse("mine.tsv", "SystemPrintln\tlow\t-\tall\n"))
                .hasMessageStartingWith("mine.tsv line 1: expected the tab-separated header");
    }

    @Test
    void aUsersTableOverridesAndExtendsTheShippedOne() {
        SeverityTable mine = SeverityTable.parse("mine.tsv",
                "rule\tseverity\tsonar\tapplies_to\tnote\nSystemPrintln\tinfo\t-\tall\tCLI tool\nMyRule\thigh\t-\tmain\n");

        SeverityTable merged = TABLE.overriddenBy(mine);

        assertThat(merged.rule("SystemPrintln").orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(merged.rule("SystemPrintln").orElseThrow().appliesTo()).isEqualTo(AppliesTo.ALL);
        assertThat(merged.rule("MyRule").orElseThrow().appliesTo()).isEqualTo(AppliesTo.MAIN);
        assertThat(merged.rule("ReturnFromFinallyBlock")).isEqualTo(TABLE.rule("ReturnFromFinallyBlock"));
    }
}
