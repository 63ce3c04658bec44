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
 * Camel's {@code SimpleFunctionExpression#createCodeExpressionMisc} was high twice on the first screen, as
 * complex-method (cyclomatic 333) and CognitiveComplexity (546), and medium twice more (NPathComplexity,
 * oversized-method): one method, one remedy, four lines. Each method's and each class's size and complexity
 * findings fold into the most severe one, which names the others' measures.
 */
class SameDeclarationFindingsTest {

    @TempDir
    Path root;

    @Test
    void aMethodsSizeAndComplexityFindingsAreOneFindingThatStatesEveryMeasure() {
        StringBuilder source = new StringBuilder("package shop;\n\npublic class Pricing {\n");
        for (int i = 0; i < 16; i++) {
            source.append("    private int rate").append(i).append(";\n");
        }
        source.append("\n    @Deprecated\n    public int rate(int a) {\n        int total = 0;\n");
        for (int i = 0; i < 55; i++) {
            source.append("        if (a > ").append(i).append(") {\n            total += rate").append(i % 16)
                    .append(";\n        }\n");
        }
        source.append("        return total;\n    }\n\n    public int sum(int a) {\n        int total = a;\n");
        for (int i = 0; i < 90; i++) {
            source.append("        total += ").append(i).append(";\n");
        }
        source.append("        return total;\n    }\n");
        source.append("\n".repeat(300)).append("}\n");
        TestSnapshots.write(root, "src/main/java/shop/Pricing.java", source.toString());

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        // rate(int): our cyclomatic measure stays (high, as is CognitiveComplexity: ties go to the one the advice names)
        List<Finding> rate = result.findings().stream().filter(f -> f.line() != null && f.line() >= 21 && f.line() <= 22)
                .toList();
        assertThat(rate).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(SizeChecks.COMPLEX_METHOD);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).matches("shop\\.Pricing#rate\\(int\\) has cyclomatic complexity 56 \\(limit 20\\); "
                    + "also: cognitive complexity 55 \\(CognitiveComplexity\\), NPath complexity \\d+ \\(NPathComplexity\\), "
                    + "170 lines \\(oversized-method\\)");
            assertThat(f.measure()).isEqualTo(56);
        });
        // sum(int) is only long: its one finding stays as it was
        assertThat(result.findings()).filteredOn(f -> f.message().startsWith("shop.Pricing#sum(int)")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("shop.Pricing#sum(int) has 94 lines (limit 80)"));
        // the class: its size and its fields, one finding
        assertThat(result.findings()).filteredOn(f -> f.rule().equals(SizeChecks.OVERSIZED_CLASS)).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("(limit 500); also: too many fields (TooManyFields)"));
        assertThat(result.findings()).noneMatch(f -> List.of("CognitiveComplexity", "NPathComplexity",
                "TooManyFields").contains(f.rule()));
        // the linters' counts stay theirs
        assertThat(result.metrics()).extracting(m -> m.name() + "=" + m.value())
                .contains("pmd.CognitiveComplexity=1.0", "pmd.NPathComplexity=1.0", "pmd.TooManyFields=1.0",
                        "complex_methods=1.0", "oversized_methods=2.0", "same_declaration_findings_folded=4.0");
    }
}
