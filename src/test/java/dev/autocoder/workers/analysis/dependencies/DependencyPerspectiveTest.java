package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.testsupport.FakeOsvServer;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyPerspectiveTest {

    private static final String POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.acme</groupId>
              <artifactId>shop</artifactId>
              <version>1.0.0</version>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                  <version>2.9.8</version>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                  <version>32.1.2-jre</version>
                </dependency>
              </dependencies>
            </project>
            """;
    private static final String PACKAGE_JSON = """
            {
              "dependencies": {
                "lodash": "4.17.15",
                "express": "^4.18.2"
              }
            }
            """;

    @TempDir
    Path dir;
    private FakeOsvServer osv;

    @BeforeEach
    void startOsv() throws IOException {
        osv = new FakeOsvServer();
    }

    @AfterEach
    void stopOsv() {
        osv.close();
    }

    @Test
    void reportsPlantedVulnerabilitiesAtTheirDeclarationAndCachesTheLookup() throws Exception {
        TestRepository repo = new TestRepository(dir).write("pom.xml", POM).write("package.json", PACKAGE_JSON);
        DependencyPerspective perspective = perspective(osv.batchUrl());

        PerspectiveResult result = perspective.analyze(repo.context());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.reason()).isNull();
        List<Finding> vulnerabilities = result.findings().stream().filter(f -> f.rule().equals("known-vulnerability")).toList();
        assertThat(vulnerabilities).extracting(Finding::file, Finding::line, Finding::severity, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("pom.xml", 9, Severity.HIGH,
                        "com.fasterxml.jackson.core:jackson-databind 2.9.8: GHSA-5ww9-j83m-q7qx (CVE-2019-12086) Information exposure in jackson-databind; fixed in 2.9.9"),
                org.assertj.core.groups.Tuple.tuple("package.json", 3, Severity.HIGH,
                        "lodash 4.17.15: GHSA-p6mc-m468-83gw (CVE-2020-8203) Prototype Pollution in lodash; fixed in 4.17.19"),
                org.assertj.core.groups.Tuple.tuple("package.json", 3, Severity.HIGH,
                        "lodash 4.17.15: GHSA-35jh-r3h4-6jhm (CVE-2021-23337) Command Injection in lodash; fixed in 4.17.21"));
        assertThat(vulnerabilities).allSatisfy(f -> assertThat(f.category()).isEqualTo("dependencies"));
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("unpinned-version"))
                .extracting(Finding::file, Finding::line, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("package.json", 4, Severity.LOW));
        assertThat(result.recommendations()).containsExactly(
                "Upgrade lodash from 4.17.15 to 4.17.21 in package.json (fixes GHSA-p6mc-m468-83gw, GHSA-35jh-r3h4-6jhm)",
                "Upgrade com.fasterxml.jackson.core:jackson-databind from 2.9.8 to 2.9.9 in pom.xml (fixes GHSA-5ww9-j83m-q7qx)",
                "Pin 1 ranged npm version in package.json (no lockfile pins them)");
        assertThat(metrics(result)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("dependencies_total", 4.0), Map.entry("dependencies_maven", 2.0), Map.entry("dependencies_npm", 2.0),
                Map.entry("dependencies_pypi", 0.0), Map.entry("dependencies_go", 0.0), Map.entry("manifests", 2.0),
                Map.entry("manifest_parse_errors", 0.0), Map.entry("unpinned_versions", 1.0), Map.entry("version_conflicts", 0.0),
                Map.entry("vulnerable_dependencies", 2.0), Map.entry("vulnerabilities", 3.0), Map.entry("vulnerabilities_high", 3.0),
                Map.entry("osv_lookup_available", 1.0), Map.entry("osv_queried_packages", 3.0)));
        // V = 3 × 0.25 = 0.75; H = 1 unpinned / 4 dependencies = 0.25; (1 − 0.75) × (1 − 0.125) = 0.21875
        assertThat(result.qualityScore()).isEqualTo(0.219);
        assertThat(result.summary()).isEqualTo("4 dependencies in 2 manifests (Maven 2, npm 2); 3 known vulnerabilities in "
                + "2 package versions of 3 checked (3 high); 0 version conflicts, 1 unpinned, 0 unresolved.");
        assertThat(osv.rejections).isEmpty();
        assertThat(osv.batchSizes).containsExactly(3, 1); // the second request re-asks lodash for its next page
        assertThat(osv.detailRequests.get()).isEqualTo(3);

        PerspectiveResult again = perspective.analyze(repo.context());

        assertThat(again.findings()).isEqualTo(result.findings());
        assertThat(osv.batchRequests.get()).isEqualTo(2);
        assertThat(osv.detailRequests.get()).isEqualTo(3);
    }

    @Test
    void ratesAdvisoriesByTheirCvssV2AndV4VectorsNewestVersionFirst() throws Exception {
        TestRepository repo = new TestRepository(dir).write("requirements.txt", "Django==1.4.1\npillow==9.0.0\n");

        PerspectiveResult result = perspective(osv.batchUrl()).analyze(repo.context());

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("known-vulnerability"))
                .extracting(Finding::file, Finding::line, Finding::severity, Finding::message).containsExactlyInAnyOrder(
                        // v2 only: 7.8 is high in v2's scale, which has no critical band
                        org.assertj.core.groups.Tuple.tuple("requirements.txt", 1, Severity.HIGH,
                                "django 1.4.1: PYSEC-2012-0002 (CVE-2012-4520) Denial of service in django; fixed in 1.4.2"),
                        // v4 9.3 wins over the same record's v3.1 7.8 and the database's HIGH
                        org.assertj.core.groups.Tuple.tuple("requirements.txt", 2, Severity.CRITICAL,
                                "pillow 9.0.0: GHSA-8vj2-vxx3-667w (CVE-2022-22817) Arbitrary code execution in Pillow; fixed in 9.0.1"));
        assertThat(metrics(result)).containsEntry("vulnerabilities_critical", 1.0).containsEntry("vulnerabilities_high", 1.0);
        assertThat(osv.rejections).isEmpty();
    }

    @Test
    void unreachableOsvMakesTheLookupUnavailableNotClean() throws Exception {
        TestRepository repo = new TestRepository(dir).write("pom.xml", POM);

        PerspectiveResult result = perspective(closedPortUrl()).analyze(repo.context());

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(metrics(result)).containsEntry("osv_lookup_available", 0.0).containsEntry("osv_queried_packages", 2.0)
                .doesNotContainKeys("vulnerabilities", "vulnerable_dependencies");
        assertThat(result.reason()).startsWith("vulnerability lookup unavailable: could not connect to http://127.0.0.1:");
        assertThat(result.summary()).contains("vulnerability lookup unavailable: could not connect to")
                .doesNotContain("known vulnerabilit");
        assertThat(result.qualityScore()).isNull();
        assertThat(result.findings()).noneMatch(f -> f.rule().equals("known-vulnerability"));
        assertThat(result.recommendations()).contains("Re-run when OSV is reachable to check 2 pinned package versions for known vulnerabilities");
        assertThat(result.details().get("vulnerable")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"SERVER_ERROR, OSV answered HTTP 500 from http://127.0.0.1:",
            "MALFORMED_JSON, malformed OSV response from http://127.0.0.1:",
            "WRONG_RESULT_COUNT, malformed OSV response: expected 2 results from http://127.0.0.1:"})
    void failingOsvAnswersMakeTheLookupUnavailable(FakeOsvServer.Mode mode, String reason) throws Exception {
        osv.mode(mode);
        TestRepository repo = new TestRepository(dir).write("pom.xml", POM);

        PerspectiveResult result = perspective(osv.batchUrl()).analyze(repo.context());

        assertThat(result.reason()).startsWith("vulnerability lookup unavailable: " + reason);
        assertThat(metrics(result)).containsEntry("osv_lookup_available", 0.0).doesNotContainKey("vulnerabilities");
        assertThat(result.qualityScore()).isNull();
        assertThat(osv.rejections).isEmpty();
    }

    @Test
    void malformedPomDoesNotStopTheOtherManifests() throws Exception {
        TestRepository repo = new TestRepository(dir)
                .write("pom.xml", "<project>\n  <dependencies>\n    <dependency>\n      <artifactId>x</artifact>\n</project>\n")
                .write("package.json", PACKAGE_JSON);

        PerspectiveResult result = perspective(osv.batchUrl()).analyze(repo.context());

        assertThat(metrics(result)).containsEntry("manifest_parse_errors", 1.0).containsEntry("manifests", 2.0)
                .containsEntry("dependencies_npm", 2.0).containsEntry("dependencies_maven", 0.0)
                .containsEntry("vulnerabilities", 2.0);
        Finding parseError = result.findings().stream().filter(f -> f.rule().equals("manifest-parse-error")).findFirst().orElseThrow();
        assertThat(parseError.file()).isEqualTo("pom.xml");
        assertThat(parseError.line()).isEqualTo(4);
        assertThat(parseError.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(parseError.message()).startsWith("pom.xml could not be parsed: XML syntax error at line 4, column ");
        assertThat(result.reason()).isEqualTo("1 manifest could not be parsed");
    }

    @Test
    void internalModulesAreNotSentToOsv() throws Exception {
        TestRepository repo = new TestRepository(dir)
                .write("pom.xml", POM)
                .write("web/pom.xml", """
                        <project>
                          <modelVersion>4.0.0</modelVersion>
                          <groupId>com.acme</groupId>
                          <artifactId>shop-web</artifactId>
                          <version>1.0.0</version>
                          <dependencies>
                            <dependency>
                              <groupId>com.acme</groupId>
                              <artifactId>shop</artifactId>
                              <version>1.0.0</version>
                            </dependency>
                          </dependencies>
                        </project>
                        """);

        PerspectiveResult result = perspective(osv.batchUrl()).analyze(repo.context());

        assertThat(metrics(result)).containsEntry("dependencies_total", 3.0).containsEntry("osv_queried_packages", 2.0);
        assertThat(osv.batchSizes).containsExactly(2);
    }

    @Test
    void repositoryWithoutManifestsIsSkipped() throws Exception {
        TestRepository repo = new TestRepository(dir).write("README.md", "# hello\n").write("src/Main.java", "class Main {}\n");

        PerspectiveResult result = perspective(osv.batchUrl()).analyze(repo.context());

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo("no dependency manifest found (looked for pom.xml, build.gradle[.kts], "
                + "package.json, requirements*.txt, pyproject.toml, go.mod)");
        assertThat(metrics(result)).containsEntry("manifests", 0.0).containsEntry("dependencies_total", 0.0);
        assertThat(osv.batchRequests.get()).isZero();
    }

    @Test
    void identity() {
        DependencyPerspective perspective = perspective(osv.batchUrl());
        assertThat(List.of(perspective.id(), perspective.name(), perspective.worker()))
                .containsExactly("dependencies", "Dependency Analysis", "analysis");
    }

    static DependencyPerspective perspective(URI osvUrl) {
        return new DependencyPerspective(new OsvClient(properties(osvUrl), AutocoderJson.newObjectMapper()));
    }

    static AutocoderProperties properties(URI osvUrl) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getAnalysis().setOsvUrl(osvUrl);
        properties.getAnalysis().setOsvTimeout(Duration.ofSeconds(10));
        return properties;
    }

    static URI closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/v1/querybatch");
    }

    private static Map<String, Double> metrics(PerspectiveResult result) {
        return result.metrics().stream().collect(java.util.stream.Collectors.toMap(Metric::name, Metric::value));
    }
}
