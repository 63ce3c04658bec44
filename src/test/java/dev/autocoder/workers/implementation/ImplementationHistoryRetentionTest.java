package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's retention never takes the implementation worker's rows: they are the record of the findings its
 * cycles took on, which later cycles skip. Other datasets are not its to hold.
 */
class ImplementationHistoryRetentionTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void theImplementationDatasetIsHeldWholeAndNoOtherOne() {
        DatasetStore store = new DatasetStore(root, "local", 1 << 20, mapper,
                Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC));
        store.append("impl", Rows.row(1, Stage.DEEP_UNDERSTANDING.id(), List.of()));
        store.append("impl", Rows.row(2, Stage.IMPLEMENTATION_PLAN.id(), List.of()));
        store.append("analysis", Rows.row(1, "security", List.of()));
        ProgressLedger ledger = new ProgressLedger(store, List::of, mapper);

        List<Path> implementationFiles = store.dataFiles("impl");
        assertThat(ledger.held("impl", implementationFiles)).containsOnlyKeys(implementationFiles)
                .allSatisfy((file, why) -> assertThat(why).contains("findings it took on"));
        assertThat(ledger.held("analysis", store.dataFiles("analysis"))).isEmpty();
        assertThat(ledger.held("impl", List.of())).isEmpty();
    }
}
