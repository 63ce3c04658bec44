package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.autocoder.workers.row.Severity.HIGH;
import static dev.autocoder.workers.row.Severity.LOW;
import static dev.autocoder.workers.row.Severity.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's aggregates kept on disk: a restart takes the checkpoint and folds only the data files changed since
 * it, and ends where a rebuild from the whole history ends; a checkpoint it cannot trust is passed over.
 */
class AggregateCheckpointTest {

    private static final String DATASET = "analysis-results";
    private static final WorkerDefinition ANALYSIS = new WorkerDefinition("analysis", "analysis-worker", DATASET,
            List.of("architecture", "security"), 60_000, 0);
    private static final ObjectMapper MAPPER = AutocoderJson.newObjectMapper();

    @TempDir
    Path temp;

    private DatasetStore store;
    private WorkerRegistry registry;

    @BeforeEach
    void setUp() {
        // small data files: a few rows each, so a history spans many files
        store = new DatasetStore(temp, "local", 4_000, MAPPER, Clock.systemUTC());
        registry = new WorkerRegistry(store, List.of());
        registry.register(ANALYSIS);
    }

    private Aggregates start(int chartPoints) {
        return start(chartPoints, null);
    }

    /** The aggregates of a process with a list of targets ({@code listed} its ids), or of the single target (null). */
    private Aggregates start(int chartPoints, Supplier<Set<String>> listed) {
        DashboardProperties properties = new DashboardProperties();
        properties.setChartPoints(chartPoints);
        Aggregates aggregates = new Aggregates(store, registry, properties, MAPPER, listed);
        aggregates.rebuildAll();
        return aggregates;
    }

    /** Rows {@code from..to} of two perspectives, every fifth one an error, stored and handed on as the route does. */
    private void write(Aggregates running, long from, long to) {
        for (long i = from; i <= to; i++) {
            String perspective = i % 2 == 0 ? "architecture" : "security";
            Row row = i % 5 == 0 ? TestRows.error("analysis", i, perspective, "IOException: disk gone " + i)
                    : i % 3 == 0 ? TestRows.ok("analysis", i, perspective, 0.1 * (i % 10), HIGH, MEDIUM)
                    : TestRows.ok("analysis", i, perspective, 0.1 * (i % 10), LOW);
            store.append(DATASET, row);
            if (running != null) {
                running.rowStored(DATASET, row);
            }
        }
    }

    private Path checkpointFile() {
        return temp.resolve(".state").resolve("dashboard-analysis.json");
    }

