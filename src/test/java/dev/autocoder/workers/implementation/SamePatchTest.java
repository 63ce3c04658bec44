package dev.autocoder.workers.implementation;

import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.autocoder.workers.implementation.ImplementationFixture.SRC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PMD reports each {@code +=} of a string built in a loop; the one StringBuilder rewrite answers them all. The
 * second finding's fix is the very patch the first cycle delivered, so it is not a task of its own.
 */
class SamePatchTest {

    @TempDir
    Path temp;

    @Test
    void aFindingWhosePatchAnEarlierCycleDeliveredIsNotTakenOnAgain() throws Exception {
        Path repo = ImplementationFixture.create(temp.resolve("repo"));
        ImplementationFixture.write(repo, SRC + "Digest.java", """
                package com.shop;

                import java.util.List;

                public class Digest {

                    public String lines(List<String> items) {
                        String text = "";
                        for (String item : items) {
                            text += item;
                            text += "\\n";
                        }
                        return text;
                    }
                }
                """);
        ImplementationFixture.commit(repo, "digest", "2026-11-20T10:00:00Z");
        ImplementationHarness harness = new ImplementationHarness(repo, temp.resolve("store"));
        List<Finding> appends = harness.pmd.analyze(harness.snapshot()).violations().stream()
                .filter(v -> v.path().equals(SRC + "Digest.java") && v.rule().equals("UseStringBufferForStringAppends"))
                .map(PmdFindings::of).toList();
        assertThat(appends).hasSize(2);
        AnalysisRowsSeeder.seed(harness, "performance", appends);

        List<Row> first = harness.cycle();
        assertThat(harness.analysisOf(first.get(5)).get("code_changes").get("verified").asBoolean()).isTrue();

        Row second = harness.stage();
        assertThat(second.status()).isEqualTo(Status.SKIPPED);
        assertThat(second.reason()).contains("1 handled by earlier cycles, 1 answered by a patch an earlier cycle delivered");
    }
}
