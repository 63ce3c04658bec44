package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Builds snapshots over real files and Java model records by hand, as the brief of this package asks. */
final class Fixtures {

    /** Folders the real inventory leaves out: coverage reports live in them. */
    private static final Set<String> BUILD_FOLDERS = Set.of(".git", "target", "build", "coverage", "node_modules");

    private Fixtures() {
    }

    static Path write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of exactly {@code lines} lines. */
    static Path writeLines(Path root, String path, String firstLine, int lines) {
        StringBuilder text = new StringBuilder(firstLine).append('\n');
        IntStream.range(1, lines).forEach(i -> text.append("// line ").append(i + 1).append('\n'));
        return write(root, path, text.toString());
    }

    static Snapshot snapshot(Path root, boolean gitHistory) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (Stream.of(path.split("/")).anyMatch(BUILD_FOLDERS::contains)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                files.add(new SourceFile(path, Language.of(path), bytes.length, lines(bytes), blobId(bytes), false, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(root, root.toString(), gitHistory ? "0123456789abcdef0123456789abcdef01234567" : null,
                gitHistory, Instant.parse("2026-01-01T00:00:00Z"), files, "key-" + files.size());
    }

    static PerspectiveContext context(Snapshot snapshot) {
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

    static JavaFileModel file(String path, String packageName, JavaTypeModel... types) {
        return new JavaFileModel(path, "hash-" + path, packageName, List.of(), List.of(types), null);
    }

    /** A type whose methods have the given cyclomatic complexities. */
    static JavaTypeModel type(String qualifiedName, String kind, boolean isPublic, boolean isTest, int begin, int end,
                              int... cyclomatic) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        List<JavaMethodModel> methods = new ArrayList<>();
        for (int i = 0; i < cyclomatic.length; i++) {
            methods.add(new JavaMethodModel("m" + i, "m" + i + "()", isPublic, false, begin + 1 + i, begin + 1 + i,
                    cyclomatic[i], 1, 0, true));
        }
        return new JavaTypeModel(simpleName, qualifiedName, kind, isPublic, false, isTest, begin, end, methods);
    }

    private static int lines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }

    private static String blobId(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
