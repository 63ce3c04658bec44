package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.javamodel.JavaModelProvider;
import dev.autocoder.workers.analysis.javamodel.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans wire by constructor injection, and a user's ruleset replaces the curated one. */
class PmdWiringTest {

    @TempDir
    Path root;

    @Test
    void beansWireFromTheProperties() {
        new ApplicationContextRunner()
                .withBean(AutocoderProperties.class)
                .withUserConfiguration(PmdEngine.class, CpdRunner.class, PmdJavaModelProvider.class,
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
        AutocoderProperties properties = new AutocoderProperties();
        properties.getAnalysis().setPmdRuleset(ruleset);
        properties.getAnalysis().setPmdThreads(1);

        PmdReport report = new PmdEngine(properties).analyze(TestSnapshots.of(code));

        assertThat(report.ruleset()).isEqualTo("Mine");
        assertThat(report.violations()).extracting(PmdViolation::rule).containsExactly("EmptyCatchBlock");
        // The Java model still comes from the same pass.
        assertThat(report.javaModel().byPath().get(PmdFixtures.PRICING).types().get(0).methods().get(0).cyclomatic())
                .isEqualTo(21);
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
