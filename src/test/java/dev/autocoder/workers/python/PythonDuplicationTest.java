package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Python repository's code-quality row lists its duplicated line ranges, as a Java one does: the gate reads them. */
class PythonDuplicationTest {

    @TempDir
    Path root;

    @Test
    void theRowOfAPythonRepositoryListsTheDuplicatedRangesTheGateMeasuresNewCodeWith() throws Exception {
        String block = pricing();
        TestSnapshots.write(root, "shop/orders.py", "import math\n\n\n" + block);
        TestSnapshots.write(root, "shop/invoices.py", block);

        PerspectiveResult result = PythonCodeQuality.of(root);

        JsonNode details = AutocoderJson.newObjectMapper().valueToTree(result.details());
        List<String> ranges = new ArrayList<>();
        details.path("duplicated_ranges").forEach(r -> ranges.add(r.asText()));
        int lines = block.split("\n").length;
        assertThat(ranges).containsExactlyInAnyOrder("shop/invoices.py:1-" + lines, "shop/orders.py:4-" + (lines + 3));
        assertThat(details.has("cpd_not_searched")).isFalse();
        assertThat(result.summary()).contains("duplicated in 1 block.");
    }

    /** Eight functions of one shape: well over CPD's 100 tokens. */
    private static String pricing() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append("def price_").append(i).append("(amount, rate):\n")
                    .append("    total = amount * (1 + rate) + ").append(i).append("\n")
                    .append("    return round(total, 2)\n\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }
}
