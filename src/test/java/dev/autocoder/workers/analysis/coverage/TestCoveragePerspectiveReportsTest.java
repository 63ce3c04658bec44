package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.ChurnProvider;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
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
import static dev.autocoder.workers.analysis.coverage.Fixtures.file;
import static dev.autocoder.workers.analysis.coverage.Fixtures.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TestCoveragePerspectiveReportsTest {

    private static final String CART = "src/main/java/com/acme/shop/cart/Cart.java";
    private static final String PAYMENT = "src/main/java/com/acme/shop/pay/PaymentService.java";
    private static final String REFUND = "src/main/java/com/acme/shop/pay/RefundPolicy.java";
    private static final String LEGACY_REFUND = "legacy/src/main/java/com/acme/shop/pay/RefundPolicy.java";

    private static final ChurnProvider NO_CHURN = snapshot -> Optional.empty();

    @TempDir
    Path root;

    /** The shop's sources; a copy of RefundPolicy in a legacy module must not win over the main one. */
    @BeforeEach
    void sources() {
        Fixtures.write(root, "pom.xml", "<project/>\n");
        Fixtures.writeLines(root, CART, "package com.acme.shop.cart;", 46);
        Fixtures.writeLines(root, PAYMENT, "package com.acme.shop.pay;", 45);
        Fixtures.writeLines(root, REFUND, "package com.acme.shop.pay;", 20);
        Fixtures.writeLines(root, LEGACY_REFUND, "package com.acme.shop.pay;", 12);
    }

    private static JavaModelProvider shopModel() {
        return snapshot -> new JavaModel(snapshot.key(), List.of(
                file(LEGACY_REFUND, "com.acme.shop.pay",
                        type("com.acme.shop.pay.RefundPolicy", "class", true, false, 3, 12, 1)),
                file(CART, "com.acme.shop.cart",
                        type("com.acme.shop.cart.Cart", "class", true, false, 5, 46, 1, 2, 2),
                        type("com.acme.shop.cart.Cart.Item", "record", true, false, 38, 46, 1)),
                file(PAYMENT, "com.acme.shop.pay",
                        type("com.acme.shop.pay.PaymentService", "class", true, false, 7, 45, 1, 3, 3)),
                file(REFUND, "com.acme.shop.pay",
                        type("com.acme.shop.pay.RefundPolicy", "class", true, false, 6, 20, 1, 3))));
    }

    private PerspectiveResult analyze(JavaModelProvider model) {
        return new TestCoveragePerspective(model, NO_CHURN, new AutocoderProperties())
                .analyze(Fixtures.context(Fixtures.snapshot(root, false)));
    }

    private static Map<String, Double> metrics(PerspectiveResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        result.metrics().forEach(m -> metrics.put(m.name(), m.value()));
        return metrics;
    }

    @Test
    void jacocoReportGivesPackageAndTotalCoverageRankingAndFindings() throws Exception {
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", resource("jacoco.xml"));

        PerspectiveResult result = analyze(shopModel());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).isNull();
        assertThat(result.summary()).isEqualTo("Line coverage 50.9% (27 of 53 lines), branch coverage 38.9% (7 of 18"
                + " branches) by coverage-report (jacoco) from target/site/jacoco/jacoco.xml; 2 of 4 classes below"
                + " 50.0%. Most missed lines: com.acme.shop.pay.PaymentService (15 missed, 25.0%).");
        assertThat(result.metrics()).containsExactly(
                Metric.of("line_coverage", 27.0 / 53),
                Metric.of("branch_coverage", 7.0 / 18),
                Metric.of("coverage_reports", 1),
                Metric.of("coverage_reports_ignored", 0),
                Metric.of("coverage_reports_unreadable", 0),
                Metric.of("lines_covered", 27),
                Metric.of("lines_missed", 26),
                Metric.of("branches_covered", 7),
                Metric.of("branches_missed", 11),
                Metric.of("classes_total", 4),
                Metric.of("classes_below_threshold", 2),
                Metric.of("classes_left_out", 0));
        assertThat(result.qualityScore()).isEqualTo(0.75 * (27.0 / 53) + 0.25 * (7.0 / 18));
        assertThat(result.details()).containsEntry("method", "coverage-report (jacoco)")
                .containsEntry("reports_ignored", List.of());
        assertThat(listOfMaps(result.details().get("reports_used")))
                .extracting(r -> r.get("path"), r -> r.get("format"), r -> r.get("resolved_share"))
                .containsExactly(tuple("target/site/jacoco/jacoco.xml", "jacoco", 1.0));

        assertThat(listOfMaps(result.details().get("packages")))
                .extracting(p -> p.get("package"), p -> p.get("lines_covered"), p -> p.get("lines_missed"),
                        p -> p.get("line_coverage"), p -> p.get("branches_covered"), p -> p.get("branches_missed"),
                        p -> p.get("branch_coverage"))
                .containsExactly(
                        tuple("com.acme.shop.cart", 22L, 2L, 22.0 / 24, 5L, 1L, 5.0 / 6),
                        tuple("com.acme.shop.pay", 5L, 24L, 5.0 / 29, 2L, 10L, 2.0 / 12));
        assertThat(listOfMaps(result.details().get("least_covered")))
                .extracting(c -> c.get("class"), c -> c.get("file"), c -> c.get("line"), c -> c.get("lines_missed"),
                        c -> c.get("line_coverage"))
                .containsExactly(
                        tuple("com.acme.shop.pay.PaymentService", PAYMENT, 7, 15L, 0.25),
                        tuple("com.acme.shop.pay.RefundPolicy", REFUND, 6, 9L, 0.0),
                        tuple("com.acme.shop.cart.Cart", CART, 5, 2L, 0.9),
                        tuple("com.acme.shop.cart.Cart$Item", CART, 38, 0L, 1.0));

        assertThat(result.findings())
                .extracting(Finding::rule, Finding::category, Finding::severity, Finding::file, Finding::line,
                        Finding::endLine, Finding::message)
                .containsExactly(
                        tuple("low-coverage", "test-coverage", Severity.MEDIUM, PAYMENT, 7, 45,
                                "class com.acme.shop.pay.PaymentService has 25.0% line coverage (5 of 20 lines,"
                                        + " 2 of 8 branches), below the 50.0% threshold"),
                        tuple("low-coverage", "test-coverage", Severity.HIGH, REFUND, 6, 20,
                                "class com.acme.shop.pay.RefundPolicy has 0.0% line coverage (0 of 9 lines,"
                                        + " 0 of 4 branches), below the 50.0% threshold"));
        assertThat(result.recommendations()).first().isEqualTo(
                "Add tests for com.acme.shop.pay.PaymentService: 15 of 20 lines are never run (25.0% line coverage).");
    }

    @Test
    void malformedReportIsNamedAndTheGoodOneStillCounts() throws Exception {
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", resource("jacoco.xml"));
        Fixtures.write(root, "legacy/build/reports/jacoco/test/jacocoTestReport.xml",
                resource("jacoco.xml").substring(0, 900));
        Fixtures.write(root, "docs/coverage.xml", "<project><name>not a report</name></project>\n");

        PerspectiveResult result = analyze(shopModel());

        Map<String, Double> metrics = metrics(result);
        assertThat(metrics).containsEntry("coverage_reports", 1.0).containsEntry("coverage_reports_unreadable", 2.0)
                .containsEntry("line_coverage", 27.0 / 53).containsEntry("classes_total", 4.0);
        assertThat(result.summary()).endsWith("2 coverage reports could not be read: docs/coverage.xml (root element"
                + " <project> is neither JaCoCo's <report> nor Cobertura's <coverage>),"
                + " legacy/build/reports/jacoco/test/jacocoTestReport.xml (line 16: XML document structures must start"
                + " and end within the same entity.).");
        assertThat(result.reason()).startsWith("2 coverage reports could not be read: docs/coverage.xml");
        assertThat(listOfMaps(result.details().get("unreadable_reports"))).extracting(u -> u.get("path"))
                .containsExactly("docs/coverage.xml", "legacy/build/reports/jacoco/test/jacocoTestReport.xml");
        assertThat(result.findings()).hasSize(2);
    }

    @Test
    void classInSeveralReportsCountsOnceWithTheBestCoveringReport() throws Exception {
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", resource("jacoco.xml"));
        Fixtures.write(root, "target/site/jacoco-it/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="shop-it"><package name="com/acme/shop/pay"><class name="com/acme/shop/pay/RefundPolicy" sourcefilename="RefundPolicy.java"><counter type="LINE" missed="3" covered="6"/><counter type="BRANCH" missed="1" covered="3"/></class></package></report>
                """);

        PerspectiveResult result = analyze(shopModel());

        assertThat(metrics(result)).containsEntry("coverage_reports", 2.0).containsEntry("classes_total", 4.0)
                .containsEntry("lines_covered", 33.0).containsEntry("lines_missed", 20.0)
                .containsEntry("branches_covered", 10.0).containsEntry("branches_missed", 8.0);
        assertThat(result.findings()).extracting(Finding::file).containsExactly(PAYMENT);
    }

    @Test
    void coberturaReportWithForeignSourceRootResolvesBySuffix() throws Exception {
        Fixtures.write(root, "target/site/cobertura/coverage.xml", resource("cobertura.xml"));

        PerspectiveResult result = analyze(shopModel());

        assertThat(result.summary()).isEqualTo("Line coverage 64.7% (11 of 17 lines), branch coverage 40.0% (4 of 10"
                + " branches) by coverage-report (cobertura) from target/site/cobertura/coverage.xml; 1 of 3 classes"
                + " below 50.0%. Most missed lines: com.acme.shop.pay.PaymentService (5 missed, 28.6%).");
        assertThat(result.details()).containsEntry("method", "coverage-report (cobertura)");
        assertThat(listOfMaps(result.details().get("packages")))
                .extracting(p -> p.get("package"), p -> p.get("lines_covered"), p -> p.get("lines_missed"),
                        p -> p.get("branches_covered"), p -> p.get("branches_missed"))
                .containsExactly(tuple("com.acme.shop.cart", 9L, 1L, 3L, 1L), tuple("com.acme.shop.pay", 2L, 5L, 1L, 5L));
        assertThat(listOfMaps(result.details().get("least_covered"))).extracting(c -> c.get("class"))
                .containsExactly("com.acme.shop.pay.PaymentService", "com.acme.shop.cart.Cart",
                        "com.acme.shop.cart.Cart$Item");
        assertThat(result.findings())
                .extracting(Finding::severity, Finding::file, Finding::line, Finding::message)
                .containsExactly(tuple(Severity.MEDIUM, PAYMENT, 7, "class com.acme.shop.pay.PaymentService has 28.6%"
                        + " line coverage (2 of 7 lines, 1 of 6 branches), below the 50.0% threshold"));
        assertThat(result.qualityScore()).isEqualTo(0.75 * (11.0 / 17) + 0.25 * (4.0 / 10));
    }

    @Test
    void lcovReportWithoutJavaUsesFilesAndFolders() throws Exception {
        Path web = root.resolve("web");
        Fixtures.writeLines(web, "src/cart.js", "export function addItem() {", 20);
        Fixtures.writeLines(web, "src/util/format.js", "export const format = x => x;", 6);
        Fixtures.writeLines(web, "src/api.js", "export async function get() {", 12);
        Fixtures.write(root, "web/coverage/lcov.info", resource("lcov.info").replace("{ROOT}", root.toString()));
        deleteJava();

        PerspectiveResult result = analyze(snapshot -> {
            throw new AssertionError("no Java, so no Java model is needed");
        });

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.summary()).isEqualTo("Line coverage 55.6% (10 of 18 lines), branch coverage 50.0% (2 of 4"
                + " branches) by coverage-report (lcov) from web/coverage/lcov.info; 2 of 3 classes below 50.0%."
                + " Most missed lines: web/src/api.js (4 missed, 33.3%).");
        assertThat(listOfMaps(result.details().get("packages")))
                .extracting(p -> p.get("package"), p -> p.get("lines_covered"), p -> p.get("lines_missed"),
                        p -> p.get("branches_covered"), p -> p.get("branches_missed"))
                .containsExactly(tuple("web/src", 5L, 8L, 2L, 2L), tuple("web/src/util", 5L, 0L, 0L, 0L));
        assertThat(listOfMaps(result.details().get("least_covered"))).extracting(c -> c.get("class"))
                .containsExactly("web/src/api.js", "web/src/cart.js", "web/src/util/format.js");
        assertThat(result.findings())
                .extracting(Finding::severity, Finding::file, Finding::line, Finding::message)
                .containsExactly(
                        tuple(Severity.LOW, "web/src/api.js", null,
                                "file web/src/api.js has 33.3% line coverage (2 of 6 lines), below the 50.0% threshold"),
                        tuple(Severity.LOW, "web/src/cart.js", null, "file web/src/cart.js has 42.9% line coverage"
                                + " (3 of 7 lines, 2 of 4 branches), below the 50.0% threshold"));
        assertThat(result.qualityScore()).isEqualTo(0.75 * (10.0 / 18) + 0.25 * (2.0 / 4));
    }

    private void deleteJava() throws Exception {
        for (String path : List.of(CART, PAYMENT, REFUND, LEGACY_REFUND)) {
            java.nio.file.Files.delete(root.resolve(path));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
