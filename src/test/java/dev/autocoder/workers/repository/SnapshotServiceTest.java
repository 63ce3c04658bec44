package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.autocoder.workers.repository.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotServiceTest {

    @TempDir
    Path dir;

    /** Counts real reads per path; can be told to fail for one path. */
    static final class CountingReader implements FileContentReader {
        final List<String> fullReads = Collections.synchronizedList(new ArrayList<>());
        final List<String> streams = Collections.synchronizedList(new ArrayList<>());
        String failingFileName;

        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            if (file.getFileName().toString().equals(failingFileName)) {
                throw new AccessDeniedException(file.toString());
            }
            fullReads.add(file.getFileName().toString());
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            streams.add(file.getFileName().toString());
            return Files.newInputStream(file);
        }
    }

    private SnapshotService service(Path folder, CountingReader reader) {
        AutocoderProperties properties = GitFixture.localTarget(folder);
        properties.getAnalysis().setMaxFileSize(DataSize.ofBytes(100));
        return new SnapshotService(new TargetRepository(properties), properties, reader);
    }

    private static String blobId(byte[] bytes) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
    }

    private void plantTree(GitFixture repo) throws IOException {
        repo.write(".gitignore", "*.log\n!keep.log\nsecret/\n/root-only.txt\n");
        repo.write("src/Main.java", "class Main {\n  int x;\n}\n");
        repo.write("src/app.log", "ignored by *.log\n");
        repo.write("src/keep.log", "re-included by !keep.log");
        repo.write("src/.gitignore", "generated/\n*.tmp\n!important.tmp\n");
        repo.write("src/generated/Gen.java", "class Gen {}\n");
        repo.write("src/a.tmp", "x\n");
        repo.write("src/important.tmp", "y\n");
        repo.write("other/b.tmp", "nested rules apply only below src/\n");
        repo.write("docs/.gitignore", "!debug.log\n");
        repo.write("docs/debug.log", "one\ntwo\n");
        repo.write("docs/README.md", "hello\n");
        repo.write("secret/key.txt", "ignored folder\n");
        repo.write("root-only.txt", "anchored pattern\n");
        repo.write("sub/root-only.txt", "anchored pattern does not reach here\n");
        repo.write("target/classes/Main.class", "build output\n");
        repo.write("module/build/out.txt", "build output\n");
        repo.write("node_modules/lib/index.js", "module.exports = 1;\n");
        repo.write("pip/_vendor/six.py", "PY3 = True\n"); // a Python package's vendored copies (pip, setuptools)
        repo.write(".idea/workspace.xml", "<x/>\n");
        repo.write(".autocoder/datasets/row.json", "{}\n");
        repo.write("local-notes.md", "excluded by .git/info/exclude\n");
        repo.write("img/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, '\n', 3});
        repo.write("data/big.csv", "a,b,c\n".repeat(50));
        Files.createDirectories(repo.root.resolve(".git/info"));
        Files.writeString(repo.root.resolve(".git/info/exclude"), "local-notes.md\n");
        Files.createSymbolicLink(repo.root.resolve("link.java"), repo.root.resolve("src/Main.java"));
    }

    @Test
    void inventoryHonoursIgnoreRulesSkippedFoldersAndFlagsBinaryAndOversizedFiles() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            plantTree(repo);
            CountingReader reader = new CountingReader();

            Snapshot snapshot = service(dir, reader).current();

            assertThat(snapshot.files())
                    .extracting(SourceFile::path, SourceFile::language, SourceFile::size, SourceFile::lines,
                            SourceFile::binary, SourceFile::oversized)
                    .containsExactly(
                            tuple(".gitignore", Language.OTHER, 39L, 4, false, false),
                            tuple("data/big.csv", Language.OTHER, 300L, 0, false, true),
                            tuple("docs/.gitignore", Language.OTHER, 11L, 1, false, false),
                            tuple("docs/README.md", Language.MARKDOWN, 6L, 1, false, false),
                            tuple("docs/debug.log", Language.OTHER, 8L, 2, false, false),
                            tuple("img/logo.png", Language.OTHER, 9L, 0, true, false),
                            tuple("other/b.tmp", Language.OTHER, 35L, 1, false, false),
                            tuple("src/.gitignore", Language.OTHER, 32L, 3, false, false),
                            tuple("src/Main.java", Language.JAVA, 24L, 3, false, false),
                            tuple("src/important.tmp", Language.OTHER, 2L, 1, false, false),
                            tuple("src/keep.log", Language.OTHER, 24L, 1, false, false),
                            tuple("sub/root-only.txt", Language.TEXT, 37L, 1, false, false));
            assertThat(snapshot.root()).isEqualTo(dir.toRealPath());
            assertThat(snapshot.repository()).isEqualTo(dir.toRealPath().toString());
            assertThat(snapshot.file("docs/README.md").orElseThrow().contentHash())
                    .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a"); // git hash-object of "hello\n"
            assertThat(reader.fullReads).doesNotContain("big.csv");
            assertThat(reader.streams).containsExactly("big.csv");
            assertThat(snapshot.file("data/big.csv").orElseThrow().contentHash())
                    .isEqualTo(blobId("a,b,c\n".repeat(50).getBytes(StandardCharsets.UTF_8)));
            assertThat(service(dir, new CountingReader()).lastSkipped()).isEmpty();
        }
    }

    @Test
    void contentHashesAreTheBlobIdsGitStoresAndIgnoreRulesAgreeWithJGit() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            plantTree(repo);
            Snapshot snapshot = service(dir, new CountingReader()).current();

            repo.git.add().addFilepattern(".").call();
            DirCache index = repo.git.getRepository().readDirCache();
            Map<String, String> staged = new HashMap<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                staged.put(index.getEntry(i).getPathString(), index.getEntry(i).getObjectId().name());
            }
            // JGit's own add stages build folders too (they are not in .gitignore); everything else must agree.
            staged.keySet().removeIf(path -> path.startsWith("target/") || path.startsWith("module/build/")
                    || path.startsWith("node_modules/") || path.startsWith("pip/_vendor/") || path.startsWith(".idea/") || path.startsWith(".autocoder/")
                    || path.equals("link.java"));
            Map<String, String> inventoried = new HashMap<>();
            snapshot.files().forEach(file -> inventoried.put(file.path(), file.contentHash()));
            assertThat(inventoried).isEqualTo(staged);
        }
    }

    @Test
    void keyChangesWithContentOnly() throws Exception {
        write(dir, "a/One.java", "class One {}\n");
        write(dir, "Two.py", "print(2)\n");
        SnapshotService service = service(dir, new CountingReader());

        String first = service.current().key();
        assertThat(service.current().key()).isEqualTo(first);

        write(dir, "Two.py", "print(22)\n");
        String changed = service.current().key();
        assertThat(changed).isNotEqualTo(first).hasSize(64);

        write(dir, "Two.py", "print(2)\n");
        Files.setLastModifiedTime(dir.resolve("Two.py"), FileTime.from(GitFixture.PAST.plusSeconds(60)));
        assertThat(service.current().key()).isEqualTo(first);
    }

    @Test
    void statCacheAvoidsRereadingUnchangedFilesAndDropsVanishedOnes() throws Exception {
        write(dir, "A.java", "class A {}\n");
        write(dir, "B.java", "class B {}\n");
        write(dir, "big.txt", "x".repeat(200));
        CountingReader reader = new CountingReader();
        SnapshotService service = service(dir, reader);

        service.current();
        assertThat(reader.fullReads).containsExactlyInAnyOrder("A.java", "B.java");
        assertThat(reader.streams).containsExactly("big.txt");

        reader.fullReads.clear();
        reader.streams.clear();
        service.current();
        assertThat(reader.fullReads).isEmpty();
        assertThat(reader.streams).isEmpty();

        write(dir, "B.java", "class B { int changed; }\n");
        Files.setLastModifiedTime(dir.resolve("B.java"), FileTime.from(GitFixture.PAST.plusSeconds(5)));
        Snapshot snapshot = service.current();
        assertThat(reader.fullReads).containsExactly("B.java");
        assertThat(snapshot.file("B.java").orElseThrow().lines()).isEqualTo(1);
        assertThat(snapshot.file("B.java").orElseThrow().contentHash())
                .isEqualTo(blobId("class B { int changed; }\n".getBytes(StandardCharsets.UTF_8)));

        // Vanished paths leave the cache: the same file put back with the same stat is read again.
        Files.delete(dir.resolve("A.java"));
        assertThat(service.current().file("A.java")).isEmpty();
        write(dir, "A.java", "class A {}\n");
        reader.fullReads.clear();
        assertThat(service.current().file("A.java")).isPresent();
        assertThat(reader.fullReads).containsExactly("A.java");
    }

    @Test
    void aFileModifiedAfterTheWalkStartedIsNotTrustedFromTheCache() throws Exception {
        write(dir, "Racy.java", "class Racy {}\n");
        Files.setLastModifiedTime(dir.resolve("Racy.java"), FileTime.from(Instant.now().plusSeconds(3600)));
        CountingReader reader = new CountingReader();
        SnapshotService service = service(dir, reader);

        service.current();
        service.current();

        assertThat(reader.fullReads).containsExactly("Racy.java", "Racy.java");
    }

    @Test
    void unreadableFilesAreLeftOutAndReported() throws Exception {
        write(dir, "Good.java", "class Good {}\n");
        write(dir, "Locked.java", "class Locked {}\n");
        CountingReader reader = new CountingReader();
        reader.failingFileName = "Locked.java";
        SnapshotService service = service(dir, reader);

        Snapshot snapshot = service.current();

        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("Good.java");
        assertThat(service.lastSkipped()).containsExactly(
                new SkippedFile("Locked.java", "AccessDeniedException: " + dir.toRealPath().resolve("Locked.java")));
    }

    @Test
    void linesCountALastLineWithoutNewline() {
        assertThat(SnapshotService.countLines(new byte[0])).isZero();
        assertThat(SnapshotService.countLines("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(SnapshotService.countLines("a\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(SnapshotService.countLines("a\r\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(SnapshotService.countLines("\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void aTargetInsideAWorkTreeUsesTheIgnoreRulesAboveIt() throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write(".gitignore", "*.gen.java\n");
            repo.write("service/.gitignore", "tmp/\n");
            repo.write("service/api/Api.java", "interface Api {}\n");
            repo.write("service/api/Api.gen.java", "interface Generated {}\n");
            repo.write("service/api/tmp/Scratch.java", "class Scratch {}\n");
            String head = repo.commitAll("init", GitFixture.PAST).name();

            Snapshot snapshot = service(dir.resolve("service/api"), new CountingReader()).current();

            assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("Api.java");
            assertThat(snapshot.commit()).isEqualTo(head);
            assertThat(snapshot.hasGitHistory()).isTrue();
        }
    }
}
