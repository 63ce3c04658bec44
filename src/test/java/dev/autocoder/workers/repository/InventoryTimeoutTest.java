package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.autocoder.workers.repository.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A walk that takes too long gives the snapshot lock back instead of holding every worker (issue 12, item 1). */
class InventoryTimeoutTest {

    @TempDir
    Path dir;

    /** A disk so slow that reading one file takes 150 ms. */
    static final class SlowReader implements FileContentReader {
        final List<String> reads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            pause();
            reads.add(file.getFileName().toString());
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            pause();
            return Files.newInputStream(file);
        }

        private static void pause() throws IOException {
            try {
                TimeUnit.MILLISECONDS.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Test
    void aWalkPastItsTimeoutFailsReleasesTheLockAndTheNextWalkGoesOnFromWhereItStopped() throws Exception {
        for (int i = 0; i < 8; i++) {
            Path file = write(dir, "src/File" + i + ".java", "class File" + i + " {}\n");
            Files.setLastModifiedTime(file, FileTime.from(GitFixture.PAST)); // settled: a read is kept for next time
        }
        AutocoderProperties properties = GitFixture.localTarget(dir);
        properties.getAnalysis().setInventoryTimeout(Duration.ofMillis(400));
        SlowReader reader = new SlowReader();
        SnapshotService service = new SnapshotService(new TargetRepository(properties), properties, reader);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(service::current)
                    .isInstanceOf(TargetUnavailableException.class)
                    .hasMessageStartingWith("autocoder.analysis.inventory-timeout: the inventory of ")
                    .hasMessageContaining("took longer than 0.4s");
            int readBeforeGivingUp = reader.reads.size();
            assertThat(readBeforeGivingUp).isBetween(1, 7);

            // another worker gets the lock at once and its walk goes on from the files already read
            Snapshot snapshot = null;
            for (int attempt = 0; attempt < 8 && snapshot == null; attempt++) {
                snapshot = CompletableFuture.supplyAsync(() -> {
                    try {
                        return service.current();
                    } catch (TargetUnavailableException e) {
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            }
            assertThat(snapshot).isNotNull();
            assertThat(snapshot.files()).hasSize(8);
            assertThat(reader.reads).doesNotHaveDuplicates().hasSize(8);
        });
    }
}
