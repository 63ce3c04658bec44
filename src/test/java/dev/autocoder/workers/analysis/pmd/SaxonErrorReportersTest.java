package dev.autocoder.workers.analysis.pmd;

import net.sf.saxon.Configuration;
import net.sf.saxon.lib.ErrorReporter;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.document.TextFile;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.FileAnalysisListener;
import net.sourceforge.pmd.reporting.GlobalAnalysisListener;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Saxon's per-evaluation error reporter (two 8 KB buffers each time) is replaced by one shared reporter. */
class SaxonErrorReportersTest {

    private static final String SOURCE = """
            import java.util.Vector;
            import java.util.Hashtable;

            class Legacy {
                Vector<String> names = new Vector<>();
                Hashtable<String, String> index = new Hashtable<>();

                void print() {
                    System.out.println(names);
                }
            }
            """;

    @Test
    void everyXPathRuleOfTheCuratedRulesetSharesOneReporterAndFindsTheSame(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("Legacy.java"), SOURCE);

        List<String> plain = run(file, null);
        RuleSet shared = RuleSet.copy(PmdRulesets.curated());
        List<String> withSharedReporter = run(file, shared);

        assertThat(withSharedReporter).isEqualTo(plain)
                .contains("ReplaceVectorWithList:5", "ReplaceHashtableWithMap:6", "SystemPrintln:9");
        List<Configuration> configurations = shared.getRules().stream().map(SaxonErrorReporters::configuration)
                .flatMap(Optional::stream).toList();
        assertThat(configurations).hasSizeGreaterThan(20);
        ErrorReporter first = configurations.get(0).makeErrorReporter();
        assertThat(configurations).allSatisfy(c -> assertThat(c.makeErrorReporter()).isSameAs(first));
    }

    @Test
    void aRuleThatIsNotXPathHasNoSaxonConfiguration() {
        Rule javaRule = PmdRulesets.curated().getRuleByName("UnusedAssignment");

        assertThat(javaRule).isNotNull();
        assertThat(SaxonErrorReporters.configuration(javaRule)).isEmpty();
    }

    /** Violations as "rule:line", the rules shared once PMD initialized them when {@code share} is given. */
    private static List<String> run(Path file, RuleSet share) {
        List<String> found = new ArrayList<>();
        try (PmdAnalysis pmd = PmdAnalysis.create(PmdEngine.configuration(0))) {
            RuleSet rules = share != null ? share : RuleSet.copy(PmdRulesets.curated());
            pmd.addRuleSet(rules);
            pmd.files().addFile(file);
            pmd.addListener(new GlobalAnalysisListener() {
                @Override
                public FileAnalysisListener startFileAnalysis(TextFile textFile) {
                    if (share != null) {
                        SaxonErrorReporters.share(share);
                    }
                    return new FileAnalysisListener() {
                        @Override
                        public void onRuleViolation(RuleViolation violation) {
                            synchronized (found) {
                                found.add(violation.getRule().getName() + ":" + violation.getBeginLine());
                            }
                        }

                        @Override
                        public void onError(Report.ProcessingError error) {
                            throw new AssertionError(error.getMsg());
                        }
                    };
                }

                @Override
                public void close() {
                }
            });
            pmd.performAnalysis();
        }
        return found.stream().sorted().toList();
    }
}
