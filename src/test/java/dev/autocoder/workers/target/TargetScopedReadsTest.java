package dev.autocoder.workers.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.implementation.task.NewestRows;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testplan.AnalysisRows;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a fleet the test-planning and implementation workers read the analysis rows of the target they run on
 * (PerspectiveContext.targetId()), not the newest rows of any target: two targets in one real store.
 */
class TargetScopedReadsTest {

    private static final String DATASET = "autocoder-analysis-results";
    private static final String ALPHA = "alpha-00000001";
    private static final String BETA = "beta-00000002";

    @TempDir
    Path root;

    private DatasetStore store(String now) {
        return new DatasetStore(root, "alice", 1 << 20, new ObjectMapper(), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static Row row(long iteration, String perspective, String targetId, Status status) {
        Row r = Rows.row(iteration, perspective, List.of());
        return new Row(r.schemaVersion(), r.worker(), r.iteration(), r.timestamp(), r.perspectiveNumber(), r.perspectiveId(),
                r.perspectiveName(), "/srv/" + targetId, targetId, r.commit(), r.durationMs(), status, null, null, r.summary(),
                r.qualityScore(), 0, List.of(), List.of(), 0, 0, List.of(), List.of(), "{}", Map.of());
    }

    /** Alpha's analysis rows first; then beta's, newer, and a newer failed security row of alpha's. */
    private void twoTargets() {
        DatasetStore earlier = store("2026-11-24T10:00:00Z");
        earlier.append(DATASET, ALPHA, row(1, "security", ALPHA, Status.OK));
        earlier.append(DATASET, ALPHA, row(2, "test-coverage", ALPHA, Status.OK));
        DatasetStore later = store("2026-11-24T11:00:00Z");
        later.append(DATASET, BETA, row(1, "security", BETA, Status.OK));
        later.append(DATASET, BETA, row(2, "test-coverage", BETA, Status.OK));
        later.append(DATASET, ALPHA, row(3, "security", ALPHA, Status.ERROR));
    }

    @Test
    void testPlanningReadsTheAnalysisRowsOfItsOwnTarget() {
        twoTargets();
        AutocoderProperties properties = new AutocoderProperties();
        AnalysisRows analysis = new AnalysisRows(store("2026-11-24T12:00:00Z"), properties);

        assertThat(analysis.latestOk("security", ALPHA)).get()
                .extracting(Row::targetId, Row::iteration).containsExactly(ALPHA, 1L);
        assertThat(analysis.latestOk("test-coverage", BETA)).get()
                .extracting(Row::targetId, Row::iteration).containsExactly(BETA, 2L);
        assertThat(analysis.latestOk("security", "gamma-00000003")).isEmpty();
        // the single target (no list) reads every row: the newest ok one is beta's
        assertThat(analysis.latestOk("security")).get().extracting(Row::targetId).isEqualTo(BETA);
    }

    @Test
    void implementationReadsTheNewestAnalysisOfItsOwnTarget() {
        twoTargets();
        NewestRows rows = new NewestRows(store("2026-11-24T12:00:00Z"), List::of);

        NewestRows.Found alpha = rows.read(DATASET, List.of("security", "test-coverage"), ALPHA);
        assertThat(alpha.source()).isEqualTo("the local store");
        assertThat(alpha.rows()).containsOnlyKeys("security", "test-coverage");
        assertThat(alpha.rows().values()).extracting(Row::targetId).containsOnly(ALPHA);
        assertThat(alpha.rows().get("security").iteration()).isEqualTo(1L);

        NewestRows.Found beta = rows.read(DATASET, List.of("security", "test-coverage"), BETA);
        assertThat(beta.rows().values()).extracting(Row::targetId).containsOnly(BETA);

        NewestRows.Found none = rows.read(DATASET, List.of("security"), "gamma-00000003");
        assertThat(none.rows()).isEmpty();
        assertThat(none.source()).isNull();
    }
}
