package dev.autocoder.workers.analysis.secrets;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.lang.rule.xpath.XPathRule;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java security rules report exactly what the XPath rules they replaced reported (kept in
 * {@value #XPATH_RULESET}): same rule, file, line and message, on the rule fixtures (positive, negative and edge
 * cases) and on this project's own sources. Both rulesets run in one PMD pass, configured like the engine.
 */
class AutocoderSecurityRulesEquivalenceTest {

    private static final String XPATH_RULESET = "rulesets/autocoder-security-xpath.xml";
    /** PMD's system property: an error in a rule becomes a processing error instead of being thrown. */
    private static final String ERROR_RECOVERY = "pmd.error_recovery";

    @Test
    void xpathRulesetIsTheFormerRulesetWithTheSameRules() {
        List<Rule> xpath = new RuleSetLoader().loadFromResource(XPATH_RULESET).getRules().stream().toList();
        List<Rule> java = AutocoderSecurityRules.load().getRules().stream().toList();

        assertThat(xpath).allSatisfy(rule -> assertThat(rule).isInstanceOf(XPathRule.class));
        assertThat(xpath).extracting(Rule::getName).containsExactlyElementsOf(java.stream().map(Rule::getName).toList());
        for (int i = 0; i < java.size(); i++) {
            Rule before = xpath.get(i);
            Rule after = java.get(i);
            assertThat(after.getMessage()).isEqualTo(before.getMessage());
            assertThat(after.getPriority()).isEqualTo(before.getPriority());
            assertThat(after.getDescription()).isEqualTo(before.getDescription());
            assertThat(after.getSince()).isEqualTo(before.getSince());
            assertThat(after.getExamples()).isEqualTo(before.getExamples());
        }
    }

    @Test
    void fixturesGiveTheSameFindingsAndEveryRuleFindsSomething() throws Exception {
        Findings findings = run(List.of(fixture("positive"), fixture("negative"), fixture("equivalence")));

        assertThat(findings.failedFiles()).isEmpty();
        assertThat(findings.java()).containsExactlyElementsOf(findings.xpath());
        // the comparison is not vacuous: every rule reports on the fixtures, the edge cases included
        assertThat(findings.java().stream().map(f -> f.substring(0, f.indexOf(' '))).distinct())
                .containsExactlyInAnyOrder("CommandExecutionWithNonConstantInput", "UnsafeJavaDeserialization",
                        "XmlParserWithoutXxeProtection", "SqlStringConcatenation", "WeakHashAlgorithm",
                        "InsecureRandomForSecrets", "TrustAllCertificates");
        Map<String, Long> edgeCases = findings.java().stream().filter(f -> f.contains("EdgeCases.java"))
                .collect(Collectors.groupingBy(f -> f.substring(0, f.indexOf(' ')), Collectors.counting()));
        assertThat(edgeCases).hasSize(7);
    }

    /**
     * Real code. Surefire enables assertions, and PMD's type inference trips one of its own on a few real files
     * (in production assertions are off): PMD's error-recovery mode turns that into a processing error of the file,
     * and such a file is left out of the comparison (which rule asked for the type first decides which side loses it).
     */
    @Test
    void thisProjectsSourcesGiveTheSameFindings() throws Exception {
        String recovery = System.getProperty(ERROR_RECOVERY);
        System.setProperty(ERROR_RECOVERY, "true");
        Findings findings;
        try {
            findings = run(List.of(Path.of("src/main/java"), Path.of("src/test/java")));
        } finally {
            if (recovery == null) {
                System.clearProperty(ERROR_RECOVERY);
            } else {
                System.setProperty(ERROR_RECOVERY, recovery);
            }
        }

        assertThat(findings.files()).isGreaterThan(500);
        assertThat(findings.failedFiles()).hasSizeLessThan(findings.files() / 20);
        assertThat(findings.java()).containsExactlyElementsOf(findings.xpath());
    }

    /** Findings as "rule file:line message", sorted, without files PMD failed on; fails on configuration errors. */
    private static Findings run(List<Path> roots) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        try (PmdAnalysis analysis = PmdAnalysis.create(PmdEngine.configuration(1))) {
            analysis.addRuleSet(AutocoderSecurityRules.load());
            analysis.addRuleSet(new RuleSetLoader().loadFromResource(XPATH_RULESET));
            files.forEach(analysis.files()::addFile);
            Report report = analysis.performAnalysisAndCollectReport();
            assertThat(report.getConfigurationErrors()).isEmpty();
            Set<String> failed = report.getProcessingErrors().stream().map(e -> e.getFileId().getOriginalPath())
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> java = new ArrayList<>();
            List<String> xpath = new ArrayList<>();
            for (RuleViolation v : report.getViolations()) {
                if (failed.contains(v.getFileId().getOriginalPath())) {
                    continue;
                }
                String finding = v.getRule().getName() + " " + v.getFileId().getOriginalPath() + ":" + v.getBeginLine()
                        + " " + v.getDescription();
                (v.getRule() instanceof XPathRule ? xpath : java).add(finding);
            }
            return new Findings(files.size(), failed, java.stream().sorted().toList(), xpath.stream().sorted().toList());
        }
    }

    private record Findings(int files, Set<String> failedFiles, List<String> java, List<String> xpath) {
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(AutocoderSecurityRulesEquivalenceTest.class.getResource("/autocoder-security/" + name).toURI());
    }
}
