package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start checks the lines of the data files the last run changed, not of the whole history: a file unchanged since a
 * previous process found every line of it a row is not read again; a changed one is checked whole.
 */
class CheckedFilesTest {

    private static final String DATASET = "results";

    @TempDir
    Path root;

    /** A new store on the same folder: what the next process opens. */
    private DatasetStore open() {
        // small files: a few rows each
        return new DatasetStore(root, "alice", 2_000, new ObjectMapper(), Clock.systemUTC());
    }

    private List<Path> history() {
        DatasetStore store = open();
        for (long i = 1; i <= 12; i++) {
            store.append(DATASET, Rows.row(i, "architecture", List.of()));
        }
        List<Path> files = store.dataFiles(DATASET);
        assertThat(files).hasSizeGreaterThan(3);
        // the next process opens the history once: every file checked and noted
        assertThat(open().dataFiles(DATASET)).isEqualTo(files);
        assertThat(root.resolve(".state/checked/" + DATASET + ".json")).isRegularFile();
        return files;
    }

    /** Overwrites the first bytes of the file's first line with as many others, keeping its length and, if asked, its time. */
    private static void breakFirstLine(Path file, boolean keepTime) throws Exception {
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            bytes.write("#broken#".getBytes(StandardCharsets.UTF_8));
        }
        if (keepTime) {
            Files.setLastModifiedTime(file, time);
        }
    }

    @Test
    void aFileUnchangedSinceItWasCheckedIsNotReadAgainAtTheNextStart() throws Exception {
        List<Path> files = history();
        // same length, same time: only a read of the file's lines would find it
        breakFirstLine(files.get(0), true);

        DatasetStore next = open();
        next.dataFiles(DATASET);

        assertThat(next.repairedLines()).isZero();
    }

    @Test
    void aFileChangedSinceItWasCheckedIsCheckedWhole() throws Exception {
        List<Path> files = history();
        breakFirstLine(files.get(0), false);
        Path last = files.get(files.size() - 1);
        // a process that died in the middle of an append
        Files.writeString(last, "{\"schema_version\": 2, \"wor", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        DatasetStore next = open();
        next.dataFiles(DATASET);

        assertThat(next.repairedLines()).isEqualTo(2);
        assertThat(Files.readString(files.get(0))).startsWith(" ".repeat(8));
        assertThat(Files.readString(last)).endsWith("}\n");
        // and once repaired, the files are noted again: the start after finds nothing to do
        DatasetStore after = open();
        after.dataFiles(DATASET);
        assertThat(after.repairedLines()).isZero();
        assertThat(after.rows(DATASET)).hasSize(11);
    }
}
