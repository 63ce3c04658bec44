package dev.autocoder.workers.analysis.coverage;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the snapshot file a report means by its declared source path.
 * <p>
 * Reports name sources relative to a source root ({@code com/acme/Cart.java} under {@code src/main/java}),
 * relative to the project, or as absolute paths on the machine that ran the tests. In that order this tries:
 * an absolute path inside the snapshot root; the path as a repository path; the path under each source root
 * the report names (Cobertura); and finally any snapshot file whose path ends with the declared path, which
 * finds it under whatever source root holds it. A foreign absolute path is matched by its longest tail of at
 * least two segments. When several files match, the one sharing the longest folder prefix with the report
 * wins (the module the report belongs to), then the shallowest, then the first by path.
 */
final class SourcePathResolver {

    private final Set<String> paths;
    private final Path root;
    private final Map<String, List<String>> pathsByFileName = new HashMap<>();

    SourcePathResolver(Snapshot snapshot) {
        this(snapshot.root(), snapshot.files().stream().map(SourceFile::path).toList());
    }

    /** Resolves against repository paths under a root (the gate has the git tree, not a snapshot). */
    SourcePathResolver(Path root, Collection<String> repositoryPaths) {
        this.paths = new HashSet<>(repositoryPaths);
        this.root = root.toAbsolutePath().normalize();
        for (String path : paths) {
            pathsByFileName.computeIfAbsent(fileName(path), k -> new ArrayList<>()).add(path);
        }
    }

    Optional<String> resolve(CoverageReport report, String declaredPath) {
        String declared = declaredPath.replace('\\', '/');
        while (declared.startsWith("./")) {
            declared = declared.substring(2);
        }
        if (isAbsolute(declared)) {
            Optional<String> inside = insideRoot(declared);
            return inside.isPresent() ? inside : byLongestTail(report, declared);
        }
        if (paths.contains(declared)) {
            return Optional.of(declared);
        }
        for (String sourceRoot : report.sourceRoots()) {
            String joined = sourceRoot.replace('\\', '/') + "/" + declared;
            Optional<String> found = isAbsolute(joined) ? insideRoot(joined) : existing(joined);
            if (found.isPresent()) {
                return found;
            }
        }
        return closest(report, bySuffix(declared));
    }

    private Optional<String> insideRoot(String absolute) {
        if (absolute.matches("^[A-Za-z]:/.*")) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(absolute).normalize();
            return path.startsWith(root) ? existing(root.relativize(path).toString()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Optional<String> existing(String relative) {
        try {
            String normalized = Path.of(relative).normalize().toString().replace('\\', '/');
            return paths.contains(normalized) ? Optional.of(normalized) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Optional<String> byLongestTail(CoverageReport report, String absolute) {
        String[] segments = Arrays.stream(absolute.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        for (int start = 0; start <= segments.length - 2; start++) {
            List<String> candidates = bySuffix(String.join("/", Arrays.copyOfRange(segments, start, segments.length)));
            if (!candidates.isEmpty()) {
                return closest(report, candidates);
            }
        }
        return Optional.empty();
    }

    private List<String> bySuffix(String suffix) {
        return pathsByFileName.getOrDefault(fileName(suffix), List.of()).stream()
                .filter(p -> p.equals(suffix) || p.endsWith("/" + suffix))
                .toList();
    }

    private static Optional<String> closest(CoverageReport report, List<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt((String p) -> -sharedFolders(p, report.path()))
                        .thenComparingInt(p -> p.split("/").length)
                        .thenComparing(Comparator.naturalOrder()));
    }

    private static int sharedFolders(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        int shared = 0;
        while (shared < left.length - 1 && shared < right.length - 1 && left[shared].equals(right[shared])) {
            shared++;
        }
        return shared;
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.matches("^[A-Za-z]:/.*");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
