package dev.autocoder.workers.analysis.coverage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds coverage reports on disk. They live in build output folders ({@code target/}, {@code build/},
 * {@code coverage/}) that the snapshot inventory leaves out, so this walks the snapshot's root folder itself.
 * <p>
 * The walk goes at most {@value #MAX_DEPTH} folder levels below the root, never into {@code .git} or
 * {@code node_modules}, and follows no symbolic links (a link could lead outside the repository). A file is
 * a report candidate when its root-relative path matches one of {@link #PATTERNS} (a leading {@code **}/
 * also matches at the root itself).
 */
final class CoverageReportFinder {

    /** Deepest folder level searched; a report at {@code a/b/target/site/jacoco/jacoco.xml} is at level 5. */
    public static final int MAX_DEPTH = 10;

    public static final List<String> PATTERNS = List.of(
            "**/target/site/jacoco*/jacoco.xml",
            "**/build/reports/jacoco/**.xml",
            "**/jacoco*.xml",
            "**/cobertura*.xml",
            "**/coverage.xml",
            "**/coverage.json",
            "**/lcov.info");

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules");

    private final List<PathMatcher> matchers = PATTERNS.stream()
            .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
            .toList();

    /** Root-relative, '/'-separated paths of the report candidates, sorted; empty when the root is missing. */
    public List<String> find(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH + 1, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skipped = !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (isReport(relative)) {
                        found.add(relative);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    boolean isReport(String relativePath) {
        Path anchored = Path.of("/" + relativePath);
        return matchers.stream().anyMatch(m -> m.matches(anchored));
    }
}
