package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.autocoder.workers.analysis.coverage.CoverageReportReadersTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which coverage reports count: a real billing project (parsed by the real Java model) whose test resources hold
 * the shop fixture report (classes that do not exist here, 50.9% line coverage) must never show that report's
 * numbers; its own report under target/site/jacoco counts over main code only; a report of other code is ignored
 * with the share of its classes that resolved.
 */
class TestCoverageReportSelectionTest {

    private static final String BILLING = "src/main/java/com/example/billing/";
    private static final String FIXTURE_REPORT = "src/test/resources/coverage/jacoco.xml";
    private static final String FIXTURE_REASON = "test resources/fixture (src/test/resources/coverage/ is fixture scope)";

    /** One engine for all tests: its parse cache keeps the identical sources from being parsed again. */
    private static final JavaModelProvider JAVA_MODEL =
            new PmdJavaModelProvider(new PmdEngine(PmdRulesets.curated(), 1));

    @TempDir
    Path root;

    @BeforeEach
    void billingProject() throws Exception {
        Fixtures.write(root, "pom.xml", """
                <project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>
                <artifactId>billing</artifactId><version>1</version></project>
                """);
        Fixtures.write(root, BILLING + "Invoice.java", """
                package com.example.billing;

                public class Invoice {
                    private long cents;

                    public void add(long amount) {
                        if (amount < 0) {
                            throw new IllegalArgumentException("negative");
                        }
                        cents += amount;
                    }

                    public long total() {
                        return cents;
                    }
                }
                """);
        Fixtures.write(root, BILLING + "Billing.java", """
                package com.example.billing;

                public class Billing {
                    public Invoice open(String customer) {
                        if (customer == null || customer.isBlank()) {
                            return null;
                        }
                        return new Invoice();
                    }
                }
                """);
        Fixtures.write(root, BILLING + "TaxRules.java", """
                package com.example.billing;

                public class TaxRules {
                    public long tax(long cents) {
                        return cents / 5;
                    }
                }
                """);
        Fixtures.write(root, BILLING + "generated/InvoiceMapperImpl.java", """
                package com.example.billing.generated;

                @javax.annotation.processing.Generated("org.mapstruct.ap.MappingProcessor")
                public class InvoiceMapperImpl {
                    public String map(Object invoice) {
                        return invoice == null ? null : invoice.toString();
                    }
                }
                """);
        Fixtures.write(root, "src/test/java/com/example/billing/InvoiceTest.java", """
                package com.example.billing;

                import org.junit.jupiter.api.Test;

                class InvoiceTest {
                    @Test
                    void addsUp() {
                        Invoice invoice = new Invoice();
                        invoice.add(5);
                    }
                }
                """);
        Fixtures.write(root, FIXTURE_REPORT, resource("jacoco.xml"));
    }

