package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.hub.DatasetFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's own columns have fixed shapes the dataset card can declare. */
class ImplementationColumnsTest {

    @TempDir
    Path store;

    @Test
    void everyColumnHasAFixedShape() {
        ImplementationColumns columns = new ImplementationColumns(new ProgressLedger(
                new dev.autocoder.workers.dataset.DatasetStore(store, "local", 1 << 20, new ObjectMapper(), Clock.systemUTC()), List::of, new ObjectMapper()), new ObjectMapper());

        List<Map<String, Object>> features = new DatasetFeatures(new ObjectMapper()).forRows(columns.types());

        List<String> names = features.stream().map(f -> (String) f.get("name")).toList();
        assertThat(names.subList(names.size() - 9, names.size())).containsExactly("stage_number", "stage_name", "task_id",
                "finding_id", "test_spec_ids", "narrative", "narrative_status", "analysis", "cumulative_progress");
        Map<String, Object> specIds = features.stream().filter(f -> f.get("name").equals("test_spec_ids")).findFirst().orElseThrow();
        assertThat(specIds.get("list")).isEqualTo("string");
        Map<String, Object> progress = features.get(features.size() - 1);
        assertThat(progress.get("struct").toString()).isEqualTo("[{name=tasks_started, dtype=int64}, "
                + "{name=implementations_generated, dtype=int64}, {name=tests_written, dtype=int64}, "
                + "{name=issues_discovered, dtype=int64}]");
        String analysis = features.get(features.size() - 2).toString();
        assertThat(analysis).contains("name=code_changes").contains("name=verified, dtype=bool")
                .contains("name=approaches").contains("name=risks").contains("name=tests").doesNotContain("dropped");
    }
}
