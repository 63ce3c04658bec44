package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of several targets in one dataset: a folder per target, beside the single target's layout. */
class DatasetStorePartitionTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    private DatasetStore store(String now) {
        return new DatasetStore(root, "alice", 1 << 20, mapper, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static Row row(long iteration, String targetId) {
        Row r = Rows.row(iteration, "security", List.of());
        return new Row(r.schemaVersion(), r.worker(), r.iteration(), r.timestamp(), r.perspectiveNumber(), r.perspectiveId(),
                r.perspectiveName(), r.repository(), targetId, r.commit(), r.durationMs(), Status.OK, null, null, r.summary(),
                r.qualityScore(), 0, List.of(), List.of(), 0, 0, List.of(), List.of(), "{}", Map.of());
    }

    @Test
    void eachTargetWritesInItsOwnFolderAndTheWholeDatasetReadsInTimeOrder() {
        store("2026-11-24T10:00:00Z").append("ds", row(1, null)); // the single target's layout, before the list
        store("2026-11-24T11:00:00Z").append("ds", "beta-00000002", row(1, "beta-00000002"));
        DatasetStore later = store("2026-11-24T12:00:00Z");
        later.append("ds", "alpha-00000001", row(1, "alpha-00000001"));
        later.append("ds", "alpha-00000001", row(2, "alpha-00000001"));

        assertThat(root.resolve("alice/ds/data/2026/11/24/20261124T100000000Z.jsonl")).exists();
        assertThat(root.resolve("alice/ds/data/beta-00000002/2026/11/24/20261124T110000000Z.jsonl")).exists();
        assertThat(root.resolve("alice/ds/data/alpha-00000001/2026/11/24/20261124T120000000Z.jsonl")).hasContent(
                String.join("", later.rows("ds").subList(2, 4).stream().map(this::json).toList()));
        assertThat(later.partitions("ds")).containsExactly("alpha-00000001", "beta-00000002");
        // every row, oldest file first, whichever folder it is in
        assertThat(later.rows("ds")).extracting(Row::targetId).containsExactly(null, "beta-00000002", "alpha-00000001", "alpha-00000001");

        List<Row> alphaNewestFirst = new ArrayList<>();
        later.forEachRowNewestFirst("ds", "alpha-00000001", alphaNewestFirst::add);
        // its own folder newest first, then the single target's layout (a target listed after running alone)
        assertThat(alphaNewestFirst).extracting(Row::targetId).containsExactly("alpha-00000001", "alpha-00000001", null);
        assertThat(alphaNewestFirst).extracting(Row::iteration).containsExactly(2L, 1L, 1L);
    }

    @Test
    void aPartitionIsATargetIdNeverAPathOrAYearFolder() {
        DatasetStore store = store("2026-11-24T10:00:00Z");
        assertThatThrownBy(() -> store.append("ds", "../escape", row(1, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.append("ds", "2026", row(1, null))).isInstanceOf(IllegalArgumentException.class);
        store.append("ds", row(1, null));
        assertThat(store.partitions("ds")).isEmpty();
    }

    private String json(Row row) {
        try {
            return mapper.writeValueAsString(row) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
