package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;

/** Real files and real git commits in a temporary folder, with explicit times so results are deterministic. */
final class GitFixture implements AutoCloseable {

    /** A fixed past instant used as modification time, so the inventory's stat cache trusts the files. */
    static final Instant PAST = Instant.parse("2021-03-04T05:06:07Z");

    final Path root;
    final Git git;

    private GitFixture(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static GitFixture init(Path root) throws Exception {
        return init(root, "main");
    }

    static GitFixture init(Path root, String initialBranch) throws Exception {
        return new GitFixture(root, Git.init().setDirectory(root.toFile()).setInitialBranch(initialBranch).call());
    }

    static Path write(Path root, String path, String text) {
        return write(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            Files.setLastModifiedTime(file, FileTime.from(PAST));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String path, String text) {
        return write(root, path, text);
    }

    Path write(String path, byte[] bytes) {
        return write(root, path, bytes);
    }

    /** Stages every change (additions, modifications, deletions) and commits at the given time. */
    RevCommit commitAll(String message, Instant when) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent ident = new PersonIdent("Ada Tester", "ada@example.org", when, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).call();
    }

    static AutocoderProperties localTarget(Path folder) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(folder);
        return properties;
    }

    @Override
    public void close() {
        git.close();
    }
}
