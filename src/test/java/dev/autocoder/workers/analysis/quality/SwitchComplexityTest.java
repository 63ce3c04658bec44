package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switch that maps values is one step for a reader: {@code complex-method} and the advice to split count each
 * switch once (this repository's own {@code Language.of}, 40 file extensions, was reported high with cyclomatic
 * complexity 52), while the published cyclomatic figures stay PMD's.
 */
class SwitchComplexityTest {

    @TempDir
    Path root;

    @Test
    void aLookupSwitchIsNoComplexMethodWhileBranchingIs() {
        StringBuilder lookup = new StringBuilder("""
                package shop;

                public final class Kinds {
                    public static String of(String extension) {
                        if (extension == null) {
                            return "none";
                        }
                        return switch (extension) {
                """);
        for (int i = 0; i < 40; i++) {
            lookup.append("            case \"e").append(i).append("\" -> \"kind").append(i % 7).append("\";\n");
        }
        lookup.append("            default -> \"other\";\n        };\n    }\n\n");
        // a switch of 25 cases, then 20 decisions of its own: complex however the switch is counted
        lookup.append("    public static int score(String extension, int a) {\n        int total = switch (extension) {\n");
        for (int i = 0; i < 25; i++) {
            lookup.append("            case \"s").append(i).append("\" -> ").append(i).append(";\n");
        }
        lookup.append("            default -> 0;\n        };\n");
        for (int i = 0; i < 20; i++) {
            lookup.append("        if (a > ").append(i).append(") {\n            total += ").append(i).append(";\n        }\n");
        }
        lookup.append("        return total;\n    }\n}\n");
        TestSnapshots.write(root, "src/main/java/shop/Kinds.java", lookup.toString());

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        List<Finding> complex = result.findings().stream().filter(f -> f.rule().equals(SizeChecks.COMPLEX_METHOD)).toList();
        assertThat(complex).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("shop.Kinds#score(String, int) has cyclomatic complexity 22 counting each "
                    + "switch once (46 with every case) (limit 20); also: cognitive complexity 20 (CognitiveComplexity), "
                    + "NPath complexity 27262976 (NPathComplexity), 91 lines (oversized-method)");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Split ")).singleElement()
                .isEqualTo("Split shop.Kinds#score(String, int) (src/main/java/shop/Kinds.java:53, cyclomatic complexity 22 "
                        + "counting each switch once) into smaller methods.");
        // the published figures are PMD's CYCLO: score counts 1 + 25 cases + 20 ifs, of(String) 1 + 1 (the if) + 40 cases
        assertThat(result.metrics()).filteredOn(m -> m.name().equals("cyclomatic_max")).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(46.0));
        assertThat(result.details().get("most_complex_methods")).asList().extracting(String::valueOf)
                .anyMatch(m -> m.contains("method=shop.Kinds#of(String)") && m.contains("cyclomatic=42"));
    }
}
