package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetStoreTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path root;

    private DatasetStore store(Instant now, long maxBytes) {
        return new DatasetStore(root, "alice", maxBytes, mapper, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void appendsRowsInTheHubLayoutAndReadsThemBack() throws Exception {
        DatasetStore store = store(Instant.parse("2026-11-24T10:15:30.123Z"), 1 << 20);
        Finding finding = Finding.of("EmptyCatchBlock", "errorprone", Severity.HIGH, "src/A.java", 7, 9, "Avoid empty catch blocks", "catch (E e) {}");
        store.append("ds", Rows.row(1, "code-quality", List.of(finding)));
        store.append("ds", Rows.row(2, "architecture", List.of()));

        Path file = root.resolve("alice/ds/data/2026/11/24/20261124T101530123Z.jsonl");
        assertThat(file).exists();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"schema_version\":2,\"worker\":\"analysis\",\"iteration\":1,");
        assertThat(lines.get(0)).contains("\"findings\":[{\"id\":\"" + finding.id() + "\",\"rule\":\"EmptyCatchBlock\"");
        assertThat(lines.get(1)).contains("\"findings\":[]", "\"error\":null", "\"reason\":null");

        assertThat(store.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L);
        assertThat(store.lastRow("ds")).get().extracting(Row::perspectiveId).isEqualTo("architecture");
        assertThat(store.lastRow("ds", r -> r.perspectiveId().equals("code-quality"))).get()
                .satisfies(r -> assertThat(r.findings()).containsExactly(finding));
    }

    @Test
    void startsANewFileEachDayAndWhenTheFileIsFull() throws Exception {
        store(Instant.parse("2026-11-24T23:59:59Z"), 1 << 20).append("ds", Rows.row(1, "a", List.of()));
        DatasetStore nextDay = store(Instant.parse("2026-11-25T00:00:01Z"), 600);
        nextDay.append("ds", Rows.row(2, "a", List.of()));
        nextDay.append("ds", Rows.row(3, "a", List.of()));

        List<Path> files = nextDay.dataFiles("ds");
        assertThat(files).extracting(f -> root.resolve("alice/ds/data").relativize(f).toString().replace('\\', '/'))
                .containsExactly("2026/11/24/20261124T235959000Z.jsonl", "2026/11/25/20261125T000001000Z.jsonl",
                        "2026/11/25/20261125T000001001Z.jsonl");
        assertThat(nextDay.lastRow("ds")).get().extracting(Row::iteration).isEqualTo(3L);
    }

    @Test
    void continuesTheNewestFileOfTheDayAfterARestart() throws Exception {
        store(Instant.parse("2026-11-24T10:00:00Z"), 1 << 20).append("ds", Rows.row(1, "a", List.of()));
        store(Instant.parse("2026-11-24T11:00:00Z"), 1 << 20).append("ds", Rows.row(2, "a", List.of()));
        assertThat(store(Instant.parse("2026-11-24T12:00:00Z"), 1 << 20).dataFiles("ds")).hasSize(1);
    }

    @Test
    void repairsAPartialLastLineAndKeepsTheFragment() throws Exception {
        DatasetStore first = store(Instant.parse("2026-11-24T10:00:00Z"), 1 << 20);
        for (int i = 1; i <= 3; i++) {
            first.append("ds", Rows.row(i, "p" + i, List.of()));
        }
        Path file = first.dataFiles("ds").get(0);
        byte[] bytes = Files.readAllBytes(file);
        // kill -9 in the middle of writing row 3: its line is cut short and unterminated
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 40));

        DatasetStore restarted = store(Instant.parse("2026-11-24T10:05:00Z"), 1 << 20);
        assertThat(restarted.lastRow("ds")).get().extracting(Row::iteration).isEqualTo(2L);
        assertThat(Files.readString(file)).endsWith("\n");
        assertThat(Files.readAllLines(file)).hasSize(2);
        List<Path> quarantined;
        try (Stream<Path> walk = Files.walk(root.resolve(".quarantine"))) {
            quarantined = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(quarantined).hasSize(1);
        assertThat(Files.readString(quarantined.get(0), StandardCharsets.UTF_8)).startsWith("{\"schema_version\":2,\"worker\":\"analysis\",\"iteration\":3");

        restarted.append("ds", Rows.row(3, "p3", List.of()));
        assertThat(restarted.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L, 3L);
    }

    @Test
    void repairsATerminatedButBrokenLastLine() throws Exception {
        DatasetStore first = store(Instant.parse("2026-11-24T10:00:00Z"), 1 << 20);
        first.append("ds", Rows.row(1, "p", List.of()));
        Path file = first.dataFiles("ds").get(0);
        Files.writeString(file, "{\"schema_version\":1,\"worker\":\n", java.nio.file.StandardOpenOption.APPEND);

        DatasetStore restarted = store(Instant.parse("2026-11-24T10:05:00Z"), 1 << 20);
        long size = Files.size(file);
        assertThat(restarted.rows("ds")).extracting(Row::iteration).containsExactly(1L);
        // blanked in place, not cut: the Hub outbox may hold an offset past it
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.isBlank()).hasSize(1);
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(restarted.repairedLines()).isEqualTo(1);
    }

    @Test
    void repairsABrokenLineInTheMiddleOfAFileAndKeepsTheRowAppendedOntoIt() throws Exception {
        DatasetStore first = store(Instant.parse("2026-11-24T10:00:00Z"), 1 << 20);
        first.append("ds", Rows.row(1, "p1", List.of()));
        Path file = first.dataFiles("ds").get(0);
        String rowTwo = mapper.writeValueAsString(Rows.row(2, "p2", List.of()));
        String rowThree = mapper.writeValueAsString(Rows.row(3, "p3", List.of()));
        // what a full disk left behind before appends were all-or-nothing: a cut row, the retried row appended onto
        // it, and more rows after
        String fragment = rowTwo.substring(0, 60);
        Files.writeString(file, fragment + rowTwo + "\n" + "not json at all\n" + rowThree + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(file);

        DatasetStore restarted = store(Instant.parse("2026-11-24T10:05:00Z"), 1 << 20);
        assertThat(restarted.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L, 3L);
        assertThat(restarted.repairedLines()).isEqualTo(2);
        // repaired in place: byte offsets after the broken lines (the Hub outbox's progress) stay valid
        assertThat(Files.size(file)).isEqualTo(size);
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                assertThat(mapper.readValue(line, Row.class)).isNotNull();
            }
        }
        List<Path> quarantined;
        try (Stream<Path> walk = Files.walk(root.resolve(".quarantine"))) {
            quarantined = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(quarantined.stream().map(q -> {
            try {
                return Files.readString(q);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).containsExactlyInAnyOrder(fragment, "not json at all");

        // repaired once: a second start finds nothing to repair
        DatasetStore again = store(Instant.parse("2026-11-24T10:10:00Z"), 1 << 20);
        assertThat(again.rows("ds")).extracting(Row::iteration).containsExactly(1L, 2L, 3L);
        assertThat(again.repairedLines()).isZero();
    }

    @Test
    void anEmptyStoreHasNoRows() {
        DatasetStore store = store(Instant.parse("2026-11-24T10:00:00Z"), 1 << 20);
        assertThat(store.lastRow("missing")).isEmpty();
        assertThat(store.rows("missing")).isEmpty();
    }
}
