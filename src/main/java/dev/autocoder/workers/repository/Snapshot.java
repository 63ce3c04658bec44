package dev.autocoder.workers.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target repository as it is at one commit (or one state of a working tree): the file inventory every
 * perspective shares. Ignored and build-output paths are already left out. Content caches key on
 * {@link SourceFile#contentHash()}, and {@link #key()} identifies the whole tree, so a perspective can reuse
 * tree-wide results when nothing changed.
 */
public final class Snapshot {

    private final Path root;
    private final String repository;
    private final String commit;
    private final boolean gitHistory;
    private final Instant takenAt;
    private final List<SourceFile> files;
    private final Map<String, SourceFile> byPath;
    private final String key;
    private final List<SkippedFile> unreadableFiles;
    // what the build declares, read on first use: not every caller of a snapshot needs it
    private final Lazy<CodeScopes> scopes = new Lazy<>(() -> CodeScopes.of(root(), files()));
    private final Lazy<JavaLanguageLevels> javaLevels = new Lazy<>(() -> JavaLanguageLevels.of(root(), files()));
    private final Lazy<SourceEncodings> encodings = new Lazy<>(() -> SourceEncodings.of(root(), files()));

    public Snapshot(Path root, String repository, String commit, boolean gitHistory, Instant takenAt,
                    List<SourceFile> files, String key) {
        this(root, repository, commit, gitHistory, takenAt, files, key, List.of());
    }

    /** @param unreadableFiles files the inventory found but could not read, with the reason; not in {@code files} */
    public Snapshot(Path root, String repository, String commit, boolean gitHistory, Instant takenAt,
                    List<SourceFile> files, String key, List<SkippedFile> unreadableFiles) {
        this.unreadableFiles = unreadableFiles.stream().sorted(Comparator.comparing(SkippedFile::path)).toList();
        this.root = root;
        this.repository = repository;
        this.commit = commit;
        this.gitHistory = gitHistory;
        this.takenAt = takenAt;
        this.files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        this.byPath = new LinkedHashMap<>();
        this.files.forEach(f -> byPath.put(f.path(), f));
        this.key = key;
    }

    /** Absolute folder the paths are relative to. */
    public Path root() {
        return root;
    }

    /** Display name of the target: the git URL without credentials, or the folder path. */
    public String repository() {
        return repository;
    }

    /** HEAD commit id, or null when the target is not a git repository. */
    public String commit() {
        return commit;
    }

    /** True when the target has git history (churn, hotspots and diffs are available). */
    public boolean hasGitHistory() {
        return gitHistory;
    }

    public Instant takenAt() {
        return takenAt;
    }

    /** Every non-ignored regular file, sorted by path. */
    public List<SourceFile> files() {
        return files;
    }

    /** Files found but not readable (an I/O error, removed while read), with the reason, sorted by path. */
    public List<SkippedFile> unreadableFiles() {
        return unreadableFiles;
    }

    public List<SourceFile> files(Language language) {
        return files.stream().filter(f -> f.language() == language).toList();
    }

    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Identifies the content of the whole tree: equal keys mean equal paths and contents. */
    public String key() {
        return key;
    }

    public Path resolve(SourceFile file) {
        return root.resolve(file.path());
    }

    /**
     * The file's text, decoded as {@link #encoding(SourceFile)} says (when that names a problem: as UTF-8 with
     * malformed bytes replaced). Refuses binary and oversized files.
     */
    public String read(SourceFile file) throws IOException {
        byte[] bytes = bytes(file);
        return encoding(file.path(), bytes).decode(bytes);
    }

    /** How the file is decoded: by its byte-order mark, else the build's declared source encoding, else UTF-8. */
    public SourceEncoding encoding(SourceFile file) throws IOException {
        return encoding(file.path(), bytes(file));
    }

    /** The name of the source encoding the build declares for a path ("" when none); with the content it decides the encoding. */
    public String declaredEncoding(String path) {
        return sourceEncodings().of(path).map(SourceEncodings.Declared::name).orElse("");
    }

    private SourceEncoding encoding(String path, byte[] bytes) {
        return SourceEncoding.of(bytes, sourceEncodings().of(path).orElse(null));
    }

    private byte[] bytes(SourceFile file) throws IOException {
        if (!file.isAnalyzableText()) {
            throw new IOException(file.path() + " is " + (file.binary() ? "binary" : "over the size limit") + "; not read");
        }
        return Files.readAllBytes(resolve(file));
    }

    /** The source encodings the build declares (see {@link SourceEncodings}); computed once, on first use. */
    public SourceEncodings sourceEncodings() {
        return encodings.get();
    }

    /** The scope of a path of this snapshot (see {@link CodeScopes}); computed once, on first use. */
    public Scope scopeOf(String path) {
        return scopes.get().of(path);
    }

    /** The Java language levels the build declares (see {@link JavaLanguageLevels}); computed once, on first use. */
    public JavaLanguageLevels javaLanguageLevels() {
        return javaLevels.get();
    }

    /** The Java language level to parse a path of this snapshot with. */
    public JavaLanguageLevel javaLanguageLevel(String path) {
        return javaLanguageLevels().of(path);
    }

    /** The files of a language in one scope. */
    public List<SourceFile> files(Language language, Scope scope) {
        return files(language).stream().filter(f -> scopeOf(f.path()) == scope).toList();
    }

    /** Total lines of the text files of a language. */
    public long totalLines(Language language) {
        return files(language).stream().mapToLong(SourceFile::lines).sum();
    }

    /** A value computed on first use; two threads racing may both compute it, and either result is the same. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T current = value;
            if (current == null) {
                current = compute.get();
                value = current;
            }
            return current;
        }
    }
}