    /** Every data file of the dataset dated two days back: older than any checkpoint's margin. */
    private List<Path> ageDataFiles() throws Exception {
        List<Path> files = store.dataFiles(DATASET);
        for (Path file : files) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        }
        return files;
    }

    @Test
    void aRestartFoldsOnlyTheDataFilesChangedSinceTheCheckpointAndEndsWhereAFullRebuildEnds() throws Exception {
        Aggregates first = start(200);
        write(first, 1, 30);
        first.checkpoint();
        assertThat(checkpointFile()).isRegularFile();
        List<Path> before = ageDataFiles();
        assertThat(before).hasSizeGreaterThan(3);
        // rows written after the checkpoint, while the dashboard was down
        write(null, 31, 37);
        Map<String, Object> rebuiltInFull = describe(start(200).of("analysis").orElseThrow());

        // the oldest file goes away: a restart that read it again would count fewer rows than the full rebuild did
        Files.delete(before.get(0));
        WorkerAggregate restarted = start(200).of("analysis").orElseThrow();

        assertThat(describe(restarted)).isEqualTo(rebuiltInFull);
        assertThat(restarted.rows()).isEqualTo(37);
        assertThat(restarted.lastRow().iteration()).isEqualTo(37);
        assertThat(restarted.lastErrorRow().error()).isEqualTo("IOException: disk gone 35");
        assertThat(restarted.recentRows().newest(3)).extracting(Row::iteration).containsExactly(37L, 36L, 35L);
        assertThat(start(200).of("analysis").orElseThrow().rows()).as("a second restart from the same checkpoint")
                .isEqualTo(37);
        Files.delete(checkpointFile());
        assertThat(start(200).of("analysis").orElseThrow().rows()).as("a full rebuild, the oldest file gone")
                .isLessThan(37);
    }

    @Test
    void anUnchangedAggregateIsNotWrittenAgainAndOneAtShutdownCoversTheLastRows() throws Exception {
        Aggregates first = start(200);
        write(first, 1, 10);
        first.checkpoint();
        FileTime marked = FileTime.from(Files.getLastModifiedTime(checkpointFile()).toInstant().minusSeconds(60));
        Files.setLastModifiedTime(checkpointFile(), marked);
        first.checkpoint();
        assertThat(Files.getLastModifiedTime(checkpointFile())).as("not written again").isEqualTo(marked);

        write(first, 11, 12);
        first.checkpointAtShutdown();
        ageDataFiles();
        assertThat(start(200).of("analysis").orElseThrow().rows()).isEqualTo(12);
    }

    @Test
    void aCheckpointOfOtherSettingsAheadOfTheStoreOrUnreadableMeansAFullRebuild() throws Exception {
        Aggregates first = start(200);
        write(first, 1, 20);
        first.checkpoint();
        ageDataFiles();

        // fewer chart points: the series a full rebuild makes, not the checkpoint's longer one
        WorkerAggregate fewerPoints = start(3).of("analysis").orElseThrow();
        assertThat(fewerPoints.rows()).isEqualTo(20);
        assertThat(fewerPoints.openFindings()).hasSize(3);

        // unreadable: a warning, then the whole history
        Files.writeString(checkpointFile(), "{\"format\": 1, \"rows\": ");
        assertThat(start(200).of("analysis").orElseThrow().rows()).isEqualTo(20);

        // ahead of the store: the store's rows were replaced by a shorter history
        start(200).checkpoint();
        for (Path file : store.dataFiles(DATASET)) {
            Files.delete(file);
        }
        DatasetStore fresh = new DatasetStore(temp, "local", 4_000, MAPPER, Clock.systemUTC());
        store = fresh;
        registry = new WorkerRegistry(store, List.of());
        registry.register(ANALYSIS);
        write(null, 1, 4);
        WorkerAggregate replaced = start(200).of("analysis").orElseThrow();
        assertThat(replaced.rows()).isEqualTo(4);
        assertThat(replaced.lastRow().iteration()).isEqualTo(4);
    }

    /**
     * With a list of targets each target numbers its own rows (alpha 1, 2, 3 beside beta 1, 2, 3): the worker's
     * aggregate over every row counts them all, a restart from its checkpoint too, and a row read again is told by
     * its own target's numbering.
     */
    @Test
    void theRowsOfListedTargetsAllCountThoughTheirIterationsRepeat() throws Exception {
        Supplier<Set<String>> listed = () -> Set.of("alpha", "beta");
        Aggregates first = start(200, listed);
        for (long i = 1; i <= 6; i++) {
            for (String target : List.of("alpha", "beta")) {
                String perspective = i % 2 == 0 ? "architecture" : "security";
                Row row = Rows.onTarget(i == 5 && target.equals("beta") ? TestRows.error("analysis", i, perspective, "disk gone")
                        : TestRows.ok("analysis", i, perspective, 0.5, LOW), target);
                store.append(DATASET, target, row);
                first.rowStored(DATASET, row);
            }
        }
        WorkerAggregate live = first.of("analysis").orElseThrow();
        assertThat(live.rows()).isEqualTo(12);
        first.checkpoint();
        Map<String, Object> before = describe(live);

        // every data file changed within the margin: all twelve rows are handed to the restart again
        WorkerAggregate restarted = start(200, listed).of("analysis").orElseThrow();
        assertThat(restarted.rows()).isEqualTo(12);
        assertThat(describe(restarted)).isEqualTo(before);
        assertThat(restarted.recentRows().newest(12)).extracting(r -> r.targetId() + "#" + r.iteration())
                .contains("alpha#6", "beta#6", "alpha#1", "beta#1");
        // security's latest row is beta's error 5, its latest ok one alpha's 5: two rows of one iteration, both kept
        PerspectiveAggregate security = restarted.perspective("security").orElseThrow();
        assertThat(security.latest().targetId() + " " + security.latest().error()).isEqualTo("beta disk gone");
        assertThat(security.latestOk().targetId()).isEqualTo("alpha");
        // each target's current result: alpha's 5 and beta's 3 (its 5 failed), their findings summed
        assertThat(security.results()).extractingFromEntries(e -> e.getKey() + "#" + e.getValue().iteration())
                .containsExactly("alpha#5", "beta#3");
        assertThat(security.openFindings()).isEqualTo(2);
        // a target taken off the list stops counting
        assertThat(start(200, () -> Set.of("alpha")).of("analysis").orElseThrow().perspective("security").orElseThrow()
                .results()).containsOnlyKeys("alpha");
        // the single target's process does not take a checkpoint written with a list: one current result per perspective
        PerspectiveAggregate single = start(200).of("analysis").orElseThrow().perspective("security").orElseThrow();
        assertThat(single.results()).containsOnlyKeys("");
        assertThat(single.openFindings()).isEqualTo(1);
        Files.delete(checkpointFile());
        assertThat(start(200, listed).of("analysis").orElseThrow().rows()).as("a full rebuild").isEqualTo(12);
    }

    /** A target's own aggregate (the repository picker) keeps its checkpoint too, {@code dashboard-{worker}.{target}}. */
    @Test
    void aTargetsAggregateStartsFromItsOwnCheckpoint() throws Exception {
        Aggregates first = start(200);
        writeOn(first, "alpha", 1, 20);
        writeOn(first, "beta", 1, 5);
        assertThat(first.of("analysis", "alpha").orElseThrow().rows()).isEqualTo(20);
        writeOn(first, "alpha", 21, 24);
        first.checkpoint();
        Path checkpoint = temp.resolve(".state").resolve("dashboard-analysis.alpha.json");
        assertThat(checkpoint).isRegularFile();
        assertThat(temp.resolve(".state").resolve("dashboard-analysis.beta.json")).as("never asked for").doesNotExist();

        // the oldest of alpha's files goes away: a restart that read it again would count fewer rows
        ageDataFiles();
        Files.delete(store.dataFiles(DATASET).stream().filter(f -> f.toString().contains("/alpha/")).findFirst().orElseThrow());
        WorkerAggregate restarted = start(200).of("analysis", "alpha").orElseThrow();
        assertThat(restarted.rows()).isEqualTo(24);
        assertThat(restarted.lastRow().iteration()).isEqualTo(24);
        Files.delete(checkpoint);
        assertThat(start(200).of("analysis", "alpha").orElseThrow().rows()).as("a full rebuild").isLessThan(24);
    }

    /** A target taken off the list loses its aggregate's checkpoint at the next checkpoint; the others keep theirs. */
    @Test
    void aTargetTakenOffTheListLosesItsCheckpoint() throws Exception {
        AtomicReference<Set<String>> listed = new AtomicReference<>(Set.of("alpha", "beta"));
        Aggregates running = start(200, listed::get);
        writeOn(running, "alpha", 1, 3);
        writeOn(running, "beta", 1, 3);
        running.of("analysis", "alpha");
        running.of("analysis", "beta");
        running.checkpoint();
        Path state = temp.resolve(".state");
        assertThat(state.resolve("dashboard-analysis.alpha.json")).isRegularFile();
        assertThat(state.resolve("dashboard-analysis.beta.json")).isRegularFile();
        // not a target's: a name with a dot after the worker's, another worker's
        Files.writeString(state.resolve("dashboard-analysis.beta.old.json"), "{}");
        Files.writeString(state.resolve("dashboard-analysisx.beta.json"), "{}");

        listed.set(Set.of("alpha"));
        running.checkpoint();
        assertThat(state.resolve("dashboard-analysis.beta.json")).doesNotExist();
        assertThat(state.resolve("dashboard-analysis.alpha.json")).isRegularFile();
        assertThat(checkpointFile()).isRegularFile();
        assertThat(state.resolve("dashboard-analysis.beta.old.json")).isRegularFile();
        assertThat(state.resolve("dashboard-analysisx.beta.json")).isRegularFile();
    }

    private void writeOn(Aggregates running, String target, long from, long to) {
        for (long i = from; i <= to; i++) {
            Row row = Rows.onTarget(TestRows.ok("analysis", i, i % 2 == 0 ? "architecture" : "security", 0.5, LOW), target);
            store.append(DATASET, target, row);
            running.rowStored(DATASET, row);
        }
    }

    /** What the dashboard shows of an aggregate, as plain values. */
    private static Map<String, Object> describe(WorkerAggregate aggregate) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("counts", List.of(aggregate.rows(), aggregate.okRows(), aggregate.errorRows(), aggregate.skippedRows(),
                aggregate.newFindings(), aggregate.resolvedFindings()));
        seen.put("last", List.of(aggregate.lastRow().iteration(), aggregate.lastErrorRow().iteration(),
                String.valueOf(aggregate.lastRowAt())));
        for (PerspectiveAggregate p : aggregate.perspectives()) {
            seen.put(p.id(), List.of(p.name(), p.rows(), p.latest().iteration(), p.latestOk().iteration(),
                    p.openFindings(), p.scores(), p.groups(), String.valueOf(p.qualityScore()),
                    p.results().entrySet().stream().map(e -> e.getKey() + "#" + e.getValue().iteration()).toList()));
        }
        seen.put("open", aggregate.openFindings());
        seen.put("counters", aggregate.counters());
        seen.put("recent", aggregate.recentRows().newest(100).stream().map(Row::iteration).toList());
        return seen;
    }
}
