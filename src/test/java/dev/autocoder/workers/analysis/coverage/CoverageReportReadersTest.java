package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.config.AutocoderJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoverageReportReadersTest {

    private final CoverageReportLoader loader = new CoverageReportLoader(AutocoderJson.newObjectMapper());

    @TempDir
    Path root;

    static String resource(String name) throws IOException {
        try (InputStream in = CoverageReportReadersTest.class.getResourceAsStream("/coverage/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsJacocoClassCountersPerClassAndSumsPerPackage() throws Exception {
        Path file = Fixtures.write(root, "target/site/jacoco/jacoco.xml", resource("jacoco.xml"));

        CoverageReport report = loader.read(file, "target/site/jacoco/jacoco.xml");

        assertThat(report.format()).isEqualTo(CoverageFormat.JACOCO);
        assertThat(report.path()).isEqualTo("target/site/jacoco/jacoco.xml");
        assertThat(report.classes()).containsExactly(
                new ClassCoverage(CoverageFormat.JACOCO, "com.acme.shop.cart", "Cart", "com/acme/shop/cart/Cart.java",
                        null, new CoverageCounts(18, 2, 5, 1)),
                new ClassCoverage(CoverageFormat.JACOCO, "com.acme.shop.cart", "Cart$Item",
                        "com/acme/shop/cart/Cart.java", null, new CoverageCounts(4, 0, 0, 0)),
                new ClassCoverage(CoverageFormat.JACOCO, "com.acme.shop.pay", "PaymentService",
                        "com/acme/shop/pay/PaymentService.java", null, new CoverageCounts(5, 15, 2, 6)),
                new ClassCoverage(CoverageFormat.JACOCO, "com.acme.shop.pay", "RefundPolicy",
                        "com/acme/shop/pay/RefundPolicy.java", null, new CoverageCounts(0, 9, 0, 4)));
        // The sums agree with the package and report counters JaCoCo itself wrote into the file.
        assertThat(report.byPackage()).containsExactly(
                Map.entry("com.acme.shop.cart", new CoverageCounts(22, 2, 5, 1)),
                Map.entry("com.acme.shop.pay", new CoverageCounts(5, 24, 2, 10)));
        assertThat(report.total()).isEqualTo(new CoverageCounts(27, 26, 7, 11));
        assertThat(report.total().lineCoverage()).isEqualTo(27.0 / 53);
        assertThat(report.total().branchCoverage()).isEqualTo(7.0 / 18);
        assertThat(report.classes().get(1).qualifiedName()).isEqualTo("com.acme.shop.cart.Cart.Item");
        assertThat(report.classes().get(1).displayName()).isEqualTo("com.acme.shop.cart.Cart$Item");
    }

    @Test
    void readsJacocoAggregateGroupsAndClassesWithoutSourceFileName() throws Exception {
        Path file = Fixtures.write(root, "jacoco-aggregate.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="all"><sessioninfo id="s" start="1" dump="2"/><group name="core"><package name="org/x"><class name="org/x/Parser$State"><counter type="LINE" missed="3" covered="1"/></class><counter type="LINE" missed="3" covered="1"/></package></group><group name="app"><package name=""><class name="Main" sourcefilename="Main.java"><counter type="LINE" missed="2" covered="0"/><counter type="BRANCH" missed="2" covered="0"/></class></package></group></report>
                """);

        CoverageReport report = loader.read(file, "jacoco-aggregate.xml");

        assertThat(report.classes()).containsExactly(
                new ClassCoverage(CoverageFormat.JACOCO, "org.x", "Parser$State", "org/x/Parser.java", null,
                        new CoverageCounts(1, 3, 0, 0)),
                new ClassCoverage(CoverageFormat.JACOCO, "", "Main", "Main.java", null, new CoverageCounts(0, 2, 0, 2)));
        assertThat(report.classes().get(1).qualifiedName()).isEqualTo("Main");
    }

    @Test
    void readsCoberturaClassLinesAndConditionCoverage() throws Exception {
        Path file = Fixtures.write(root, "target/site/cobertura/coverage.xml", resource("cobertura.xml"));

        CoverageReport report = loader.read(file, "target/site/cobertura/coverage.xml");

        assertThat(report.format()).isEqualTo(CoverageFormat.COBERTURA);
        assertThat(report.sourceRoots()).containsExactly("/home/ci/workspace/shop/src/main/java", "--source");
        assertThat(report.classes()).containsExactly(
                new ClassCoverage(CoverageFormat.COBERTURA, "com.acme.shop.cart", "Cart",
                        "com/acme/shop/cart/Cart.java", null, new CoverageCounts(7, 1, 3, 1)),
                new ClassCoverage(CoverageFormat.COBERTURA, "com.acme.shop.cart", "Cart$Item",
                        "com/acme/shop/cart/Cart.java", null, new CoverageCounts(2, 0, 0, 0)),
                new ClassCoverage(CoverageFormat.COBERTURA, "com.acme.shop.pay", "PaymentService",
                        "com/acme/shop/pay/PaymentService.java", null, new CoverageCounts(2, 5, 1, 5)));
        // The same totals the report header states: lines-covered="11" lines-valid="17" branches 4 of 10.
        assertThat(report.total()).isEqualTo(new CoverageCounts(11, 6, 4, 6));
        assertThat(report.byPackage()).containsExactly(
                Map.entry("com.acme.shop.cart", new CoverageCounts(9, 1, 3, 1)),
                Map.entry("com.acme.shop.pay", new CoverageCounts(2, 5, 1, 5)));
    }

    @Test
    void readsCoveragePyStyleCoberturaWithFolderPackages() throws Exception {
        Path file = Fixtures.write(root, "coverage.xml", """
                <?xml version="1.0" ?>
                <coverage version="7.4.0" timestamp="1767225600000" lines-valid="4" lines-covered="3" line-rate="0.75" branches-covered="1" branches-valid="2" branch-rate="0.5" complexity="0">
                	<!-- Generated by coverage.py: https://coverage.readthedocs.io/en/7.4.0 -->
                	<sources>
                		<source>/home/runner/work/inv/src</source>
                	</sources>
                	<packages>
                		<package name="inventory" line-rate="0.75" branch-rate="0.5" complexity="0">
                			<classes>
                				<class name="stock.py" filename="inventory/stock.py" complexity="0" line-rate="0.75" branch-rate="0.5">
                					<methods/>
                					<lines>
                						<line number="1" hits="1"/>
                						<line number="3" hits="1"/>
                						<line number="4" hits="4" branch="true" condition-coverage="50% (1/2)" missing-branches="6"/>
                						<line number="6" hits="0"/>
                					</lines>
                				</class>
                			</classes>
                		</package>
                	</packages>
                </coverage>
                """);

        CoverageReport report = loader.read(file, "coverage.xml");

        assertThat(report.classes()).containsExactly(new ClassCoverage(CoverageFormat.COBERTURA, "inventory", "stock.py",
                "inventory/stock.py", null, new CoverageCounts(3, 1, 1, 1)));
    }

    @Test
    void readsLcovFromDetailsAndFallsBackToSummaries() throws Exception {
        Path file = Fixtures.write(root, "web/coverage/lcov.info", resource("lcov.info").replace("{ROOT}", "/srv/repo"));

        CoverageReport report = loader.read(file, "web/coverage/lcov.info");

        assertThat(report.format()).isEqualTo(CoverageFormat.LCOV);
        assertThat(report.classes()).containsExactly(
                new ClassCoverage(CoverageFormat.LCOV, "/srv/repo/web/src", "cart.js", "/srv/repo/web/src/cart.js", null,
                        new CoverageCounts(3, 4, 2, 2)),
                new ClassCoverage(CoverageFormat.LCOV, "web/src/util", "format.js", "web/src/util/format.js", null,
                        new CoverageCounts(5, 0, 0, 0)),
                new ClassCoverage(CoverageFormat.LCOV, "/home/ci/app/web/src", "api.js", "/home/ci/app/web/src/api.js",
                        null, new CoverageCounts(2, 4, 0, 0)));
        assertThat(report.total()).isEqualTo(new CoverageCounts(10, 8, 2, 2));
    }

    @Test
    void mergesLcovRecordsOfTheSameFile() throws Exception {
        Path file = Fixtures.write(root, "lcov.info", """
                SF:src/a.js
                DA:1,1
                DA:2,0
                BRDA:2,0,0,0
                end_of_record
                SF:src/a.js
                DA:2,3
                DA:3,0
                BRDA:2,0,0,1
                end_of_record
                """);

        assertThat(loader.read(file, "lcov.info").classes()).containsExactly(new ClassCoverage(CoverageFormat.LCOV,
                "src", "a.js", "src/a.js", null, new CoverageCounts(2, 1, 1, 0)));
    }

    @Test
    void malformedReportsFailWithTheReason() {
        Path truncated = Fixtures.write(root, "a/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8"?><report name="x"><package name="a"><class name="a/B">""");
        Path badCounter = Fixtures.write(root, "b/jacoco.xml", """
                <report name="x"><package name="a"><class name="a/B"><counter type="LINE" missed="many" covered="1"/></class></package></report>""");
        Path otherXml = Fixtures.write(root, "c/coverage.xml", "<project><modelVersion>4.0.0</modelVersion></project>");
        Path lcovGarbage = Fixtures.write(root, "d/lcov.info", "SF:a.js\nDA:1,1\nthis is not lcov\nend_of_record\n");
        Path lcovUnterminated = Fixtures.write(root, "e/lcov.info", "SF:a.js\nDA:1,1\n");
        Path lcovEmpty = Fixtures.write(root, "f/lcov.info", "\n");

        assertThatThrownBy(() -> loader.read(truncated, "a/jacoco.xml")).isInstanceOf(MalformedReportException.class)
                .hasMessageStartingWith("line 1: XML document structures must start and end within the same entity");
        assertThatThrownBy(() -> loader.read(badCounter, "b/jacoco.xml"))
                .hasMessage("<counter> missed=\"many\" is not a number");
        assertThatThrownBy(() -> loader.read(otherXml, "c/coverage.xml"))
                .hasMessage("root element <project> is neither JaCoCo's <report> nor Cobertura's <coverage>");
        assertThatThrownBy(() -> loader.read(lcovGarbage, "d/lcov.info"))
                .hasMessage("line 3: not an LCOV KEY:value line");
        assertThatThrownBy(() -> loader.read(lcovUnterminated, "e/lcov.info"))
                .hasMessage("record of a.js has no end_of_record");
        assertThatThrownBy(() -> loader.read(lcovEmpty, "f/lcov.info")).hasMessage("no SF record");
    }

    @Test
    void loadReadsEveryFoundReportAndListsTheUnreadableOnes() throws Exception {
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", resource("jacoco.xml"));
        Fixtures.write(root, "legacy/build/reports/jacoco/test/jacocoTestReport.xml", "<report name=\"legacy\"><package");

        FoundReports found = loader.load(root);

        assertThat(found.readable()).extracting(CoverageReport::path).containsExactly("target/site/jacoco/jacoco.xml");
        assertThat(found.unreadable()).extracting(UnreadableReport::path)
                .containsExactly("legacy/build/reports/jacoco/test/jacocoTestReport.xml");
        assertThat(List.of(found.unreadable().get(0).reason())).allMatch(r -> r.startsWith("line 1: "));
    }
}
