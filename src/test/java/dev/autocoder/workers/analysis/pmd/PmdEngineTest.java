package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.repository.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PmdEngineTest {

    @TempDir
    Path root;

    @Test
    void secondRunReusesEverythingAndAOneFileChangeAnalyzesOneFile() {
        PmdFixtures.writeShop(root);
        PmdEngine engine = new PmdEngine(PmdRulesets.curated(), 2);

        PmdReport first = engine.analyze(TestSnapshots.of(root));
        // Five text Java files (the unparseable one included: its parse error is cached too); the binary is skipped.
        assertThat(first.filesAnalyzed()).isEqualTo(5);
        assertThat(first.filesFromCache()).isZero();
        assertThat(first.skippedFiles()).containsExactly(new SkippedFile(PmdFixtures.BINARY, "binary file; not parsed"));

        PmdReport second = engine.analyze(TestSnapshots.of(root));
        assertThat(second.filesAnalyzed()).isZero();
        assertThat(second.filesFromCache()).isEqualTo(5);
        assertThat(second.violations()).isEqualTo(first.violations());
        assertThat(second.processingErrors()).isEqualTo(first.processingErrors());
        assertThat(second.javaModel().files()).isEqualTo(first.javaModel().files());

        TestSnapshots.write(root, PmdFixtures.REGISTRY, "package com.acme.shop;\n\npublic class Registry {\n}\n");
        PmdReport third = engine.analyze(TestSnapshots.of(root));
        assertThat(third.filesAnalyzed()).isEqualTo(1);
        assertThat(third.filesFromCache()).isEqualTo(4);
        assertThat(third.violations()).noneMatch(v -> v.path().equals(PmdFixtures.REGISTRY) && v.beginLine() > 4);
        assertThat(third.javaModel().byPath().get(PmdFixtures.REGISTRY).types().get(0).methods()).isEmpty();
    }

    @Test
    void sameContentAtTwoPathsIsAnalyzedOnceAndReportedAtBoth() {
        String code = "package p;\n\nclass A {\n    void m() {\n        try {\n            m();\n        } catch (RuntimeException e) {\n        }\n    }\n}\n";
        TestSnapshots.write(root, "src/main/java/p/A.java", code);
        TestSnapshots.write(root, "src/test/java/p/A.java", code);
        PmdReport report = new PmdEngine(PmdRulesets.curated(), 1).analyze(TestSnapshots.of(root));

        assertThat(report.violations()).filteredOn(v -> v.rule().equals("EmptyCatchBlock"))
                .extracting(PmdViolation::path, PmdViolation::beginLine, PmdViolation::endLine, PmdViolation::ruleSet,
                        PmdViolation::priority)
                .containsExactly(tuple("src/main/java/p/A.java", 7, 8, "Error Prone", 3),
                        tuple("src/test/java/p/A.java", 7, 8, "Error Prone", 3));
        // Same content, but only the copy under src/test/ is test code.
        assertThat(report.javaModel().byPath().get("src/main/java/p/A.java").types().get(0).isTest()).isFalse();
        assertThat(report.javaModel().byPath().get("src/test/java/p/A.java").types().get(0).isTest()).isTrue();
    }

    @Test
    void violationsCarryTheirSourceAsSnippetAndNeverTheCollectorRule() {
        PmdFixtures.writeShop(root);
        PmdReport report = new PmdEngine(PmdRulesets.curated(), 2).analyze(TestSnapshots.of(root));

        PmdViolation emptyCatch = report.violations().stream()
                .filter(v -> v.rule().equals("EmptyCatchBlock")).findFirst().orElseThrow();
        assertThat(emptyCatch.path()).isEqualTo(PmdFixtures.ORDER_SERVICE);
        assertThat(emptyCatch.beginLine()).isEqualTo(PmdFixtures.EMPTY_CATCH_LINE);
        assertThat(emptyCatch.snippet()).isEqualTo("        } catch (NumberFormatException e) {\n        }\n");
        assertThat(report.violations()).noneMatch(v -> v.rule().equals(JavaModelCollectorRule.NAME));
        assertThat(report.ruleset()).isEqualTo("Autocoder Java");
    }

    @Test
    void unparseableFilesAreReportedWithPmdsMessage() {
        PmdFixtures.writeShop(root);
        Snapshot snapshot = TestSnapshots.of(root);
        PmdReport report = new PmdEngine(PmdRulesets.curated(), 2).analyze(snapshot);

        assertThat(report.processingErrors()).containsExactly(new PmdProcessingError(PmdFixtures.BROKEN,
                "ParseException: Parse exception at line 4, column 13: Encountered \"{\".", true));
        JavaFileModel broken = report.javaModel().byPath().get(PmdFixtures.BROKEN);
        assertThat(broken.parsed()).isFalse();
        assertThat(broken.parseError()).isEqualTo(report.processingErrors().get(0).message());
    }

    @Test
    void methodsWithNestedLoops() {
        TestSnapshots.write(root, "src/main/java/p/Grid.java", """
                package p;

                class Grid {
                    int flat(int[] a) {
                        int s = 0;
                        for (int x : a) {
                            s += x;
                        }
                        for (int x : a) {
                            s -= x;
                        }
                        return s;
                    }

                    int square(int[][] g) {
                        int s = 0;
                        for (int[] row : g) {
                            for (int x : row) {
                                s += x;
                            }
                        }
                        return s;
                    }

                    void cube(int n) {
                        for (int i = 0; i < n; i++) {
                            do {
                                java.util.stream.IntStream.range(0, n).forEach(j -> {
                                    while (j-- > 0) {
                                        n++;
                                    }
                                });
                            } while (n < 0);
                        }
                    }

                    int pairs(int[] a, int[] b) {
                        int s = 0;
                        for (int x : a) {
                            for (int y : b) {
                                s += x * y;
                            }
                        }
                        for (int i = 0; i < a.length; i++) {
                            for (int j = 0; j < i; j++) {
                                s += a[i] * a[j];
                            }
                        }
                        return s;
                    }

                    int perEntry(java.util.Map<String, java.util.List<int[]>> m) {
                        int s = 0;
                        for (java.util.Map.Entry<String, java.util.List<int[]>> e : m.entrySet()) {
                            java.util.List<int[]> rows = e.getValue();
                            for (int[] row : rows) {
                                for (int i = 0; i < row.length; i++) {
                                    s += row[i];
                                }
                            }
                        }
                        return s;
                    }
                }
                """);
        PmdReport report = new PmdEngine(PmdRulesets.curated(), 1).analyze(TestSnapshots.of(root));

        // the rows of a grid, the lists of a map's entries and a row's cells are walked once each: no factor
        assertThat(report.loopNesting()).containsExactly(
                new LoopNesting("src/main/java/p/Grid.java", "p.Grid", "square(int[][])", 15, 23, 2, 1),
                new LoopNesting("src/main/java/p/Grid.java", "p.Grid", "cube(int)", 25, 35, 3, 3),
                new LoopNesting("src/main/java/p/Grid.java", "p.Grid", "pairs(int[], int[])", 37, 50, 2, 2),
                new LoopNesting("src/main/java/p/Grid.java", "p.Grid", "perEntry(java.util.Map<String, java.util.List<int[]>>)", 52, 63, 3, 1));
    }
}
