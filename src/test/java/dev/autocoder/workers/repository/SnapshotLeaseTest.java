package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two workers share one git-mode clone: while one holds a snapshot lease, the other's fetch and reset waits, so
 * the first reader keeps seeing its commit's files; the second then gets the new commit.
 */
class SnapshotLeaseTest {

    @TempDir
    Path dir;

    private GitFixture seed;
    private Path remote;

    @BeforeEach
    void createRemote() throws Exception {
        remote = dir.resolve("remote.git");
        seed = GitFixture.init(dir.resolve("seed"));
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        seed.git.remoteAdd().setName("origin").setUri(new URIish(remote.toUri().toString())).call();
    }

    @AfterEach
    void close() {
        seed.close();
    }

    private RevCommit commitAndPush(String text, Instant when) throws Exception {
        seed.write("App.java", text);
        RevCommit commit = seed.commitAll("change", when);
        seed.git.push().setRemote("origin").add(seed.git.getRepository().getBranch()).call();
        return commit;
    }

    @Test
    void aResetWaitsForTheOpenLeaseAndTheReaderKeepsItsCommit() throws Exception {
        RevCommit first = commitAndPush("class App { int v = 1; }\n", Instant.parse("2024-01-01T00:00:00Z"));
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setGitUrl(remote.toUri().toString());
        properties.getTarget().setWorkDir(dir.resolve("work"));
        SnapshotService snapshots = new SnapshotService(new TargetRepository(properties), properties);
        ExecutorService secondWorker = Executors.newSingleThreadExecutor();
        try (SnapshotService.Lease lease = snapshots.lease()) {
            Snapshot seen = lease.snapshot();
            assertThat(seen.commit()).isEqualTo(first.name());
            RevCommit second = commitAndPush("class App { int v = 2; }\n", Instant.parse("2024-01-02T00:00:00Z"));

            Future<String> other = secondWorker.submit(() -> {
                try (SnapshotService.Lease later = snapshots.lease()) {
                    return later.snapshot().commit() + " " + later.snapshot().read(later.snapshot().file("App.java").orElseThrow());
                }
            });
            await("the second worker waiting to reset").atMost(Duration.ofSeconds(30)).until(snapshots::isResetWaiting);

            // still the first commit's content, on disk and through the snapshot
            assertThat(seen.read(seen.file("App.java").orElseThrow())).isEqualTo("class App { int v = 1; }\n");
            assertThat(Files.readString(seen.root().resolve("App.java"))).isEqualTo("class App { int v = 1; }\n");
            assertThat(other.isDone()).isFalse();

            lease.close();
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(second.name() + " class App { int v = 2; }\n");
        } finally {
            secondWorker.shutdownNow();
        }
        // a thread holding a lease cannot ask for another: it would wait for itself
        try (SnapshotService.Lease lease = snapshots.lease()) {
            assertThatThrownBy(snapshots::lease).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(snapshots::current).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void localModeLeasesDoNotLock() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("local"));
        Files.writeString(folder.resolve("A.java"), "class A {}\n");
        AutocoderProperties properties = GitFixture.localTarget(folder);
        SnapshotService snapshots = new SnapshotService(new TargetRepository(properties), properties);
        try (SnapshotService.Lease one = snapshots.lease(); SnapshotService.Lease two = snapshots.lease()) {
            assertThat(one.snapshot().files()).hasSize(1);
            assertThat(two.snapshot().key()).isEqualTo(one.snapshot().key());
            assertThat(snapshots.current().key()).isEqualTo(one.snapshot().key());
        }
    }
}
