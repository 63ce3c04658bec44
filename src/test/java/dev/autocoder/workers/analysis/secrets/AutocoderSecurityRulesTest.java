package dev.autocoder.workers.analysis.secrets;

import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real ruleset through PMD on fixture sources: every rule has a positive fixture (each expected
 * violation listed by line) and a negative fixture of safe look-alikes that must stay silent.
 */
class AutocoderSecurityRulesTest {

    private static final String RULESET = "rulesets/autocoder-security.xml";

    @Test
    void rulesetLoadsWithEveryRuleAsAJavaRuleWithDocumentation() {
        RuleSet ruleSet = AutocoderSecurityRules.load();

        assertThat(AutocoderSecurityRules.RESOURCE).isEqualTo(RULESET);
        assertThat(ruleSet.getName()).isEqualTo("Autocoder Security");
        assertThat(ruleSet.getRules()).extracting(Rule::getName).containsExactly(
                "CommandExecutionWithNonConstantInput", "UnsafeJavaDeserialization", "XmlParserWithoutXxeProtection",
                "SqlStringConcatenation", "WeakHashAlgorithm", "InsecureRandomForSecrets", "TrustAllCertificates");
        assertThat(ruleSet.getRules()).allSatisfy(rule -> {
            assertThat(rule.getLanguage().getId()).isEqualTo("java");
            assertThat(rule.getRuleClass())
                    .isEqualTo("dev.autocoder.workers.analysis.secrets.rules." + rule.getName() + "Rule");
            assertThat(rule.getMessage()).isNotBlank();
            assertThat(rule.getDescription()).isNotBlank();
            assertThat(rule.getPriority().getPriority()).isBetween(1, 3);
        });
    }

    @Test
    void commandExecutionWithNonConstantInput() throws Exception {
        assertThat(violations("positive/CommandExecution.java")).containsExactly(
                "CommandExecutionWithNonConstantInput:9",   // exec("gzip " + file)
                "CommandExecutionWithNonConstantInput:13",  // exec(new String[] {"gzip", file})
                "CommandExecutionWithNonConstantInput:17",  // new ProcessBuilder("gzip", file)
                "CommandExecutionWithNonConstantInput:21",  // new ProcessBuilder(command list parameter)
                "CommandExecutionWithNonConstantInput:28",  // command(program) after program = userChoice
                "CommandExecutionWithNonConstantInput:33"); // exec(this.toString())
    }

    @Test
    void unsafeJavaDeserialization() throws Exception {
        assertThat(violations("positive/Deserialization.java")).containsExactly(
                "UnsafeJavaDeserialization:9",    // new ObjectInputStream(in).readObject()
                "UnsafeJavaDeserialization:14",   // ois.readUnshared() in try-with-resources
                "UnsafeJavaDeserialization:20",   // the filter is set in another method only
                "UnsafeJavaDeserialization:24",   // a new stream handed to a helper that reads it
                "UnsafeJavaDeserialization:28");  // the same, through a local
    }

    @Test
    void xmlParserWithoutXxeProtection() throws Exception {
        assertThat(violations("positive/XmlParsers.java")).containsExactly(
                "XmlParserWithoutXxeProtection:11",  // field initializer never configured in the class
                "XmlParserWithoutXxeProtection:14",  // DocumentBuilderFactory chained
                "XmlParserWithoutXxeProtection:18",  // SAXParserFactory, only setNamespaceAware
                "XmlParserWithoutXxeProtection:24",  // XMLInputFactory.newFactory()
                "XmlParserWithoutXxeProtection:29",  // TransformerFactory chained
                "XmlParserWithoutXxeProtection:33"); // a TransformerFactory is configured, the DOM factory is not
    }

