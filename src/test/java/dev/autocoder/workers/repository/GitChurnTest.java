package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.api.MergeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GitChurnTest {

    private static final Instant T0 = Instant.parse("2024-01-01T12:00:00Z");

    @TempDir
    Path dir;

    private static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    private static List<FileChurn> churn(Path folder, Duration window) {
        AutocoderProperties properties = GitFixture.localTarget(folder);
        properties.getAnalysis().setChurnWindow(window);
        Snapshot snapshot = new SnapshotService(new TargetRepository(properties), properties).current();
        return new GitChurn(properties).churn(snapshot).orElseThrow();
    }

    /** Root commit at day 0, then day 40 and day 60 (HEAD). */
    private void threeCommits(GitFixture repo) throws Exception {
        repo.write("A.java", "a\nb\nc\n");
        repo.write("Old.java", "old\nold\n");
        repo.commitAll("root", day(0));
        repo.write("A.java", "a\nB\nc\nd\n");
        repo.write("B.java", "one\ntwo\n");
        repo.commitAll("second", day(40));
        repo.write("A.java", "a\nB\nc\nd\ne\nf\n");
        repo.write("B.java", "one\n");
        repo.write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, '\n'});
        repo.commitAll("third", day(60));
    }

    @Test
    void countsCommitsAndLinesWithinTheWindowBeforeHead() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            threeCommits(repo);

            assertThat(churn(dir, Duration.ofDays(30))).containsExactly(
                    new FileChurn("A.java", 2, 4, 1),
                    new FileChurn("B.java", 2, 2, 1),
                    new FileChurn("logo.png", 1, 0, 0));
        }
    }

    @Test
    void theRootCommitDiffsAgainstTheEmptyTree() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            threeCommits(repo);

            assertThat(churn(dir, Duration.ofDays(60))).containsExactly(
                    new FileChurn("A.java", 3, 7, 1),
                    new FileChurn("B.java", 2, 2, 1),
                    new FileChurn("Old.java", 1, 2, 0),
                    new FileChurn("logo.png", 1, 0, 0));
        }
    }

    @Test
    void aRenamedFileKeepsItsHistoryUnderItsCurrentPath() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("src/Service.java", "class Service {\n  void a() {}\n  void b() {}\n  void c() {}\n}\n");
            repo.commitAll("add", day(0));
            repo.write("src/Service.java", "class Service {\n  void a() {}\n  void B() {}\n  void c() {}\n}\n");
            repo.commitAll("edit", day(1));
            Files.delete(dir.resolve("src/Service.java"));
            repo.write("src/core/Service.java",
                    "class Service {\n  void a() {}\n  void B() {}\n  void c() {}\n  void d() {}\n}\n");
            repo.commitAll("move", day(2));

            assertThat(churn(dir, Duration.ofDays(10))).containsExactly(
                    new FileChurn("src/core/Service.java", 3, 7, 1));
        }
    }

    @Test
    void historyOfAnEarlierFileAtTheSamePathDoesNotCount() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("Keep.java", "class Keep {}\n");
            repo.write("Gone.java", "class Gone {\n}\n");
            repo.commitAll("add", day(0));
            Files.delete(dir.resolve("Gone.java"));
            repo.commitAll("delete", day(1));
            repo.write("Gone.java", "interface Gone {}\n");
            repo.commitAll("re-create", day(2));

            assertThat(churn(dir, Duration.ofDays(10))).containsExactly(
                    new FileChurn("Gone.java", 1, 1, 0),
                    new FileChurn("Keep.java", 1, 1, 0));
        }
    }

    @Test
    void mergeCommitsAreNotCountedTwice() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("F.java", "f\n");
            repo.commitAll("base", day(0));
            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("F.java", "f\ng\n");
            repo.commitAll("feature", day(1));
            repo.git.checkout().setName("main").call();
            repo.write("G.java", "g\n");
            repo.commitAll("main", day(2));
            repo.git.merge().include(repo.git.getRepository().resolve("feature"))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            repo.commitAll("merge", day(3));

            assertThat(churn(dir, Duration.ofDays(10))).containsExactly(
                    new FileChurn("F.java", 2, 2, 0),
                    new FileChurn("G.java", 1, 1, 0));
        }
    }

    @Test
    void aTargetFolderInsideTheWorkTreeGetsPathsRelativeToItself() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("service/X.java", "x\n");
            repo.write("other/Y.java", "y\n");
            repo.commitAll("add", day(0));
            repo.write("service/X.java", "x\nx\n");
            repo.commitAll("edit", day(1));

            assertThat(churn(dir.resolve("service"), Duration.ofDays(10))).containsExactly(
                    new FileChurn("X.java", 2, 2, 0));
        }
    }

    @Test
    void onlyFilesInTheSnapshotAreReturned() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            threeCommits(repo);
            Files.delete(dir.resolve("B.java")); // deleted in the work tree, not committed

            assertThat(churn(dir, Duration.ofDays(30))).extracting(FileChurn::path)
                    .containsExactly("A.java", "logo.png");
        }
    }

    @Test
    void noHistoryMeansNoChurn() {
        GitFixture.write(dir, "A.java", "class A {}\n");
        AutocoderProperties properties = GitFixture.localTarget(dir);
        Snapshot snapshot = new SnapshotService(new TargetRepository(properties), properties).current();

        assertThat(new GitChurn(properties).churn(snapshot)).isEmpty();
    }
}
