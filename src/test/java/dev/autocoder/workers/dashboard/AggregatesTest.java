package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.function.BiConsumer;

import static dev.autocoder.workers.row.Severity.HIGH;
import static dev.autocoder.workers.row.Severity.LOW;
import static dev.autocoder.workers.row.Severity.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates rebuilt once from a real store, then kept current by the store's row listener. */
class AggregatesTest {

    private static final String DATASET = "analysis-results";
    private static final WorkerDefinition ANALYSIS = new WorkerDefinition("analysis", "analysis-worker", DATASET,
            List.of("architecture", "security"), 60_000, 0);

    @TempDir
    Path temp;

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger rowsReadAgain = new AtomicInteger();
    private DatasetStore store;
    private WorkerRegistry registry;
    private Aggregates aggregates;

    @BeforeEach
    void setUp() {
        // counts how often a dataset is read whole
        store = new DatasetStore(temp, "local", 1 << 20, new ObjectMapper(), Clock.systemUTC()) {
            @Override
            public void forEachRowAt(String dataset, Instant since, BiConsumer<Row, RowAt> action) {
                if (since.equals(Instant.MIN)) {
                    reads.incrementAndGet();
                }
                super.forEachRowAt(dataset, since, action);
            }

            @Override
            public Optional<Row> rowAt(RowAt at) {
                rowsReadAgain.incrementAndGet();
                return super.rowAt(at);
            }
        };
        registry = new WorkerRegistry(store, java.util.List.of());
        registry.register(ANALYSIS);
    }

    /** Stores a row and hands it on as the row-stored route does (routes/worker-template.yaml). */
    private void write(String dataset, Row row) {
        store.append(dataset, row);
        if (aggregates != null) {
            aggregates.rowStored(dataset, row);
        }
    }

    private Aggregates start(int chartPoints, int recentRows) {
        DashboardProperties properties = new DashboardProperties();
        properties.setChartPoints(chartPoints);
        properties.setMaxRowsLimit(recentRows);
        return new Aggregates(store, registry, properties, new ObjectMapper(), null);
    }

    /**
     * With a list of targets a row makes its own perspective's view again and keeps the others' as they were (with
     * 256 targets making every perspective's again cost 12 ms a row); a changed list makes them all again, so a
     * target taken off stops counting at the next row in every perspective.
     */
    @Test
    void aRowRemakesOnlyItsPerspectiveUntilTheListChanges() {
        AtomicReference<Set<String>> listed = new AtomicReference<>(Set.of("alpha", "beta"));
        aggregates = new Aggregates(store, registry, new DashboardProperties(), new ObjectMapper(), listed::get);
        aggregates.rebuildAll();
        for (String target : List.of("alpha", "beta")) {
            write(DATASET, Rows.onTarget(TestRows.ok("analysis", 1, "architecture", 0.5, LOW), target));
            write(DATASET, Rows.onTarget(TestRows.ok("analysis", 2, "security", 0.5, LOW), target));
        }
        WorkerAggregate before = aggregates.of("analysis").orElseThrow();

        write(DATASET, Rows.onTarget(TestRows.ok("analysis", 3, "security", 0.9, HIGH, MEDIUM), "alpha"));
        WorkerAggregate after = aggregates.of("analysis").orElseThrow();
        assertThat(after.perspective("architecture").orElseThrow()).isSameAs(before.perspective("architecture").orElseThrow());
        PerspectiveAggregate security = after.perspective("security").orElseThrow();
        assertThat(security.openFindings()).isEqualTo(3);
        assertThat(security.qualityScore()).isEqualTo(0.7);
        assertThat(after.openFindings()).last().extracting(SeriesPoint::value).isEqualTo(5.0);

        // beta taken off the list: the next row, alpha's, leaves beta out of architecture's view too
        listed.set(Set.of("alpha"));
        write(DATASET, Rows.onTarget(TestRows.ok("analysis", 4, "security", 0.9, HIGH, MEDIUM), "alpha"));
        WorkerAggregate unlisted = aggregates.of("analysis").orElseThrow();
        assertThat(unlisted.perspective("architecture").orElseThrow().results()).containsOnlyKeys("alpha");
        assertThat(unlisted.perspective("architecture").orElseThrow().openFindings()).isEqualTo(1);
        assertThat(unlisted.perspective("security").orElseThrow().results()).containsOnlyKeys("alpha");
        assertThat(unlisted.openFindings()).last().extracting(SeriesPoint::value).isEqualTo(3.0);
    }

