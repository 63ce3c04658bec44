package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class GitTargetTest {

    private static final String TOKEN = "ghp_S3cretT0kenValue42";

    @TempDir
    Path dir;

    private GitFixture seed;
    private Path remote;
    private Path workDir;

    @BeforeEach
    void createRemote() throws Exception {
        remote = dir.resolve("remote.git");
        workDir = dir.resolve("work");
        seed = GitFixture.init(dir.resolve("seed"));
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        seed.git.remoteAdd().setName("origin").setUri(new URIish(remote.toUri().toString())).call();
    }

    @AfterEach
    void close() {
        seed.close();
    }

    private RevCommit commitAndPush(String path, String text, Instant when) throws Exception {
        seed.write(path, text);
        RevCommit commit = seed.commitAll("change " + path, when);
        seed.git.push().setRemote("origin").add(seed.git.getRepository().getBranch()).call();
        return commit;
    }

    private AutocoderProperties gitTarget(String url) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setGitUrl(url);
        properties.getTarget().setWorkDir(workDir);
        properties.getTarget().setPath(dir.resolve("not-used"));
        return properties;
    }

    private String remoteUrl() {
        return remote.toUri().toString();
    }

    @Test
    void clonesOnFirstUseAndFollowsTheRemoteHead() throws Exception {
        RevCommit first = commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        AutocoderProperties properties = gitTarget(remoteUrl());
        SnapshotService snapshots = new SnapshotService(new TargetRepository(properties), properties);

        Snapshot before = snapshots.current();
        assertThat(before.commit()).isEqualTo(first.name());
        assertThat(before.hasGitHistory()).isTrue();
        assertThat(before.repository()).isEqualTo(remoteUrl());
        assertThat(before.root()).isEqualTo(workDir.toRealPath());
        assertThat(before.files()).extracting(SourceFile::path).containsExactly("App.java");

        RevCommit second = commitAndPush("Added.java", "class Added {}\n", Instant.parse("2024-01-02T00:00:00Z"));
        Snapshot after = snapshots.current();

        assertThat(after.commit()).isEqualTo(second.name());
        assertThat(after.files()).extracting(SourceFile::path).containsExactly("Added.java", "App.java");
        assertThat(after.key()).isNotEqualTo(before.key());
    }

    @Test
    void localEditsInTheCloneAreDiscarded() throws Exception {
        commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        AutocoderProperties properties = gitTarget(remoteUrl());
        SnapshotService snapshots = new SnapshotService(new TargetRepository(properties), properties);
        snapshots.current();
        Files.writeString(workDir.resolve("App.java"), "class Tampered {}\n");
        Files.writeString(workDir.resolve("Stray.java"), "class Stray {}\n");

        Snapshot snapshot = snapshots.current();

        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("App.java");
        assertThat(Files.readString(workDir.resolve("App.java"))).isEqualTo("class App {}\n");
    }

    @Test
    void aRemoteThatGoesDownKeepsTheCheckoutAndIsRetried() throws Exception {
        RevCommit first = commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        String url = remoteUrl();
        TargetRepository target = new TargetRepository(gitTarget(url));
        target.checkout();
        Path away = Files.move(remote, dir.resolve("moved-away.git"));

        assertThatThrownBy(target::checkout).isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("autocoder.target.git-url: cannot reach " + url + ": ");
        assertThat(workDir.resolve("App.java")).hasContent("class App {}");

        Files.move(away, remote);
        assertThat(target.checkout().commit()).isEqualTo(first.name());
    }

    @Test
    void unreachableUrlsNameTheKey() {
        assertThatThrownBy(new TargetRepository(gitTarget("file:///nonexistent/repo.git"))::checkout)
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("autocoder.target.git-url: cannot reach file:///nonexistent/repo.git: ");
        assertThatThrownBy(new TargetRepository(gitTarget("http://127.0.0.1:1/x.git"))::checkout)
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("autocoder.target.git-url: cannot reach http://127.0.0.1:1/x.git: ");
        assertThat(workDir).doesNotExist();
    }

    @Test
    void credentialsInTheUrlNeverShow(CapturedOutput output) {
        TargetRepository target = new TargetRepository(gitTarget("http://ada:" + TOKEN + "@127.0.0.1:1/x.git"));

        assertThat(target.displayName()).isEqualTo("http://127.0.0.1:1/x.git");
        assertThatCode(target::validateAtStartup).doesNotThrowAnyException();
        assertThatThrownBy(target::checkout).isInstanceOf(TargetUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("ada:")
                        .startsWith("autocoder.target.git-url: cannot reach http://127.0.0.1:1/x.git: "))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThat(output.getAll()).contains("autocoder.target.git-url: cannot reach http://127.0.0.1:1/x.git")
                .doesNotContain(TOKEN);
    }

    @Test
    void theTokenIsSentAsBasicCredentialsAndNeverShown(CapturedOutput output) throws Exception {
        RevCommit first = commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        try (Git bare = Git.open(remote.toFile());
             SmartHttpGitServer server = new SmartHttpGitServer(bare.getRepository(), "x-access-token", TOKEN)) {
            AutocoderProperties properties = gitTarget(server.url());

            assertThatThrownBy(new TargetRepository(properties)::checkout)
                    .isInstanceOf(TargetUnavailableException.class)
                    .hasMessageStartingWith("autocoder.target.git-url: cannot reach " + server.url() + ": ");

            properties.getTarget().setGitToken(TOKEN);
            Snapshot snapshot = new SnapshotService(new TargetRepository(properties), properties).current();

            assertThat(snapshot.commit()).isEqualTo(first.name());
            assertThat(snapshot.repository()).isEqualTo(server.url());
            assertThat(server.requests).contains("GET /repo.git/info/refs (with credentials)",
                    "POST /repo.git/git-upload-pack (with credentials)");
            assertThat(Files.readString(workDir.resolve(".git/config"))).doesNotContain(TOKEN);

            properties.getTarget().setGitToken("wrong-" + TOKEN);
            assertThatThrownBy(new TargetRepository(properties)::checkout)
                    .isInstanceOf(TargetUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        }
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void aConfiguredBranchIsCheckedOutAndAMissingOneNamesTheKey() throws Exception {
        commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        seed.git.checkout().setCreateBranch(true).setName("dev").call();
        RevCommit dev = commitAndPush("Dev.java", "class Dev {}\n", Instant.parse("2024-01-02T00:00:00Z"));
        AutocoderProperties properties = gitTarget(remoteUrl());
        properties.getTarget().setBranch("dev");

        assertThat(new TargetRepository(properties).checkout().commit()).isEqualTo(dev.name());

        properties.getTarget().setBranch("nope");
        assertThatThrownBy(new TargetRepository(properties)::checkout).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.branch: branch 'nope' not found in " + remoteUrl());
    }

    @Test
    void withoutABranchTheRemoteDefaultBranchIsUsed() throws Exception {
        Path trunkRemote = dir.resolve("trunk.git");
        try (GitFixture other = GitFixture.init(dir.resolve("other"), "trunk");
             Git bare = Git.init().setBare(true).setInitialBranch("trunk").setDirectory(trunkRemote.toFile()).call()) {
            other.write("T.java", "class T {}\n");
            RevCommit trunk = other.commitAll("trunk", Instant.parse("2024-01-01T00:00:00Z"));
            other.git.push().setRemote(trunkRemote.toUri().toString()).add("trunk").call();
            other.git.checkout().setCreateBranch(true).setName("side").call();
            other.write("S.java", "class S {}\n");
            RevCommit side = other.commitAll("side", Instant.parse("2024-01-02T00:00:00Z"));
            other.git.push().setRemote(trunkRemote.toUri().toString()).add("side").call();
            TargetRepository target = new TargetRepository(gitTarget(trunkRemote.toUri().toString()));

            assertThat(target.checkout().commit()).isEqualTo(trunk.name());
            assertThat(target.checkout().commit()).isEqualTo(trunk.name()); // after a fetch, too

            bare.getRepository().updateRef("HEAD").link("refs/heads/side");
            assertThat(target.checkout().commit()).isEqualTo(side.name());
        }
    }

    @Test
    void aCloneOfAnotherUrlMadeHereIsReplaced() throws Exception {
        commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        Path otherRemote = dir.resolve("other.git");
        Git.cloneRepository().setURI(remoteUrl()).setBare(true).setDirectory(otherRemote.toFile()).call().close();
        new TargetRepository(gitTarget(otherRemote.toUri().toString())).checkout();
        RevCommit newer = commitAndPush("New.java", "class New {}\n", Instant.parse("2024-01-02T00:00:00Z"));

        TargetCheckout checkout = new TargetRepository(gitTarget(remoteUrl())).checkout();

        assertThat(checkout.commit()).isEqualTo(newer.name());
        try (Git clone = Git.open(workDir.toFile())) {
            assertThat(clone.getRepository().getConfig().getString("remote", "origin", "url")).isEqualTo(remoteUrl());
        }
    }

    @Test
    void aWorkDirWeDidNotCreateIsNeverDeleted() throws Exception {
        commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        Git.cloneRepository().setURI(remoteUrl()).setDirectory(workDir.toFile()).call().close();
        Path otherRemote = dir.resolve("other.git");
        Git.init().setBare(true).setDirectory(otherRemote.toFile()).call().close();

        assertThatThrownBy(new TargetRepository(gitTarget(otherRemote.toUri().toString()))::checkout)
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.work-dir: " + workDir + " holds a clone of " + remoteUrl()
                        + " that autocoder did not make; remove it or choose another folder");
        assertThat(workDir.resolve("App.java")).exists();

        Path notAClone = dir.resolve("plain");
        GitFixture.write(notAClone, "keep.txt", "mine\n");
        AutocoderProperties properties = gitTarget(remoteUrl());
        properties.getTarget().setWorkDir(notAClone);
        assertThatThrownBy(new TargetRepository(properties)::checkout).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.work-dir: " + notAClone
                        + " is not empty and holds no git clone; empty it or choose another folder");
        assertThat(notAClone.resolve("keep.txt")).exists();
    }

    @Test
    void startupValidationRejectsMalformedUrlsButOnlyWarnsAboutUnreachableOnes(CapturedOutput output) {
        assertThatThrownBy(new TargetRepository(gitTarget("foo://example.org/x.git"))::validateAtStartup)
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.git-url: unsupported scheme 'foo' in foo://example.org/x.git");

        AutocoderProperties unreachable = gitTarget("https://127.0.0.1:1/x.git");
        unreachable.getTarget().setGitToken(TOKEN);
        assertThatCode(new TargetRepository(unreachable)::validateAtStartup).doesNotThrowAnyException();
        assertThat(output.getAll()).contains("autocoder.target.git-url: cannot reach https://127.0.0.1:1/x.git")
                .doesNotContain(TOKEN);
    }

    @Test
    void theCommitIdIsTheRemoteBranchHead() throws Exception {
        RevCommit first = commitAndPush("App.java", "class App {}\n", Instant.parse("2024-01-01T00:00:00Z"));
        new TargetRepository(gitTarget(remoteUrl())).checkout();
        try (Git clone = Git.open(workDir.toFile())) {
            ObjectId head = clone.getRepository().resolve("HEAD");
            assertThat(head.name()).isEqualTo(first.name());
        }
    }
}