    private PerspectiveResult analyze() {
        return new TestCoveragePerspective(JAVA_MODEL, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));
    }

    @Test
    void fixtureReportInTestResourcesIsIgnoredAndTheRowFallsBackToTestMapping() {
        PerspectiveResult result = analyze();

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.details()).containsEntry("method", "test-mapping");
        assertThat(listOfMaps(result.details().get("reports_ignored")))
                .extracting(r -> r.get("path"), r -> r.get("format"), r -> r.get("reason"), r -> r.get("resolved_share"))
                .containsExactly(tuple(FIXTURE_REPORT, "jacoco", FIXTURE_REASON, null));
        assertThat(result.reason()).isEqualTo("No coverage report was used: 1 coverage report ignored: "
                + FIXTURE_REPORT + " (" + FIXTURE_REASON + "). Churn unavailable (no git history): untested classes"
                + " are ranked by complexity alone.");
        assertThat(result.summary()).startsWith("No coverage report measures this repository's main code, so test"
                + " classes were matched to classes by name (test-mapping): 1 of 3 classes has a test class")
                .contains("1 coverage report ignored: " + FIXTURE_REPORT);
        assertThat(metrics(result)).doesNotContainKey("line_coverage").containsEntry("coverage_reports", 0.0)
                .containsEntry("coverage_reports_ignored", 1.0).containsEntry("test_classes", 1.0);
        // The fixture's 50.9% (27 of 53 lines) appears nowhere in the row.
        assertThat(result.toString()).doesNotContain("50.9%").doesNotContain("27 of 53");
        // Main classes by scope: the generated mapper is no source class, InvoiceTest the only test class.
        assertThat(listOfMaps(result.details().get("mapping")))
                .extracting(m -> m.get("class"), m -> m.get("tests"))
                .containsExactly(
                        tuple("com.example.billing.Billing", List.of()),
                        tuple("com.example.billing.Invoice", List.of("com.example.billing.InvoiceTest")),
                        tuple("com.example.billing.TaxRules", List.of()));
    }

    @Test
    void ownReportUnderTargetIsUsedOverMainCodeAndNamedWithTheIgnoredFixture() {
        // Four of the five classes exist; the mapper is generated code, Legacy was deleted since the build.
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
                <report name="billing">
                  <package name="com/example/billing">
                    <class name="com/example/billing/Invoice" sourcefilename="Invoice.java">
                      <counter type="LINE" missed="1" covered="5"/><counter type="BRANCH" missed="1" covered="1"/>
                    </class>
                    <class name="com/example/billing/Billing" sourcefilename="Billing.java">
                      <counter type="LINE" missed="3" covered="1"/><counter type="BRANCH" missed="4" covered="0"/>
                    </class>
                    <class name="com/example/billing/TaxRules" sourcefilename="TaxRules.java">
                      <counter type="LINE" missed="0" covered="2"/>
                    </class>
                    <class name="com/example/billing/Legacy" sourcefilename="Legacy.java">
                      <counter type="LINE" missed="40" covered="0"/>
                    </class>
                  </package>
                  <package name="com/example/billing/generated">
                    <class name="com/example/billing/generated/InvoiceMapperImpl" sourcefilename="InvoiceMapperImpl.java">
                      <counter type="LINE" missed="30" covered="0"/><counter type="BRANCH" missed="2" covered="0"/>
                    </class>
                  </package>
                </report>
                """);

        PerspectiveResult result = analyze();

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).isNull();
        // Main code only: 5 + 1 + 2 = 8 of 12 lines, 1 of 6 branches; generated and missing classes left out.
        assertThat(result.summary()).isEqualTo("Line coverage 66.7% (8 of 12 lines), branch coverage 16.7% (1 of 6"
                + " branches) by coverage-report (jacoco) from target/site/jacoco/jacoco.xml; 1 of 3 classes below"
                + " 50.0%. Most missed lines: com.example.billing.Billing (3 missed, 25.0%). Left out as not main"
                + " code: 1 generated, 1 not in the repository. 1 coverage report ignored: " + FIXTURE_REPORT + " ("
                + FIXTURE_REASON + ").");
        assertThat(metrics(result)).containsEntry("line_coverage", 8.0 / 12).containsEntry("coverage_reports", 1.0)
                .containsEntry("coverage_reports_ignored", 1.0).containsEntry("classes_total", 3.0)
                .containsEntry("classes_left_out", 2.0);
        assertThat(result.qualityScore()).isEqualTo(0.75 * (8.0 / 12) + 0.25 * (1.0 / 6));
        // Share: 3 main classes of the 4 that are not this repository's own generated or test code.
        assertThat(listOfMaps(result.details().get("reports_used")))
                .extracting(r -> r.get("path"), r -> r.get("format"), r -> r.get("resolved_share"), r -> r.get("classes"),
                        r -> r.get("classes_main"), r -> r.get("line_coverage"))
                .containsExactly(tuple("target/site/jacoco/jacoco.xml", "jacoco", 0.75, 5, 3, 8.0 / 12));
        assertThat(listOfMaps(result.details().get("reports_ignored"))).extracting(r -> r.get("path"), r -> r.get("reason"))
                .containsExactly(tuple(FIXTURE_REPORT, FIXTURE_REASON));
        assertThat(result.details().get("classes_left_out"))
                .isEqualTo(Map.of("generated", 1L, "not in the repository", 1L));
        assertThat(result.findings()).extracting(Finding::file, Finding::line)
                .containsExactly(tuple(BILLING + "Billing.java", 3));
        assertThat(result.toString()).doesNotContain("50.9%");
    }

    @Test
    void reportOfOtherCodeOutsideTestResourcesIsIgnoredWithTheShareThatResolved() {
        Fixtures.write(root, "tools/bench/target/site/jacoco/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <report name="bench">
                  <package name="com/example/billing">
                    <class name="com/example/billing/Invoice" sourcefilename="Invoice.java">
                      <counter type="LINE" missed="0" covered="6"/>
                    </class>
                  </package>
                  <package name="org/bench">
                    <class name="org/bench/Runner" sourcefilename="Runner.java"><counter type="LINE" missed="2" covered="9"/></class>
                    <class name="org/bench/Results" sourcefilename="Results.java"><counter type="LINE" missed="1" covered="3"/></class>
                  </package>
                </report>
                """);

        PerspectiveResult result = analyze();

        String otherReason = "describes other code: 1 of 3 classes resolves to main sources of this repository"
                + " (33.3%, more than 50.0% needed)";
        assertThat(result.details()).containsEntry("method", "test-mapping");
        assertThat(listOfMaps(result.details().get("reports_ignored")))
                .extracting(r -> r.get("path"), r -> r.get("reason"), r -> r.get("resolved_share"))
                .containsExactly(tuple(FIXTURE_REPORT, FIXTURE_REASON, null),
                        tuple("tools/bench/target/site/jacoco/jacoco.xml", otherReason, 1.0 / 3));
        assertThat(result.reason()).startsWith("No coverage report was used: 2 coverage reports ignored: "
                + FIXTURE_REPORT + " (" + FIXTURE_REASON + "), tools/bench/target/site/jacoco/jacoco.xml ("
                + otherReason + ").");
        assertThat(metrics(result)).doesNotContainKey("line_coverage").containsEntry("coverage_reports_ignored", 2.0);
        // The bench report covers 18 of 21 lines (85.7%); the row shows no such number.
        assertThat(result.toString()).doesNotContain("85.7%").doesNotContain("18 of 21");
    }

    @Test
    void gradleReportInItsTestFolderIsBuildOutputAndUsed() {
        Fixtures.write(root, "build/reports/jacoco/test/jacocoTestReport.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <report name="billing">
                  <package name="com/example/billing">
                    <class name="com/example/billing/Invoice" sourcefilename="Invoice.java">
                      <counter type="LINE" missed="2" covered="4"/>
                    </class>
                  </package>
                </report>
                """);

        PerspectiveResult result = analyze();

        assertThat(result.details()).containsEntry("method", "coverage-report (jacoco)");
        assertThat(listOfMaps(result.details().get("reports_used"))).extracting(r -> r.get("path"), r -> r.get("resolved_share"))
                .containsExactly(tuple("build/reports/jacoco/test/jacocoTestReport.xml", 1.0));
        assertThat(metrics(result)).containsEntry("line_coverage", 4.0 / 6);
    }

    @Test
    void testFilesMeasuredByCoveragePyNeitherCountAsUncoveredMainCodeNorAgainstTheShare() throws Exception {
        Path python = root.resolve("py");
        Fixtures.writeLines(python, "inventory/stock.py", "def reserve(item):", 10);
        Fixtures.writeLines(python, "inventory/orders.py", "def place(order):", 8);
        Fixtures.writeLines(python, "tests/test_stock.py", "def test_reserve():", 12);
        Fixtures.write(python, "coverage.xml", """
                <?xml version="1.0" ?>
                <coverage version="7.4.0" line-rate="0.5" branch-rate="0" lines-valid="16" lines-covered="8">
                  <sources><source>/home/ci/py</source></sources>
                  <packages>
                    <package name="inventory">
                      <classes>
                        <class name="stock.py" filename="inventory/stock.py">
                          <methods/>
                          <lines><line number="1" hits="1"/><line number="2" hits="1"/><line number="3" hits="0"/></lines>
                        </class>
                        <class name="orders.py" filename="inventory/orders.py">
                          <methods/>
                          <lines><line number="1" hits="1"/><line number="2" hits="0"/><line number="3" hits="0"/></lines>
                        </class>
                      </classes>
                    </package>
                    <package name="tests">
                      <classes>
                        <class name="test_stock.py" filename="tests/test_stock.py">
                          <methods/>
                          <lines><line number="1" hits="1"/><line number="2" hits="1"/><line number="3" hits="1"/></lines>
                        </class>
                      </classes>
                    </package>
                  </packages>
                </coverage>
                """);

        PerspectiveResult result = new TestCoveragePerspective(snapshot -> {
            throw new AssertionError("no Java, so no Java model is needed");
        }, snapshot -> Optional.empty(), new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(python, false)));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.summary()).startsWith("Line coverage 50.0% (3 of 6 lines) by coverage-report (cobertura)"
                + " from coverage.xml; 1 of 2 classes below 50.0%.").endsWith(" Left out as not main code: 1 test.");
        assertThat(listOfMaps(result.details().get("reports_used"))).extracting(r -> r.get("resolved_share"))
                .containsExactly(1.0);
        assertThat(result.findings()).extracting(Finding::file).containsExactly("inventory/orders.py");
    }

    private static Map<String, Double> metrics(PerspectiveResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric m : result.metrics()) {
            metrics.put(m.name(), m.value());
        }
        return metrics;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
