package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.config.InvalidConfigurationException;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The beans wire by constructor injection, a user's ruleset replaces the curated one, and a severity file
 * recalibrates it.
 */
class PmdWiringTest {

    @TempDir
    Path root;

    @Test
    void beansWireFromTheProperties() {
        AutocoderProperties properties = properties();
        new ApplicationContextRunner()
                .withBean(AutocoderProperties.class, () -> properties)
                .withUserConfiguration(AutocoderJson.class, PmdEngine.class, CpdRunner.class, PmdJavaModelProvider.class, PythonModelProvider.class, RuffEngine.class,
                        CodeQualityPerspective.class, PerformancePerspective.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(JavaModelProvider.class);
                    assertThat(context.getBean(PmdEngine.class).ruleset().getName()).isEqualTo("Autocoder Java");
                });
    }

    @Test
    void aUsersRulesetReplacesTheCuratedOne() {
        Path ruleset = TestSnapshots.write(root, "config/my-rules.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <ruleset name="Mine" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
                    <description>Only empty catch blocks</description>
                    <rule ref="category/java/errorprone.xml/EmptyCatchBlock"/>
                </ruleset>
                """);
        Path code = root.resolve("code");
        PmdFixtures.writeShop(code);
        AutocoderProperties properties = properties();
        properties.getAnalysis().setPmdRuleset(ruleset);
        properties.getAnalysis().setPmdThreads(1);

        PmdReport report = new PmdEngine(properties).analyze(TestSnapshots.of(code));

        assertThat(report.ruleset()).isEqualTo("Mine");
        assertThat(report.violations()).extracting(PmdViolation::rule).containsExactly("EmptyCatchBlock");
        // The Java model still comes from the same pass.
        assertThat(report.javaModel().byPath().get(PmdFixtures.PRICING).types().get(0).methods().get(0).cyclomatic())
                .isEqualTo(21);
    }

    /** The PMD cache lives in the store's state folder: this test's, not the working directory's. */
    private AutocoderProperties properties() {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getStore().setPath(root.resolve("store"));
        return properties;
    }

    private static final String MY_RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ruleset name="Mine" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
                <description>Empty catch blocks are critical here</description>
                <rule ref="category/java/errorprone.xml/EmptyCatchBlock"><priority>1</priority></rule>
                <rule ref="category/java/bestpractices.xml/SystemPrintln"/>
            </ruleset>
            """;

    private List<Finding> qualityFindings(AutocoderProperties properties, Path code) {
        return new CodeQualityPerspective(new PmdEngine(properties), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(code))).findings();
    }

    private static Severity severityOf(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).map(Finding::severity).findFirst().orElseThrow();
    }

    @Test
    void aUsersRulesetKeepsItsPmdPrioritiesUnlessASeverityFileIsGiven() {
        Path code = root.resolve("code");
        PmdFixtures.writeShop(code);
        AutocoderProperties properties = properties();
        properties.getAnalysis().setPmdRuleset(TestSnapshots.write(root, "config/my-rules.xml", MY_RULES));
        properties.getAnalysis().setPmdThreads(1);

        List<Finding> ownPriorities = qualityFindings(properties, code);
        // priority 1 as the user's ruleset says, not the shipped table's medium
        assertThat(severityOf(ownPriorities, "EmptyCatchBlock")).isEqualTo(Severity.CRITICAL);

        properties.getAnalysis().setSeverityFile(TestSnapshots.write(root, "config/severity.tsv", """
                # our calibration
                rule\tseverity\tsonar\tapplies_to\tnote
                EmptyCatchBlock\tlow\tjava:S108\tall\twe log elsewhere
                """));
        List<Finding> calibrated = qualityFindings(properties, code);

        assertThat(severityOf(calibrated, "EmptyCatchBlock")).isEqualTo(Severity.LOW);
    }

    @Test
    void aBrokenSeverityFileStopsStartUpNamingTheKeyAndLine() {
        AutocoderProperties properties = properties();
        properties.getAnalysis().setSeverityFile(TestSnapshots.write(root, "severity.tsv",
                "rule\tseverity\tsonar\tapplies_to\tnote\nEmptyCatchBlock\turgent\t-\tall\tx\n"));

        assertThatThrownBy(() -> new PmdEngine(properties))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("autocoder.analysis.severity-file: " + root.resolve("severity.tsv") + " line 2: unknown severity 'urgent'");

        properties.getAnalysis().setSeverityFile(TestSnapshots.write(root, "typo.tsv",
                "rule\tseverity\tsonar\tapplies_to\tnote\nEmptyCatchBlok\tlow\t-\tall\tx\n"));
        assertThatThrownBy(() -> new PmdEngine(properties))
                .hasMessage("autocoder.analysis.severity-file: " + root.resolve("typo.tsv")
                        + " line 2: rule EmptyCatchBlok is not in the PMD ruleset in use");

        properties.getAnalysis().setSeverityFile(root.resolve("missing.tsv"));
        assertThatThrownBy(() -> new PmdEngine(properties))
                .hasMessageStartingWith("autocoder.analysis.severity-file: " + root.resolve("missing.tsv") + " cannot be read");
    }

    @Test
    void theFingerprintChangesWithWhatTheRulesetChecks() {
        String rule = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ruleset name="Mine" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
                    <description>one rule</description>
                    <rule name="NoCatch" language="java" message="m" class="net.sourceforge.pmd.lang.rule.xpath.XPathRule">
                        <description>d</description>
                        <priority>3</priority>
                        <properties><property name="xpath"><value>%s</value></property></properties>
                    </rule>
                </ruleset>
                """;
        String first = PmdRulesets.fingerprint(PmdRulesets.load(TestSnapshots.write(root, "a.xml", rule.formatted("//CatchClause"))));
        String same = PmdRulesets.fingerprint(PmdRulesets.load(TestSnapshots.write(root, "b.xml", rule.formatted("//CatchClause"))));
        String other = PmdRulesets.fingerprint(PmdRulesets.load(TestSnapshots.write(root, "c.xml", rule.formatted("//TryStatement"))));

        assertThat(first).isEqualTo(same).isNotEqualTo(other);
        assertThat(PmdRulesets.fingerprint(PmdRulesets.curated())).isNotEqualTo(first);
    }
}
