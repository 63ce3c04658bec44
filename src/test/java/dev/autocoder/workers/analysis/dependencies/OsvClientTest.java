package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.testsupport.FakeOsvServer;

import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OsvClientTest {

    private static final OsvPackage JACKSON = new OsvPackage("Maven", "com.fasterxml.jackson.core:jackson-databind", "2.9.8");

    private FakeOsvServer osv;
    private OsvClient client;

    @BeforeEach
    void start() throws IOException {
        osv = new FakeOsvServer();
        client = new OsvClient(DependencyPerspectiveTest.properties(osv.batchUrl()), AutocoderJson.newObjectMapper());
    }

    @AfterEach
    void stop() {
        osv.close();
    }

    @Test
    void splitsMoreThanAThousandQueriesIntoSeveralRequests() {
        List<OsvPackage> packages = IntStream.range(0, 1000)
                .mapToObj(i -> new OsvPackage("npm", "package-" + i, "1.0." + i)).collect(java.util.stream.Collectors.toList());
        packages.add(JACKSON);

        OsvLookup lookup = client.lookup(packages);

        assertThat(osv.rejections).isEmpty();
        assertThat(osv.batchSizes).containsExactly(1000, 1);
        assertThat(lookup.available()).isTrue();
        assertThat(lookup.queried()).isEqualTo(1001);
        assertThat(lookup.vulnerabilities()).containsOnlyKeys(JACKSON);
        OsvVulnerability advisory = lookup.vulnerabilitiesOf(JACKSON).get(0);
        assertThat(advisory.id()).isEqualTo(FakeOsvServer.JACKSON_ID);
        assertThat(advisory.aliases()).containsExactly("CVE-2019-12086");
        assertThat(advisory.severity()).isEqualTo(Severity.HIGH);
        assertThat(advisory.severitySource()).isEqualTo("CVSS 7.5");
        // 2.7.9.6 also fixes the advisory, but only for the 2.7 line: the nearest fix above 2.9.8 is 2.9.9.
        assertThat(advisory.fixedVersionFor(JACKSON)).contains("2.9.9");
    }

    @Test
    void theAnswerCacheIsBoundedInEntries() {
        OsvClient smallCache = new OsvClient(DependencyPerspectiveTest.properties(osv.batchUrl()), AutocoderJson.newObjectMapper(), 2);
        List<OsvPackage> packages = IntStream.range(0, 10).mapToObj(i -> new OsvPackage("npm", "package-" + i, "1.0." + i)).toList();

        smallCache.lookup(packages);
        smallCache.lookup(packages);

        // Two answers at most survive the first lookup: the second asks OSV again for at least eight packages.
        assertThat(osv.batchSizes).hasSize(2);
        assertThat(osv.batchSizes.get(1)).isBetween(8, 10);
        client.lookup(packages);
        client.lookup(packages);
        assertThat(osv.batchSizes).hasSize(3); // the default bound keeps all ten: one more request, not two
    }

    @Test
    void prefersTheNewestCvssVersionAndScoresV2Vectors() {
        OsvPackage pillow = new OsvPackage("PyPI", "pillow", "9.0.0");
        OsvPackage django = new OsvPackage("PyPI", "django", "1.4.1");

        OsvLookup lookup = client.lookup(List.of(pillow, django));

        assertThat(lookup.vulnerabilitiesOf(pillow)).extracting(OsvVulnerability::severity, OsvVulnerability::severitySource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "CVSS 9.3"));
        assertThat(lookup.vulnerabilitiesOf(django)).extracting(OsvVulnerability::severity, OsvVulnerability::severitySource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.HIGH, "CVSS 7.8"));
    }

    @Test
    void aMissingAdvisoryRecordKeepsTheIdAndSaysDetailsAreUnavailable() {
        OsvPackage ghost = new OsvPackage("PyPI", "ghost-package", "1.0");

        OsvLookup lookup = client.lookup(List.of(ghost));

        assertThat(lookup.available()).isTrue();
        assertThat(lookup.reason()).isEqualTo("details unavailable for PYSEC-0000-0 (OSV answered HTTP 404 from http://127.0.0.1:"
                + osv.batchUrl().getPort() + "/v1/vulns/PYSEC-0000-0)");
        OsvVulnerability advisory = lookup.vulnerabilitiesOf(ghost).get(0);
        assertThat(advisory.detailsAvailable()).isFalse();
        assertThat(VulnerabilityFindings.message(ghost, advisory)).isEqualTo("ghost-package 1.0: PYSEC-0000-0 (details unavailable)");

        client.lookup(List.of(ghost));

        assertThat(osv.batchRequests.get()).isEqualTo(1); // the batch answer is cached
        assertThat(osv.detailRequests.get()).isEqualTo(2); // a failed detail request is not
    }

    @Test
    void nothingToLookUpSendsNothing() {
        OsvLookup lookup = client.lookup(List.of());

        assertThat(lookup.available()).isTrue();
        assertThat(osv.batchRequests.get()).isZero();
    }

    /** The fake must refuse what api.osv.dev refuses, or the tests above would prove nothing. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"queries\": []}",
            "{\"queries\": [{\"package\": {\"name\": \"lodash\", \"ecosystem\": \"npm\"}}]}",
            "{\"queries\": [{\"package\": {\"name\": \"\", \"ecosystem\": \"npm\"}, \"version\": \"1.0.0\"}]}",
            "{\"queries\": [{\"package\": {\"name\": \"lodash\", \"ecosystem\": \"Npm\"}, \"version\": \"1.0.0\"}]}",
            "{\"queries\": [{\"package\": {\"name\": \"lodash\", \"ecosystem\": \"npm\"}, \"version\": \"\"}]}",
            "[1, 2]",
            "not json"})
    void fakeRejectsMalformedBatchQueries(String body) throws Exception {
        HttpResponse<String> response = post(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"message\"");
    }

    @Test
    void fakeRejectsMoreThanAThousandQueriesAWrongContentTypeAndGet() throws Exception {
        String query = "{\"package\": {\"name\": \"lodash\", \"ecosystem\": \"npm\"}, \"version\": \"1.0.0\"}";
        String tooMany = "{\"queries\": [" + String.join(",", java.util.Collections.nCopies(1001, query)) + "]}";

        assertThat(post(tooMany, "application/json").statusCode()).isEqualTo(400);
        assertThat(post("{\"queries\": [" + query + "]}", "text/plain").statusCode()).isEqualTo(400);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(osv.batchUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(post("{\"queries\": [" + query + "]}", "application/json").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(osv.batchUrl()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
