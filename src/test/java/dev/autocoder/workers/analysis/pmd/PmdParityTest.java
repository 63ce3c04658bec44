package dev.autocoder.workers.analysis.pmd;

import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Our cached, model-collecting run must report exactly what PMD reports on its own, rule by rule. */
class PmdParityTest {

    @TempDir
    Path root;

    @Test
    void perRuleCountsMatchAPlainPmdRun() throws Exception {
        PmdFixtures.writeShop(root);
        TestSnapshots.write(root, "src/main/java/com/acme/shop/Complex.java", """
                package com.acme.shop;

                public class Complex {
                    private String unusedName;

                    int score(int a, int b, boolean strict) {
                        int s = 0;
                        if (a > 0 && b > 0 || strict) {
                            s++;
                        } else if (a < 0) {
                            s--;
                        }
                        while (a-- > 0) {
                            if (a % 2 == 0) {
                                s += a;
                            } else {
                                s -= b;
                            }
                        }
                        try {
                            s = s / b;
                        } catch (ArithmeticException e) {
                        }
                        String log = "";
                        for (int i = 0; i < s; i++) {
                            log = log + i;
                        }
                        return strict ? s : -s;
                    }
                }
                """);

        PmdEngine engine = new PmdEngine(PmdRulesets.curated(), 2);
        Map<String, Long> ours = PmdReport.countByRule(engine.analyze(TestSnapshots.of(root)).violations());
        Map<String, Long> pmd = plainPmdRun();

        assertThat(ours).isEqualTo(pmd);
        // What the perspectives publish adds up to the same (the fixture has nothing for the security rules).
        Map<String, Long> published = new TreeMap<>();
        PerspectiveContext context = TestSnapshots.context(TestSnapshots.of(root));
        for (Perspective perspective : List.of(new CodeQualityPerspective(engine, new CpdRunner(100)),
                new PerformancePerspective(engine))) {
            perspective.analyze(context).metrics().stream().filter(m -> m.name().startsWith("pmd."))
                    .forEach(m -> published.merge(m.name().substring(4), (long) m.value(), Long::sum));
        }
        assertThat(published).isEqualTo(pmd);
        // The fixture does plant what it claims to, so the comparison is not vacuous.
        assertThat(ours).containsEntry("EmptyCatchBlock", 2L)
                .containsEntry("UseStringBufferForStringAppends", 2L)
                .containsEntry("UnusedPrivateField", 2L)
                .containsEntry("UnusedLocalVariable", 1L)
                .containsEntry("NonThreadSafeSingleton", 1L)
                .containsEntry("AvoidSynchronizedAtMethodLevel", 1L);
    }

    /** PMD by itself on the same folder (the binary and broken files included) with the same settings. */
    private Map<String, Long> plainPmdRun() throws IOException {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageVersionById("java", "17"));
        configuration.setClassLoader(ClassLoader.getPlatformClassLoader());
        configuration.setIgnoreIncrementalAnalysis(true);
        configuration.setThreads(1);
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration)) {
            pmd.addRuleSet(pmd.newRuleSetLoader().loadFromResource(PmdRulesets.CURATED));
            pmd.files().addDirectory(root);
            Report report = pmd.performAnalysisAndCollectReport();
            assertThat(report.getProcessingErrors()).hasSize(2);
            return report.getViolations().stream()
                    .collect(Collectors.groupingBy(RuleViolation::getRule, Collectors.counting()))
                    .entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().getName(), Map.Entry::getValue, Long::sum, TreeMap::new));
        }
    }
}
