package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.config.AutocoderJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose DOCTYPE points at a real loopback server and declares external entities must be read
 * without a single request reaching the server and without the content of a local file showing up.
 */
class XxeSafetyTest {

    @TempDir
    Path root;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTripwire() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            // A DTD fetch is a GET; anything else is not how a parser asks, so it is refused.
            byte[] body = exchange.getRequestMethod().equals("GET")
                    ? "<!ENTITY leak \"LEAKED-FROM-SERVER\">".getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 400,
                    body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopTripwire() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void jacocoReportWithExternalDtdAndEntitiesFetchesNothing() throws Exception {
        Path secret = Fixtures.write(root, "outside/secret.txt", "TOPSECRET-4711");
        Path report = Fixtures.write(root, "target/site/jacoco/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "%1$s/report.dtd" [
                  <!ENTITY remote SYSTEM "%1$s/entity">
                  <!ENTITY local SYSTEM "%2$s">
                  <!ENTITY %% param SYSTEM "%1$s/param.dtd">
                  %%param;
                ]>
                <report name="shop">&remote;&local;<package name="a"><class name="a/Foo" sourcefilename="Foo.java"><counter type="LINE" missed="1" covered="3"/></class></package></report>
                """.formatted(base(), secret.toUri()));

        CoverageReport read = new CoverageReportLoader(AutocoderJson.newObjectMapper()).read(report, "target/site/jacoco/jacoco.xml");

        assertThat(requests).isEmpty();
        assertThat(read.classes()).containsExactly(new ClassCoverage(CoverageFormat.JACOCO, "a", "Foo", "a/Foo.java",
                null, new CoverageCounts(3, 1, 0, 0)));
    }

    @Test
    void coberturaSourceFromAnExternalEntityStaysEmpty() throws Exception {
        Path secret = Fixtures.write(root, "outside/secret.txt", "TOPSECRET-4711");
        Path report = Fixtures.write(root, "coverage.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE coverage SYSTEM "%1$s/coverage-04.dtd" [
                  <!ENTITY local SYSTEM "%2$s">
                  <!ENTITY remote SYSTEM "%1$s/entity">
                ]>
                <coverage line-rate="1" branch-rate="0" version="1.9" timestamp="1">
                  <sources><source>&local;&remote;</source></sources>
                  <packages><package name="p"><classes>
                    <class name="p.C" filename="p/C.java"><methods/><lines><line number="1" hits="1"/></lines></class>
                  </classes></package></packages>
                </coverage>
                """.formatted(base(), secret.toUri()));

        CoverageReport read = new CoverageReportLoader(AutocoderJson.newObjectMapper()).read(report, "coverage.xml");

        assertThat(requests).isEmpty();
        assertThat(read.sourceRoots()).isEmpty();
        assertThat(read.classes()).hasSize(1);
    }

    @Test
    void perspectiveOutputNeverCarriesEntityContent() throws Exception {
        Path secret = Fixtures.write(root, "outside/secret.txt", "TOPSECRET-4711");
        Fixtures.write(root, "src/main/java/a/Foo.java", "package a;\npublic class Foo {}\n");
        Fixtures.write(root, "target/site/jacoco/jacoco.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE report SYSTEM "%1$s/report.dtd" [ <!ENTITY local SYSTEM "%2$s"> ]>
                <report name="shop">&local;<package name="a"><class name="a/Foo" sourcefilename="Foo.java"><counter type="LINE" missed="3" covered="1"/></class></package></report>
                """.formatted(base(), secret.toUri()));
        TestCoveragePerspective perspective = new TestCoveragePerspective(
                snapshot -> new dev.autocoder.workers.javamodel.JavaModel("k", List.of()),
                snapshot -> Optional.empty(), new AutocoderProperties());

        PerspectiveResult result = perspective.analyze(Fixtures.context(Fixtures.snapshot(root, false)));

        assertThat(requests).isEmpty();
        assertThat(result.metrics()).extracting(m -> m.name() + "=" + m.value()).contains("line_coverage=0.25");
        assertThat(new ObjectMapper().writeValueAsString(result)).doesNotContain("TOPSECRET").doesNotContain("LEAKED");
    }
}
