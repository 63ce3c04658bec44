package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.python.RuffCli;
import dev.autocoder.workers.python.RuffEngine;
import dev.autocoder.workers.pythonmodel.PythonModelProvider;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recommendations a senior engineer would act on: a rule's starts where the findings table does (at its largest case,
 * not its first file's), and no extraction is advised for what the language requires written twice.
 */
class RecommendationPlacesTest {

    @TempDir
    Path root;

    @Test
    void aComplexityRecommendationStartsWithTheMostComplexFunction() {
        TestSnapshots.write(root, "lib/a_first.py", branches("slightly_tangled", 11));
        TestSnapshots.write(root, "lib/b_second.py", branches("very_tangled", 20));

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Fix the 2 C901 findings")).singleElement()
                .satisfies(r -> assertThat(r).contains("starting with lib/b_second.py:1: `very_tangled` is too complex (21 > 10)"));
    }

    @Test
    void aLikelyDefectIsRecommendedBeforeMoreMaintainabilityAdviceOfTheSameSeverity() {
        // rich: "Fix the 34 C901 findings" came first, before six lru_cache leaks the findings table lists first
        TestSnapshots.write(root, "lib/tangled.py", branches("first_tangle", 12) + "\n\n" + branches("second_tangle", 13)
                + "\n\n" + branches("third_tangle", 14));
        TestSnapshots.write(root, "lib/cache.py", "import functools\n\n\nclass Palette:\n"
                + "    @functools.lru_cache(maxsize=None)\n    def colour(self, number):\n        return number * 2\n");

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("C901")).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("B019")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Fix the ")).first().asString()
                .startsWith("Fix the B019 finding (ruff, Bugbear, medium) at lib/cache.py:5");
    }

    @Test
    void overloadSignaturesThatTypingRequiresAreInfoAndNotAdvisedForExtraction() {
        String parameters = """
                    buffering: int = -1,
                    encoding: Optional[str] = None,
                    errors: Optional[str] = None,
                    newline: Optional[str] = None,
                    *,
                    total: Optional[int] = None,
                    description: str = "Reading...",
                    auto_refresh: bool = True,
                    transient: bool = False,
                    refresh_per_second: float = 10,
                    style: str = "bar.back",
                    complete_style: str = "bar.complete",
                    finished_style: str = "bar.finished",
                    disable: bool = False,
                """;
        TestSnapshots.write(root, "lib/reading.py", "from typing import Literal, Optional, Union, overload\n\n\n"
                + "@overload\ndef open_file(\n    file: Union[str, bytes],\n    mode: Literal[\"rt\"],\n" + parameters + ") -> str:\n    ...\n\n\n"
                + "@overload\ndef open_file(\n    file: Union[str, bytes],\n    mode: Literal[\"rb\"],\n" + parameters + ") -> bytes:\n    ...\n\n\n"
                + "def open_file(\n    file: Union[str, bytes],\n    mode: str = \"r\",\n" + parameters + "):\n    return (mode, file, buffering, encoding)\n");
        writeTwoOrderTotals();

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(50),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60)), new PythonModelProvider("python3", Duration.ofSeconds(10)))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        List<Finding> duplicates = result.findings().stream().filter(f -> f.rule().equals("duplicate-code")).toList();
        assertThat(duplicates).filteredOn(f -> f.file().equals("lib/reading.py")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("(@typing.overload signatures, which typing requires to repeat)");
        });
        assertThat(duplicates).filteredOn(f -> f.file().equals("lib/orders.py")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Extract the ")).singleElement()
                .satisfies(r -> assertThat(r).contains("lib/orders.py:").doesNotContain("reading.py"));
        // CPD's figure is CPD's: the overload lines still count as duplicated
        assertThat(result.metrics()).filteredOn(m -> m.name().equals("duplicate_blocks")).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(1.0 + duplicates.stream().filter(f -> f.file().equals("lib/reading.py")).count()));
    }

    /** chardet's character-to-order map per encoding share their first 130 entries: data, nothing to extract. */
    @Test
    void tablesOfConstantsAreDataAndNotAdvisedForExtraction() {
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            table.append("    ").append(i).append(": ").append(i < 32 ? 255 : 250 - i).append(",  # '\\x").append(i).append("'\n");
        }
        TestSnapshots.write(root, "lib/latin.py", "# 255: control characters\n\nLATIN_CHAR_TO_ORDER = {\n" + table
                + "}\n\n# the second table\nLATIN_ORDER_NAMES = (\"a\", \"b\")\n");
        TestSnapshots.write(root, "lib/cyrillic.py", "# 255: control characters\n\nCYRILLIC_CHAR_TO_ORDER = {\n" + table
                + "    200: 1,\n}\n");
        writeTwoOrderTotals();

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(50),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60)), new PythonModelProvider("python3", Duration.ofSeconds(10)))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        List<Finding> duplicates = result.findings().stream().filter(f -> f.rule().equals("duplicate-code")).toList();
        assertThat(duplicates).filteredOn(f -> !f.file().equals("lib/orders.py")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("(tables of constants written out: data, not logic to extract)");
        });
        assertThat(duplicates).filteredOn(f -> f.file().equals("lib/orders.py")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Extract the ")).singleElement()
                .satisfies(r -> assertThat(r).contains("lib/orders.py:").doesNotContain("latin.py"));
    }

    @Test
    void interfacesRedeclaringMethodsToDocumentThemAreInfoAndNotAdvisedForExtraction() {
        StringBuilder declarations = new StringBuilder();
        for (String name : List.of("nodes", "edges", "successors", "predecessors", "adjacentNodes", "incidentEdges",
                "inbound", "outbound")) {
            declarations.append("    /** The ").append(name).append(" of this graph, as the subtype defines them. */\n")
                    .append("    @Override\n    java.util.Set<N> ").append(name).append("(N node, int depth, boolean sorted);\n\n");
        }
        TestSnapshots.write(root, "src/main/java/g/BaseGraph.java", "package g;\n\npublic interface BaseGraph<N> {\n"
                + declarations.toString().replace("    @Override\n", "") + "}\n");
        TestSnapshots.write(root, "src/main/java/g/Graph.java", "package g;\n\npublic interface Graph<N> extends BaseGraph<N> {\n" + declarations + "}\n");
        TestSnapshots.write(root, "src/main/java/g/ValueGraph.java", "package g;\n\npublic interface ValueGraph<N> extends BaseGraph<N> {\n"
                + declarations + "}\n");
        // the same body in two classes is a duplicate worth extracting
        String body = """
                        int total = 0;
                        for (int item : items) {
                            if (item > 10) {
                                total += item * 2;
                            } else if (item > 5) {
                                total += item + 3;
                            } else {
                                total -= item;
                            }
                        }
                        return total + items.length;
                    }
                }
                """;
        TestSnapshots.write(root, "src/main/java/g/Orders.java", "package g;\n\nclass Orders {\n    int total(int[] items) {\n" + body);
        TestSnapshots.write(root, "src/main/java/g/Baskets.java", "package g;\n\nclass Baskets {\n    int sum(int[] items) {\n" + body);

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(50))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        List<Finding> duplicates = result.findings().stream().filter(f -> f.rule().equals("duplicate-code")).toList();
        assertThat(duplicates).filteredOn(f -> f.file().contains("Graph")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("(interface method declarations without bodies, redeclared to document them)");
        });
        assertThat(duplicates).filteredOn(f -> f.file().endsWith("Baskets.java") || f.file().endsWith("Orders.java"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(result.recommendations()).filteredOn(r -> r.startsWith("Extract the ")).singleElement()
                .satisfies(r -> assertThat(r).contains("Baskets.java").contains("Orders.java").doesNotContain("Graph"));
    }

    @Test
    void aRepositoryInNeitherJavaNorPythonIsAdvisedOnItsDuplicatesAlone() {
        String body = """
                  let total = 0;
                  for (const item of items) {
                    if (item.kind === "book") {
                      total += item.price * item.quantity;
                    } else if (item.kind === "food") {
                      total += item.price * item.quantity * 0.9;
                    } else {
                      total += item.price;
                    }
                  }
                  const shipping = total < 50 ? 5 : 0;
                  const tax = total * 0.2;
                  return Math.round((total + shipping + tax) * 100) / 100;
                }
                """;
        TestSnapshots.write(root, "web/orders.js", "function orderTotal(items) {\n" + body + "\nfunction basketTotal(items) {\n" + body);

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(50),
                new RuffEngine(RuffCli.path(), Duration.ofSeconds(60))).analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.reason()).endsWith("duplication only");
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("duplicate-code");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.file()).isEqualTo("web/orders.js");
        });
        assertThat(result.recommendations()).singleElement()
                .satisfies(r -> assertThat(r).startsWith("Extract the ").contains("web/orders.js:"));
    }

    /** A function with {@code ifs} independent branches: complexity ifs + 1. */
    private static String branches(String name, int ifs) {
        StringBuilder code = new StringBuilder("def " + name + "(x):\n    total = 0\n");
        for (int i = 0; i < ifs; i++) {
            code.append("    if x == ").append(i).append(":\n        total += ").append(i).append("\n");
        }
        return code.append("    return total\n").toString();
    }

    /** The same lines in two plain Python functions: a duplicate worth extracting. */
    private void writeTwoOrderTotals() {
        String body = """
                    total = 0
                    for item in items:
                        if item.kind == "book":
                            total += item.price * item.quantity
                        elif item.kind == "food":
                            total += item.price * item.quantity * 0.9
                        else:
                            total += item.price
                    shipping = 5 if total < 50 else 0
                    tax = total * 0.2
                    return round(total + shipping + tax, 2)
                """;
        TestSnapshots.write(root, "lib/orders.py", "def order_total(items):\n" + body + "\n\ndef basket_total(items):\n" + body);
    }
}
