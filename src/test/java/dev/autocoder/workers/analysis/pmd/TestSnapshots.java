package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.BinaryContent;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds {@link Snapshot}s of folders in tests, the way the repository package describes its inventory. */
public final class TestSnapshots {

    private static final long SIZE_LIMIT = 1024 * 1024;

    private TestSnapshots() {
    }

    /** Writes a file (creating folders) and returns its path. */
    public static Path write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeBytes(Path root, String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A snapshot of every regular file under the root. */
    public static Snapshot of(Path root) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(sourceFile(root, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder tree = new StringBuilder();
        files.forEach(f -> tree.append(f.path()).append('\0').append(f.contentHash()).append('\n'));
        return new Snapshot(root, root.toString(), null, false, Instant.now(), files,
                hex("SHA-1", tree.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A context with the snapshot and no earlier rows. */
    public static PerspectiveContext context(Snapshot snapshot) {
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

    private static SourceFile sourceFile(Path root, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String path = root.relativize(file).toString().replace('\\', '/');
        boolean binary = BinaryContent.isBinary(bytes, bytes.length, true);
        boolean oversized = bytes.length > SIZE_LIMIT;
        int lines = binary || oversized ? 0 : lineCount(bytes);
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] blob = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, blob, 0, header.length);
        System.arraycopy(bytes, 0, blob, header.length, bytes.length);
        return new SourceFile(path, Language.of(path), bytes.length, lines, hex("SHA-1", blob), binary, oversized);
    }

    private static int lineCount(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
