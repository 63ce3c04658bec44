package dev.autocoder.workers.analysis.security;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * botocore ships the AWS API reference's examples as data ({@code examples-1.json}): 62 of its 118 generic secret
 * assignments, medium and third on its first screen, were one documented {@code "ChangeToken"}. A generic secret in a
 * file named for examples or samples is low, saying why; the same value elsewhere keeps its severity, and so does a
 * token of a known format in an examples file.
 */
class DocumentationExamplesTest {

    @TempDir
    Path root;

    @Test
    void aGenericSecretInAFileOfExamplesIsLow() {
        String change = "\"ChangeToken\": \"abcd12f2-46da-4fdb-b8d5-fbd4c466928f\"";
        TestSnapshots.write(root, "api/waf/examples-1.json", "{\n  " + change + "\n}\n");
        TestSnapshots.write(root, "deploy/.env.example", "API_TOKEN=Q7xZ9k2pWm4vB8nR\n");
        TestSnapshots.write(root, "api/waf/settings.json", "{\n  " + change + "\n}\n");
        TestSnapshots.write(root, "lib/sampler.py", "token = 'Q7xZ9k2pWm4vB8nR'\n");

        PerspectiveResult security = new SecurityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new SecretScanner())
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(security.findings()).filteredOn(f -> f.rule().equals("generic-secret-assignment"))
                .extracting(f -> f.file() + " " + f.severity() + " " + f.message().contains("It is in a file of examples"))
                .containsExactlyInAnyOrder("api/waf/examples-1.json LOW true", "deploy/.env.example LOW true",
                        "api/waf/settings.json MEDIUM false", "lib/sampler.py MEDIUM false");
        assertThat(DocumentationExamples.isExamplesFile("conf/app.sample.yaml")).isTrue();
        assertThat(DocumentationExamples.isExamplesFile("src/ExampleService.java")).isFalse();
        assertThat(security.findings()).extracting(Finding::severity).doesNotContain(Severity.CRITICAL);
    }
}