    @Test
    void sqlStringConcatenation() throws Exception {
        assertThat(violations("positive/SqlConcatenation.java")).containsExactly(
                "SqlStringConcatenation:11",  // executeQuery("..." + name + "'")
                "SqlStringConcatenation:15",  // prepareStatement("..." + table)
                "SqlStringConcatenation:20",  // executeUpdate(sql) with sql = "..." + id
                "SqlStringConcatenation:26",  // addBatch(sql) after sql += " order by " + order
                "SqlStringConcatenation:27",  // execute(sql), same variable
                "SqlStringConcatenation:31"); // prepareCall with a StringBuilder operand
    }

    @Test
    void weakHashAlgorithm() throws Exception {
        assertThat(violations("positive/WeakHashes.java")).containsExactly(
                "WeakHashAlgorithm:11",  // "md5", lower case
                "WeakHashAlgorithm:15",  // "SHA-1"
                "WeakHashAlgorithm:19",  // constant field LEGACY = "Sha1", provider overload
                "WeakHashAlgorithm:23",  // DigestUtils.md5Hex
                "WeakHashAlgorithm:23",  // DigestUtils.sha1Hex on the same line
                "WeakHashAlgorithm:27"); // "MD2"
    }

    @Test
    void insecureRandomForSecrets() throws Exception {
        assertThat(violations("positive/InsecureRandom.java")).containsExactly(
                "InsecureRandomForSecrets:10",  // field saltSource = new Random(42)
                "InsecureRandomForSecrets:13",  // new Random() in newSessionToken()
                "InsecureRandomForSecrets:18",  // RANDOM.nextBytes in salt()
                "InsecureRandomForSecrets:23",  // assigned to holder.apiKey
                "InsecureRandomForSecrets:27",  // ThreadLocalRandom into otpCode
                "InsecureRandomForSecrets:32"); // passed to setPassword(...)
    }

    @Test
    void trustAllCertificates() throws Exception {
        assertThat(violations("positive/TrustAll.java")).containsExactly(
                "TrustAllCertificates:16",  // empty checkClientTrusted (reported at the method name)
                "TrustAllCertificates:20",  // checkServerTrusted with only a comment
                "TrustAllCertificates:33",  // verify returns true
                "TrustAllCertificates:39",  // lambda (host, session) -> true
                "TrustAllCertificates:40",  // block lambda returning true
                "TrustAllCertificates:46"); // NoopHostnameVerifier.INSTANCE
    }

    @ParameterizedTest
    @ValueSource(strings = {"SafeCommandExecution.java", "SafeDeserialization.java", "SafeXmlParsers.java",
            "SafeSql.java", "SafeHashes.java", "SafeRandom.java", "SafeTls.java"})
    void safeLookAlikesAreNotReported(String fixture) throws Exception {
        assertThat(violations("negative/" + fixture)).isEmpty();
    }

    @Test
    void everyFixtureIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(fixture("positive"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "CommandExecution.java", "Deserialization.java", "InsecureRandom.java", "SqlConcatenation.java",
                    "TrustAll.java", "WeakHashes.java", "XmlParsers.java");
        }
    }

    /** "Rule:line" for each violation, in line order; fails on processing or configuration errors. */
    private static List<String> violations(String fixture) throws Exception {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageVersionById("java", "17"));
        configuration.setIgnoreIncrementalAnalysis(true);
        configuration.setThreads(1);
        try (PmdAnalysis analysis = PmdAnalysis.create(configuration)) {
            analysis.addRuleSet(new RuleSetLoader().loadFromResource(RULESET));
            analysis.files().addFile(fixture(fixture));
            Report report = analysis.performAnalysisAndCollectReport();
            assertThat(report.getProcessingErrors()).isEmpty();
            assertThat(report.getConfigurationErrors()).isEmpty();
            assertThat(analysis.getReporter().numErrors()).as("PMD reported errors (e.g. a broken XPath)").isZero();
            return report.getViolations().stream()
                    .sorted(java.util.Comparator.comparingInt(RuleViolation::getBeginLine)
                            .thenComparingInt(RuleViolation::getBeginColumn))
                    .map(v -> v.getRule().getName() + ":" + v.getBeginLine())
                    .toList();
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(AutocoderSecurityRulesTest.class.getResource("/autocoder-security/" + name).toURI());
    }
}
