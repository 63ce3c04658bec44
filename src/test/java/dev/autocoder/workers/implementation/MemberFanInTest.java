package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.implementation.code.FieldReferences;
import dev.autocoder.workers.implementation.row.CodeReference;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-in is measured on the member the change touches, not on its class: a private logger field of a class that
 * many other classes call has no caller outside its class.
 */
class MemberFanInTest {

    static final String AUDIT = """
            package com.shop;

            import java.util.logging.Logger;

            public class Audit {

                private static final Logger log = Logger.getLogger(Audit.class.getName());
                static final int LIMIT = 3;

                public void record(String event) {
                    log.info(event);
                }

                public void warn(String event) {
                    String log = event.trim();
                    Audit.log.warning(log);
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void aPrivateLoggerFieldOfAClassCalledFromManyClassesHasLowFanIn() throws Exception {
        Path repo = repository();
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        Finding naming = Finding.of("logger-naming", "code style", Severity.LOW, SRC + "Audit.java", 7, 7,
                "The logger field 'log' should be named LOG", "private static final Logger log");
        AnalysisRowsSeeder.seed(harness, "code-quality", List.of(naming));

        List<Row> cycle = harness.cycle();

        assertThat(cycle).extracting(Row::status).containsOnly(Status.OK);
        JsonNode architecture = harness.analysisOf(cycle.get(1));
        // the two reads in its own class; the local `log` in warn(String) hides the field and is not one of them
        assertThat(architecture.get("callers")).extracting(c -> c.get("class_name").asText() + "#" + c.get("method").asText()
                + "@" + c.get("line").asInt()).containsExactly("com.shop.Audit#record(String)@11", "com.shop.Audit#warn(String)@16");
        JsonNode fanIn = harness.analysisOf(cycle.get(3)).get("risks").get(0);
        assertThat(fanIn.get("kind").asText()).isEqualTo("fan_in");
        assertThat(fanIn.get("probability").asText()).isEqualTo("low");
        assertThat(fanIn.get("impact").asText()).isEqualTo("low");
        assertThat(fanIn.get("description").asText()).isEqualTo("Callers of private field log of com.shop.Audit could be affected by the change.");
        assertThat(fanIn.get("evidence").asText()).isEqualTo("0 call sites in 0 classes; 2 references inside its own "
                + "class, changed in the same file");
    }

    @Test
    void aFieldVisibleToThePackageCountsReferencesFromOtherClasses() throws Exception {
        Path repo = repository();
        Snapshot snapshot = TestSnapshots.of(repo);
        String text = Files.readString(repo.resolve(SRC + "Audit.java"));

        FieldReferences.Field limit = FieldReferences.at(snapshot, SRC + "Audit.java", text, 8).orElseThrow();
        List<CodeReference> references = FieldReferences.of(snapshot, SRC + "Audit.java", text, limit);

        assertThat(limit.isPrivate()).isFalse();
        assertThat(references).extracting(r -> r.className() + "@" + r.line()).containsExactly("com.shop.Caller1@5");
        FieldReferences.Field log = FieldReferences.at(snapshot, SRC + "Audit.java", text, 7).orElseThrow();
        assertThat(log.isPrivate()).isTrue();
        assertThat(FieldReferences.of(snapshot, SRC + "Audit.java", text, log)).hasSize(2);
    }

    private Path repository() throws Exception {
        Path repo = temp.resolve("repo");
        ImplementationFixture.write(repo, SRC + "Audit.java", AUDIT);
        for (int i = 1; i <= 6; i++) {
            ImplementationFixture.write(repo, SRC + "Caller" + i + ".java", """
                    package com.shop;

                    public class Caller%d {
                        public void run() {
                            new Audit().record("run %d " + %s);
                        }
                    }
                    """.formatted(i, i, i == 1 ? "Audit.LIMIT" : "\"\""));
        }
        ImplementationFixture.commit(repo, "Audit and its callers", "2026-11-01T10:00:00Z");
        return repo;
    }
}
