package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testsupport.Rows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's retention on real data files: a target's files older than the retention, counted back from its newest
 * row, go; its newest file, the files of a target that stopped writing, and files a consumer holds stay.
 */
class StoreRetentionTest {

    private static final Instant DAY_0 = Instant.parse("2026-11-01T10:00:00Z");
    /** The sweeps' now: after every file of these tests, whatever the machine's date. */
    private static final Clock NOW = Clock.fixed(DAY_0.plus(Duration.ofDays(60)), ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    /** Appends a row as on a given day, in that day's file, and dates the file's last change that day. */
    private Path append(int day, String partition, long iteration) throws Exception {
        Instant at = DAY_0.plus(Duration.ofDays(day));
        new DatasetStore(root, "alice", 1 << 20, mapper, Clock.fixed(at, ZoneOffset.UTC)).append("ds", partition, row(iteration, partition));
        Path data = root.resolve("alice/ds/data");
        Path file = (partition == null ? data : data.resolve(partition))
                .resolve(DAY.format(at.atZone(ZoneOffset.UTC)))
                .resolve(FILE.format(at.atZone(ZoneOffset.UTC)) + ".jsonl");
        assertThat(file).exists();
        Files.setLastModifiedTime(file, FileTime.from(at));
        return file;
    }

    private static Row row(long iteration, String targetId) {
        Row r = Rows.row(iteration, "security", List.of());
        return new Row(r.schemaVersion(), r.worker(), r.iteration(), r.timestamp(), r.perspectiveNumber(), r.perspectiveId(),
                r.perspectiveName(), r.repository(), targetId, r.commit(), r.durationMs(), Status.OK, null, null, r.summary(),
                r.qualityScore(), 0, List.of(), List.of(), 0, 0, List.of(), List.of(), "{}", Map.of());
    }

    private DatasetStore store() {
        return new DatasetStore(root, "alice", 1 << 20, mapper, Clock.systemUTC());
    }

    private StoreRetention retention(DatasetStore store, String setting, DataFileHold... holds) {
        return new StoreRetention(store, setting, () -> List.of(holds), NOW, new SimpleMeterRegistry());
    }

    @Test
    void filesOlderThanTheRetentionBeforeTheNewestRowGoAndTheRowsAfterStay() throws Exception {
        Path day0 = append(0, null, 1);
        Path day5 = append(5, null, 2);
        Path day20 = append(20, null, 3);
        Path day21 = append(21, null, 4);
        DatasetStore store = store();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        StoreRetention.Sweep sweep = new StoreRetention(store, "15d", List::of, NOW, meters).sweep();

        assertThat(sweep.removedFiles()).isEqualTo(2);
        assertThat(meters.get("autocoder.store.retention.removed.files").tag("dataset", "ds").counter().count()).isEqualTo(2);
        assertThat(meters.get("autocoder.store.retention.removed").counter().count()).isEqualTo(sweep.removedBytes());
        assertThat(meters.get("autocoder.store.data.size").tag("dataset", "ds").gauge().value())
                .isEqualTo(Files.size(day20) + Files.size(day21));
        assertThat(sweep.removedBytes()).isPositive();
        assertThat(day0).doesNotExist();
        assertThat(day5).doesNotExist();
        // the emptied day folders go with them
        assertThat(day0.getParent()).doesNotExist();
        assertThat(day20).exists();
        assertThat(day21).exists();
        assertThat(store.rows("ds")).extracting(Row::iteration).containsExactly(3L, 4L);
        assertThat(store.lastRow("ds")).map(Row::iteration).contains(4L);
        // numbering goes on from the newest row; a second sweep has nothing to do
        assertThat(retention(store, "15d").sweep().removedFiles()).isZero();
    }

    @Test
    void aStoppedTargetKeepsItsHistoryAndEveryTargetKeepsItsNewestFile() throws Exception {
        // alpha stopped writing on day 1; beta goes on to day 40
        Path alpha0 = append(0, "alpha-00000001", 1);
        Path alpha1 = append(1, "alpha-00000001", 2);
        Path beta0 = append(0, "beta-00000002", 1);
        Path beta40 = append(40, "beta-00000002", 2);
        // the single target's layout: one file, however old
        Path single = append(2, null, 1);

        StoreRetention.Sweep sweep = retention(store(), "15d").sweep();

        assertThat(sweep.removedFiles()).isEqualTo(1);
        assertThat(beta0).doesNotExist();
        assertThat(List.of(alpha0, alpha1, beta40, single)).allMatch(Files::exists);
    }

    @Test
    void aFileAConsumerHoldsStaysAndAConsumerThatCannotTellKeepsEveryFile() throws Exception {
        Path day0 = append(0, null, 1);
        Path day1 = append(1, null, 2);
        Path day30 = append(30, null, 3);
        DatasetStore store = store();
        DataFileHold unpublished = (dataset, candidates) -> candidates.contains(day1) ? Map.of(day1, "rows not yet on the Hub") : Map.of();
        DataFileHold broken = (dataset, candidates) -> {
            throw new IllegalStateException("state unreadable");
        };

        StoreRetention.Sweep kept = retention(store, "15d", unpublished, broken).sweep();
        assertThat(kept.removedFiles()).isZero();
        assertThat(kept.heldFiles()).isEqualTo(2);
        assertThat(List.of(day0, day1, day30)).allMatch(Files::exists);

        StoreRetention.Sweep sweep = retention(store, "15d", unpublished).sweep();
        assertThat(sweep.removedFiles()).isEqualTo(1);
        assertThat(sweep.heldFiles()).isEqualTo(1);
        assertThat(day0).doesNotExist();
        assertThat(day1).exists();
    }

    @Test
    void aFileDatedAheadOfNowDoesNotTakeTheOthersWithIt() throws Exception {
        Path day0 = append(0, null, 1);
        Path aheadOfTime = append(1, null, 2);
        Files.setLastModifiedTime(aheadOfTime, FileTime.from(DAY_0.plus(Duration.ofDays(3650))));
        Clock dayTwo = Clock.fixed(DAY_0.plus(Duration.ofDays(2)), ZoneOffset.UTC);

        assertThat(new StoreRetention(store(), "15d", List::of, dayTwo, new SimpleMeterRegistry()).sweep().removedFiles()).isZero();
        assertThat(day0).exists();
    }

    @Test
    void zeroKeepsEveryRow() throws Exception {
        Path day0 = append(0, null, 1);
        append(400, null, 2);

        assertThat(retention(store(), "0").sweep().removedFiles()).isZero();
        assertThat(day0).exists();
    }

    @Test
    void aReaderThatListedAFileBeforeItWentReadsTheRowsThatAreLeft() throws Exception {
        append(0, null, 1);
        append(30, null, 2);
        DatasetStore store = store();
        List<Path> listed = store.dataFiles("ds");

        retention(store, "15d").sweep();

        List<Long> read = new ArrayList<>();
        listed.forEach(file -> DataFileRows.forEach(file, mapper, row -> read.add(row.iteration())));
        assertThat(read).containsExactly(2L);
        List<Long> newestFirst = new ArrayList<>();
        for (int i = listed.size() - 1; i >= 0; i--) {
            DataFileRows.forEachNewestFirst(listed.get(i), mapper, row -> newestFirst.add(row.iteration()));
        }
        assertThat(newestFirst).containsExactly(2L);
    }
}
