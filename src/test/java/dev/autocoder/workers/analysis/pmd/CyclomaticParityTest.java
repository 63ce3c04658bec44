package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.JavaMethodRef;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java model lists every method and constructor PMD's own CyclomaticComplexity rule reports, with the same
 * complexity: those of anonymous classes, enum-constant bodies, local classes and nested classes included.
 */
class CyclomaticParityTest {

    private static final String FLOW = "src/main/java/com/acme/flow/Flow.java";
    private static final String SHAPES = "src/main/java/com/acme/flow/Shapes.java";
    private static final Pattern METHOD_MESSAGE =
            Pattern.compile("The (?:method|constructor) '([^(']+)\\(.*' has a cyclomatic complexity of (\\d+)\\.");

    @TempDir
    Path root;

    @Test
    void everyMethodPmdReportsIsInTheModelWithTheSameComplexity() throws Exception {
        writeFixture();

        List<String> pmd = pmdCyclomaticComplexity();
        List<JavaMethodRef> methods = JavaMethodRef.all(
                new PmdEngine(PmdRulesets.curated(), 1).analyze(TestSnapshots.of(root)).javaModel());
        List<String> ours = methods.stream()
                .map(m -> m.path() + ":" + m.method().beginLine() + " " + m.method().name() + " " + m.method().cyclomatic())
                .sorted().toList();

        assertThat(ours).isEqualTo(pmd);
        assertThat(ours).hasSize(16);
        // Names say where a method of a class without a name of its own lives.
        assertThat(methods).extracting(JavaMethodRef::displayName).contains(
                "com.acme.flow.Flow#order.<anonymous Comparator>.compare(String, String)",
                "com.acme.flow.Flow#task(List<String>).Counter.count(String)",
                "com.acme.flow.Flow#task(List<String>).Counter.Counter(int)",
                "com.acme.flow.Flow#<static initializer>.<anonymous Thread>.run()",
                "com.acme.flow.Flow.Nested#describe().<anonymous Object>.toString()",
                "com.acme.flow.Flow.Op#PLUS.apply(int, int)",
                "com.acme.flow.Flow.Op#CLAMP.apply(int, int)",
                "com.acme.flow.Flow.Op#apply(int, int)",
                "com.acme.flow.Flow#Flow(int)");
    }

