package dev.autocoder.workers.repository;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class LocalTargetTest {

    @TempDir
    Path dir;

    @Test
    void aPlainFolderHasNoCommitAndNoHistory() throws Exception {
        GitFixture.write(dir, "Main.java", "class Main {}\n");
        TargetRepository target = new TargetRepository(GitFixture.localTarget(dir));
        target.validateAtStartup();

        Snapshot snapshot = new SnapshotService(target, GitFixture.localTarget(dir)).current();

        assertThat(snapshot.commit()).isNull();
        assertThat(snapshot.hasGitHistory()).isFalse();
        assertThat(snapshot.repository()).isEqualTo(dir.toRealPath().toString());
        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("Main.java");
    }

    @Test
    void aGitWorkTreeGivesHeadAsCommit() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("Main.java", "class Main {}\n");
            String head = repo.commitAll("first", GitFixture.PAST).name();

            TargetCheckout checkout = new TargetRepository(GitFixture.localTarget(dir)).checkout();

            assertThat(checkout.commit()).isEqualTo(head);
            assertThat(checkout.hasGitHistory()).isTrue();
            assertThat(checkout.root()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void aRepositoryWithoutCommitsHasNoHistory() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("Main.java", "class Main {}\n");

            TargetCheckout checkout = new TargetRepository(GitFixture.localTarget(dir)).checkout();

            assertThat(checkout.commit()).isNull();
            assertThat(checkout.hasGitHistory()).isFalse();
        }
    }

    @Test
    void aMissingFolderIsReportedWithItsKey() {
        Path missing = dir.resolve("missing");
        TargetRepository target = new TargetRepository(GitFixture.localTarget(missing));

        assertThatThrownBy(target::validateAtStartup).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.path: " + missing + " does not exist");
        assertThatThrownBy(target::checkout).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.path: " + missing + " does not exist");
    }

    @Test
    void aRegularFileIsNotAFolder() throws Exception {
        Path file = GitFixture.write(dir, "notes.txt", "not a folder\n");
        TargetRepository target = new TargetRepository(GitFixture.localTarget(file));

        assertThatThrownBy(target::validateAtStartup).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.path: " + file + " is not a directory");
        assertThatThrownBy(() -> new SnapshotService(target, GitFixture.localTarget(file)).current())
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.path: " + file + " is not a directory");
    }

    @Test
    void anUnreadableFolderIsReported() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can read every folder");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx------"));
        try {
            assertThatThrownBy(new TargetRepository(GitFixture.localTarget(locked))::validateAtStartup)
                    .isInstanceOf(TargetUnavailableException.class)
                    .hasMessage("autocoder.target.path: " + locked + " is not readable");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
