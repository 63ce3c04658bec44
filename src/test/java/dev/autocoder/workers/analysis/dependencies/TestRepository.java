package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.row.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Real files in a temporary folder, and the {@link Snapshot} of them. */
final class TestRepository {

    private final Path root;

    TestRepository(Path root) {
        this.root = root;
    }

    TestRepository write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Snapshot snapshot() {
        return snapshot(java.util.Set.of());
    }

    /** A snapshot in which the given paths are marked over the size limit, as the repository scanner would. */
    Snapshot snapshot(java.util.Set<String> oversized) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<SourceFile> files = walk.filter(Files::isRegularFile).map(this::sourceFile)
                    .map(f -> oversized.contains(f.path())
                            ? new SourceFile(f.path(), f.language(), f.size(), 0, f.contentHash(), false, true) : f)
                    .toList();
            return new Snapshot(root, root.toString(), null, false, Instant.now(), files,
                    sha1(files.stream().map(f -> f.path() + ":" + f.contentHash()).reduce("", String::concat).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PerspectiveContext context() {
        Snapshot snapshot = snapshot();
        return new PerspectiveContext() {
            @Override
            public Snapshot snapshot() {
                return snapshot;
            }

            @Override
            public Optional<Row> previousRow(String perspectiveId) {
                return Optional.empty();
            }
        };
    }

    private SourceFile sourceFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String path = root.relativize(file).toString().replace('\\', '/');
            int lines = (int) new String(bytes, StandardCharsets.UTF_8).lines().count();
            return new SourceFile(path, Language.of(path), bytes.length, lines, sha1(bytes), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line of the first occurrence of {@code needle} in a file of the repository. */
    int line(String path, String needle) {
        try {
            List<String> lines = Files.readAllLines(root.resolve(path));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
            throw new AssertionError(needle + " not in " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