    @Test
    void theComplexityMetricsCountThoseMethods() throws Exception {
        writeFixture();
        List<String> pmd = pmdCyclomaticComplexity();
        int pmdMax = pmd.stream().mapToInt(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1))).max()
                .orElseThrow();
        long pmdOver10 = pmd.stream().filter(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)) > 10)
                .count();

        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));
        Map<String, Double> metrics = result.metrics().stream()
                .collect(Collectors.toMap(Metric::name, Metric::value, (a, b) -> a));

        assertThat(metrics).containsEntry("methods", (double) pmd.size())
                .containsEntry("cyclomatic_max", (double) pmdMax)
                .containsEntry("methods_over_10", (double) pmdOver10);
        // The most complex method is the anonymous comparator's.
        assertThat(pmdOver10).isEqualTo(1);
        assertThat(pmd).contains(FLOW + ":7 compare " + pmdMax);
    }

    /** PMD's CyclomaticComplexity rule alone, reporting every method: "path:line name complexity", sorted. */
    private List<String> pmdCyclomaticComplexity() throws Exception {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageVersionById("java", "17"));
        configuration.setClassLoader(ClassLoader.getPlatformClassLoader());
        configuration.setIgnoreIncrementalAnalysis(true);
        configuration.setThreads(1);
        try (PmdAnalysis analysis = PmdAnalysis.create(configuration)) {
            RuleSet ruleSet = analysis.newRuleSetLoader().loadFromResource("category/java/design.xml/CyclomaticComplexity");
            Rule rule = ruleSet.getRules().iterator().next();
            setInt(rule, "methodReportLevel", 1);
            analysis.addRuleSet(ruleSet);
            analysis.files().addDirectory(root);
            Report report = analysis.performAnalysisAndCollectReport();
            assertThat(report.getProcessingErrors()).isEmpty();
            return report.getViolations().stream()
                    .map(v -> {
                        Matcher matcher = METHOD_MESSAGE.matcher(v.getDescription());
                        return matcher.matches() ? line(v, matcher) : null;
                    })
                    .filter(java.util.Objects::nonNull)
                    .sorted().toList();
        }
    }

    private String line(RuleViolation violation, Matcher matcher) {
        String path = root.relativize(Path.of(violation.getFileId().getAbsolutePath())).toString().replace('\\', '/');
        return path + ":" + violation.getBeginLine() + " " + matcher.group(1) + " " + matcher.group(2);
    }

    @SuppressWarnings("unchecked")
    private static void setInt(Rule rule, String name, int value) {
        PropertyDescriptor<Integer> descriptor = (PropertyDescriptor<Integer>) rule.getPropertyDescriptor(name);
        rule.setProperty(descriptor, value);
    }

    /** Every method header on one line with its name, so PMD's report line is the method's first line. */
    private void writeFixture() {
        TestSnapshots.write(root, FLOW, """
                package com.acme.flow;

                import java.util.*;

                public class Flow {
                    private final Comparator<String> order = new Comparator<>() {
                        @Override public int compare(String a, String b) {
                            if (a == null && b == null) {
                                return 0;
                            } else if (a == null || b.isEmpty()) {
                                return -1;
                            } else if (b == null || a.isEmpty()) {
                                return 1;
                            }
                            for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
                                if (a.charAt(i) != b.charAt(i)) {
                                    return a.charAt(i) < b.charAt(i) ? -1 : 1;
                                }
                            }
                            while (a.length() > 100 && b.length() > 100) {
                                return 0;
                            }
                            return a.length() == b.length() ? 0 : (a.length() < b.length() ? -1 : 1);
                        }
                    };

                    static {
                        new Thread() {
                            @Override public void run() {
                                if (System.nanoTime() % 2 == 0) {
                                    System.out.println("even");
                                }
                            }
                        }.start();
                    }

                    public Flow(int size) {
                        if (size < 0) {
                            throw new IllegalArgumentException("size");
                        }
                    }

                    Runnable task(List<String> items) {
                        class Counter {
                            private final int limit;
                            Counter(int limit) { this.limit = limit; }
                            int count(String s) {
                                int n = 0;
                                for (char c : s.toCharArray()) {
                                    if (c == 'a' || c == 'b') {
                                        n++;
                                    }
                                }
                                return Math.min(n, limit);
                            }
                        }
                        Counter counter = new Counter(3);
                        return () -> {
                            for (String item : items) {
                                if (counter.count(item) > 2 && !item.isBlank()) {
                                    System.out.println(item);
                                }
                            }
                        };
                    }

                    static class Nested {
                        Nested() {
                        }
                        boolean check(int x) {
                            return x > 0 && x < 10;
                        }
                        Object describe() {
                            return new Object() {
                                @Override public String toString() {
                                    return check(3) ? "small" : "large";
                                }
                            };
                        }
                    }

                    enum Op {
                        PLUS {
                            int apply(int a, int b) {
                                return a + b;
                            }
                        },
                        CLAMP {
                            int apply(int a, int b) {
                                if (a > b) {
                                    return b;
                                }
                                return a < 0 ? 0 : a;
                            }
                        };
                        abstract int apply(int a, int b);
                    }
                }
                """);
        TestSnapshots.write(root, SHAPES, """
                package com.acme.flow;

                interface Shapes {
                    double area();
                    default String size() {
                        return area() > 1 ? "big" : "small";
                    }
                    record Point(int x, int y) {
                        Point {
                            if (x < 0 || y < 0) {
                                throw new IllegalArgumentException();
                            }
                        }
                        int sum() {
                            return x + y;
                        }
                    }
                }
                """);
    }
}