    @Test
    void rebuildsOnceFromTheStoreThenFollowsNewRows() {
        write(DATASET, TestRows.ok("analysis", 1, "architecture", 0.4, HIGH, MEDIUM));
        write(DATASET, TestRows.ok("analysis", 2, "security", 0.9, LOW));
        aggregates = start(200, 100);
        aggregates.rebuildAll();

        WorkerAggregate rebuilt = aggregates.of("analysis").orElseThrow();
        assertThat(rebuilt.rows()).isEqualTo(2);
        assertThat(rebuilt.iterations()).isEqualTo(2);
        assertThat(rebuilt.perspective("architecture").orElseThrow().qualityScore()).isEqualTo(0.4);
        assertThat(rebuilt.openFindings()).extracting(SeriesPoint::value).containsExactly(2.0, 3.0);

        write(DATASET, TestRows.ok("analysis", 3, "architecture", 0.6, HIGH));
        write(DATASET, TestRows.error("analysis", 4, "security", "IOException: disk gone"));
        for (int i = 0; i < 50; i++) {
            aggregates.of("analysis");
        }

        WorkerAggregate current = aggregates.of("analysis").orElseThrow();
        assertThat(reads).hasValue(1);
        assertThat(current.rows()).isEqualTo(4);
        assertThat(current.okRows()).isEqualTo(3);
        assertThat(current.errorRows()).isEqualTo(1);
        assertThat(current.newFindings()).isEqualTo(3);
        assertThat(current.lastRow().iteration()).isEqualTo(4);
        assertThat(current.lastErrorRow().error()).isEqualTo("IOException: disk gone");
        PerspectiveAggregate architecture = current.perspective("architecture").orElseThrow();
        assertThat(architecture.qualityScore()).isEqualTo(0.6);
        assertThat(architecture.scores()).extracting(SeriesPoint::value).containsExactly(0.4, 0.6);
        assertThat(architecture.counts().count(Scope.MAIN, HIGH)).isEqualTo(1);
        assertThat(architecture.counts().count(Scope.MAIN, MEDIUM)).isZero();
        PerspectiveAggregate security = current.perspective("security").orElseThrow();
        // the error row does not replace the latest ok result
        assertThat(security.latest().iteration()).isEqualTo(4);
        assertThat(security.latestOk().iteration()).isEqualTo(2);
        assertThat(security.openFindings()).isEqualTo(1);
        assertThat(current.openFindings()).extracting(SeriesPoint::value).containsExactly(2.0, 3.0, 2.0);
        assertThat(current.recentRows().newest(100)).extracting(Row::iteration).containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void aRowSeenByTheRebuildAndTheRowToDashboardStepCountsOnce() {
        aggregates = start(200, 100);
        write(DATASET, TestRows.ok("analysis", 1, "architecture", 0.4));
        // the row-to-dashboard step rebuilt on the first row (which the rebuild read too) and then added it: one row
        WorkerAggregate aggregate = aggregates.of("analysis").orElseThrow();
        assertThat(aggregate.rows()).isEqualTo(1);

        aggregates.rowStored(DATASET, TestRows.ok("analysis", 1, "architecture", 0.4));
        assertThat(aggregates.of("analysis").orElseThrow().rows()).isEqualTo(1);
    }

    @Test
    void seriesAndRecentRowsStayBounded() {
        aggregates = start(3, 2);
        for (int i = 1; i <= 10; i++) {
            write(DATASET, TestRows.ok("analysis", i, "architecture", i / 10.0));
        }
        WorkerAggregate aggregate = aggregates.of("analysis").orElseThrow();
        assertThat(aggregate.rows()).isEqualTo(10);
        assertThat(aggregate.perspective("architecture").orElseThrow().scores()).extracting(SeriesPoint::iteration)
                .containsExactly(8L, 9L, 10L);
        assertThat(aggregate.openFindings()).hasSize(3);
        assertThat(aggregate.recentRows().newest(100)).extracting(Row::iteration).containsExactly(10L, 9L);
    }

    /**
     * A rebuild keeps where the rows are and reads again (and packs) only the newest that stay in the window: the
     * same window as a row-by-row fold, the first copy of an iteration written twice, a stale row ignored.
     */
    @Test
    void aRebuildPacksOnlyTheRowsTheWindowKeeps() {
        for (int i = 1; i <= 10; i++) {
            write(DATASET, TestRows.ok("analysis", i, "architecture", i / 100.0));
        }
        write(DATASET, TestRows.ok("analysis", 10, "security", 0.5));  // the same iteration again: ignored
        write(DATASET, TestRows.ok("analysis", 4, "security", 0.5));   // a stale row: ignored
        write(DATASET, TestRows.ok("analysis", 11, "security", 0.11));
        aggregates = start(200, 3);

        WorkerAggregate aggregate = aggregates.of("analysis").orElseThrow();

        assertThat(aggregate.rows()).isEqualTo(11);
        assertThat(aggregate.recentRows().newest(100)).extracting(Row::iteration, Row::perspectiveId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11L, "security"), org.assertj.core.groups.Tuple.tuple(10L, "architecture"),
                org.assertj.core.groups.Tuple.tuple(9L, "architecture"));
        assertThat(rowsReadAgain).hasValue(3);

        write(DATASET, TestRows.ok("analysis", 12, "architecture", 0.12));
        assertThat(aggregates.of("analysis").orElseThrow().recentRows().newest(100)).extracting(Row::iteration)
                .containsExactly(12L, 11L, 10L);
    }

    @Test
    void numericFieldsOfCumulativeColumnsBecomeCounters() {
        aggregates = start(200, 100);
        write(DATASET, TestRows.withColumns(TestRows.ok("analysis", 1, "architecture", 0.5), Map.of(
                "cumulative_progress", Map.of("tests_written", 3, "note", "text is not a counter",
                        "by_kind", Map.of("unit", 2, "integration", 1)),
                "cumulative_insights", Map.of("plans", 7.5),
                "other_column", Map.of("ignored", 1))));
        write(DATASET, TestRows.withColumns(TestRows.ok("analysis", 2, "architecture", 0.5), Map.of(
                "cumulative_progress", Map.of("tests_written", 5))));

        Map<String, Double> counters = aggregates.of("analysis").orElseThrow().counters();
        assertThat(counters).containsOnly(
                Map.entry("cumulative_progress.tests_written", 5.0),
                Map.entry("cumulative_progress.by_kind.unit", 2.0),
                Map.entry("cumulative_progress.by_kind.integration", 1.0),
                Map.entry("cumulative_insights.plans", 7.5));
    }

    @Test
    void rowsOfAnotherDatasetOrAnUnknownWorkerAreIgnored() {
        aggregates = start(200, 100);
        write("someone-elses-dataset", TestRows.ok("analysis", 1, "architecture", 0.1));
        write(DATASET, TestRows.ok("stranger", 1, "architecture", 0.1));
        assertThat(aggregates.of("analysis").orElseThrow().rows()).isZero();
        assertThat(aggregates.of("stranger")).isEmpty();
    }
}
