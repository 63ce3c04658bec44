package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.analysis.severity.TestFramework;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Severity from the shipped table and applicability by scope, on a small Maven project with a JUnit 4 test
 * suite, run through PMD and the code-quality and security perspectives.
 */
class CalibratedFindingsTest {

    static final String SERVICE = "src/main/java/p/Service.java";
    static final String SERVICE_TEST = "src/test/java/p/ServiceTest.java";
    static final String GENERATED = "src/main/generated/p/Gen.java";
    static final String PARSER = "src/main/java/p/Parser.java";
    static final String TALLY = "src/main/java/p/Tally.java";

    @TempDir
    static Path root;
    static Snapshot snapshot;
    static PmdEngine engine;
    static PerspectiveResult quality;
    static PerspectiveResult security;

    @BeforeAll
    static void analyze() {
        TestSnapshots.write(root, "pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>p</groupId><artifactId>p</artifactId><version>1</version>
                  <dependencies>
                    <dependency>
                      <groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope>
                    </dependency>
                  </dependencies>
                </project>
                """);
        TestSnapshots.write(root, SERVICE, """
                package p;

                import java.util.Random;

                public class Service {
                    public int Do_Work(int x) {
                        try {
                            return x / 2;
                        } finally {
                            return -1;
                        }
                    }

                    public void report(int value) {
                        System.out.println(value);
                    }

                    public byte[] salt() {
                        byte[] salt = new byte[8];
                        new Random(42).nextBytes(salt);
                        return salt;
                    }
                }
                """);
        TestSnapshots.write(root, SERVICE_TEST, """
                package p;

                import java.util.Random;
                import org.junit.Before;
                import org.junit.Test;
                import static org.junit.Assert.assertEquals;

                public class ServiceTest {
                    private Service service;

                    @Before
                    public void setUp() {
                        service = new Service();
                    }

                    @Test
                    public void halves_the_input() {
                        System.out.println("halving");
                        assertEquals(-1, service.Do_Work(4));
                    }

                    @Test
                    public void saltHasEightBytes() {
                        byte[] salt = new byte[8];
                        new Random(42).nextBytes(salt);
                        assertEquals(8, salt.length);
                    }
                }
                """);
        TestSnapshots.write(root, GENERATED, """
                package p;

                import java.sql.ResultSet;
                import java.sql.SQLException;
                import java.sql.Statement;

                public class Gen {
                    private int Unused_Field;

                    public void print() {
                        System.out.println("generated");
                    }

                    public ResultSet find(Statement st, String name) throws SQLException {
                        return st.executeQuery("select * from t where name = '" + name + "'");
                    }
                }
                """);
        TestSnapshots.write(root, PARSER, """
                package p;

                public class Parser {
                    public int parse(String text, int fallback) {
                        try {
                            return Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            // not a number: the fallback stays
                        }
                        return fallback;
                    }

                    public long parseLong(String text) {
                        try {
                            return Long.parseLong(text);
                        } catch (NumberFormatException e) {
                        }
                        return 0;
                    }
                }
                """);
        // cognitive complexity: each loop and if adds one and its nesting depth (Sonar's definition)
        TestSnapshots.write(root, TALLY, """
                package p;

                public class Tally {
                    public int tally(int[][] grid) {
                        int count = 0;
                        for (int[] row : grid) {
                            for (int v : row) {
                %s            }
                        }
                        return count;
                    }

                    public int few(int[][] grid) {
                        int count = 0;
                        for (int[] row : grid) {
                            for (int v : row) {
                %s            }
                        }
                        return count;
                    }

                    public boolean deep(boolean a, boolean b, boolean c, boolean d) {
                        if (a) {
                            if (b) {
                                if (c) {
                                    if (d) {
                                        return true;
                                    }
                                }
                            }
                        }
                        return false;
                    }
                }
                """.formatted(branches(17), branches(6)));
        snapshot = TestSnapshots.of(root);
        engine = new PmdEngine(PmdRulesets.curated(), 1);
        quality = new CodeQualityPerspective(engine, new CpdRunner(100)).analyze(TestSnapshots.context(snapshot));
        security = new SecurityPerspective(engine, new SecretScanner()).analyze(TestSnapshots.context(snapshot));
    }

    /** {@code n} ifs at nesting depth two: three each. */
    private static String branches(int n) {
        StringBuilder ifs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ifs.append("                if (v == ").append(i).append(") {\n                    count += ").append(i)
                    .append(";\n                }\n");
        }
        return ifs.toString();
    }

    private static List<Finding> findings(PerspectiveResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static double metric(PerspectiveResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value)
                .findFirst().orElse(0);
    }

    @Test
    void aDefectIsHighAndANamingIssueIsLow() {
        assertThat(findings(quality, "ReturnFromFinallyBlock")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.scope()).isEqualTo(Scope.MAIN);
            assertThat(f.file()).isEqualTo(SERVICE);
        });
        // PMD's own priority for naming conventions is 1 (critical); the table caps code style at low
        assertThat(findings(quality, "MethodNamingConventions")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.line()).isEqualTo(6);
        });
    }

    @Test
    void anEmptyCatchWhoseCommentSaysWhyIsInfoAndABareOneKeepsTheTablesSeverity() {
        // PMD reports both (allowCommentedBlocks is off); Sonar's S108 skips the commented one
        assertThat(findings(quality, "EmptyCatchBlock")).extracting(Finding::line, Finding::severity).containsExactly(
                tuple(7, Severity.INFO), tuple(16, Severity.MEDIUM));
        assertThat(PmdFindings.commentedBlock("} catch (IOException e) { /* closing anyway */ }")).isTrue();
        assertThat(PmdFindings.commentedBlock("} catch (IOException e) {\n}")).isFalse();
        assertThat(PmdFindings.commentedBlock(null)).isFalse();
    }

    @Test
    void cognitiveComplexityIsHighOnlyFarOverItsThresholdAndDeepNestingIsMedium() {
        // Sonar rates both Critical; a method just over the threshold of 15 is not where a reader starts
        assertThat(findings(quality, "CognitiveComplexity")).extracting(f -> f.message().replaceAll(
                "The method '(\\w+).*complexity of (\\d+), current threshold is 15", "$1 $2"), Finding::severity)
                // the method's medium cyclomatic and NPath findings fold into its high one (SameDeclarationFindings)
                .containsExactlyInAnyOrder(tuple("tally 54; also: cyclomatic complexity 20 (complex-method), "
                                + "NPath complexity 131074 (NPathComplexity)", Severity.HIGH),
                        tuple("few 21", Severity.MEDIUM));
        assertThat(findings(quality, "AvoidDeeplyNestedIfStmts")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(TALLY);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
        // the measure is read from PMD's message as finding groups read it
        assertThat(Finding.measureOf("The method 'f()' has a cognitive complexity of 50, current "
                + "threshold is 15")).isEqualTo(PmdFindings.HIGH_COGNITIVE_COMPLEXITY);
        assertThat(Finding.measureOf("no measure")).isEqualTo(-1);
    }

    @Test
    void mainOnlyRulesStayOffTestsAndAJUnit4SuiteGetsNoWrongTestAnnotationFlood() {
        assertThat(findings(quality, "SystemPrintln")).extracting(Finding::file).containsExactly(SERVICE);
        assertThat(findings(quality, "SystemPrintln").get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(findings(quality, "WrongTestAnnotation")).isEmpty();
        // underscores in test method names are a test naming style, not a violation
        assertThat(findings(quality, "MethodNamingConventions")).extracting(Finding::file).containsExactly(SERVICE);

        PmdReport report = engine.analyze(snapshot);
        List<PmdViolation> wrongAnnotations = report.violations().stream()
                .filter(v -> v.rule().equals("WrongTestAnnotation")).toList();
        // PMD assumes JUnit Jupiter and flags every JUnit 4 annotation of the suite...
        assertThat(wrongAnnotations).hasSize(3).allMatch(v -> v.path().equals(SERVICE_TEST));
        // ...which is only reported when the build declares Jupiter alone
        assertThat(TestFramework.declaredIn(snapshot)).containsExactly(TestFramework.JUNIT4);
        assertThat(PmdFindings.of(wrongAnnotations, snapshot::scopeOf, Set.of(TestFramework.JUPITER),
                SeverityTable.shipped()).findings()).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(PmdFindings.of(wrongAnnotations, snapshot::scopeOf, Set.of(TestFramework.JUPITER, TestFramework.JUNIT4),
                SeverityTable.shipped()).findings()).isEmpty();
    }

    @Test
    void generatedCodeGetsOnlySecurityFindings() {
        assertThat(quality.findings()).noneMatch(f -> GENERATED.equals(f.file()));
        assertThat(findings(security, "SqlStringConcatenation")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(GENERATED);
            assertThat(f.scope()).isEqualTo(Scope.GENERATED);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aSeededRandomForASecretIsReportedInMainCodeButNotInTests() {
        assertThat(findings(security, "InsecureRandomForSecrets")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(SERVICE);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(engine.analyze(snapshot).violations()).anyMatch(v -> v.rule().equals("InsecureRandomForSecrets")
                && v.path().equals(SERVICE_TEST));
        assertThat(metric(security, "pmd.InsecureRandomForSecrets")).isEqualTo(1);
    }

    @Test
    void ruleCountsMatchTheReportedFindings() {
        // a PMD finding folded into another finding of its method or class is named there: "; also: .. (NPathComplexity)"
        long pmdFindings = quality.findings().stream().filter(f -> !f.rule().contains("-")).count()
                + quality.findings().stream().filter(f -> f.message().contains("; also: "))
                .mapToLong(f -> Pattern.compile("\\((\\w+)\\)").matcher(f.message().substring(f.message().indexOf("; also: ")))
                        .results().count()).sum();
        PmdReport report = engine.analyze(snapshot);
        long qualityViolations = report.violationsNotIn(PmdCategories.NOT_QUALITY).size();

        assertThat(metric(quality, "pmd_violations")).isEqualTo(pmdFindings);
        assertThat(metric(quality, "pmd_violations_out_of_scope")).isEqualTo(qualityViolations - pmdFindings).isPositive();
        assertThat(metric(quality, "pmd.SystemPrintln")).isEqualTo(1);
        assertThat(metric(quality, "pmd.WrongTestAnnotation")).isZero();
        assertThat(quality.recommendations()).anyMatch(r -> r.startsWith("Fix the ReturnFromFinallyBlock violation (Error Prone, high) at "));
    }
}
