package dev.autocoder.workers.repository;

import dev.autocoder.workers.config.AutocoderProperties;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Builds the {@link Snapshot} of the target: every regular file that is not ignored, with its language, size,
 * line count and git blob id.
 *
 * <p>Left out: symlinks (never followed), the folders {@link #SKIPPED_FOLDERS} at any depth, and every path
 * ignored by a {@code .gitignore} at any level or by {@code .git/info/exclude} (JGit's rule semantics; outside
 * a git work tree the {@code .gitignore} files still apply). The user's global excludes file is not read, so
 * the inventory does not depend on the machine it runs on.
 *
 * <p>Per file: binary = the first 8 KiB are not text as {@link BinaryContent} defines it (not UTF-8, UTF-16 with a
 * byte-order mark or a legacy 8-bit encoding, or more than a few control characters; a NUL inside a string
 * literal keeps a source file text) (lines 0); oversized = larger than
 * {@code autocoder.analysis.max-file-size}: never read whole, but stream-hashed so that its blob id is still the
 * real {@code git hash-object} id (lines 0). Lines are counted as newline characters, plus one for a last line
 * without a newline.
 *
 * <p>Results are cached by (path, size, modification time), so an unchanged tree costs only stat calls. Like
 * git's "racy clean" rule, an entry is not trusted when the file was modified less than {@link #RACY_MARGIN}
 * before it was read, because a second change within the same timestamp tick would go unnoticed.
 *
 * <p>In git mode the clone is fetched and reset before each snapshot, so several workers share one work tree.
 * A worker iteration therefore takes a {@link #lease()}: while any lease is open, no other caller resets the
 * clone (a reset waits for the open leases to close, and new leases wait behind a pending reset), so every file an
 * iteration reads by path is the content of its snapshot's commit. {@link #current()} without a lease gives the
 * same guarantee only until the next reset.
 *
 * <p>A walk holds that lock (and this service's monitor), so it is bounded: it gives up after
 * {@code autocoder.analysis.inventory-timeout} with a {@link TargetUnavailableException} (the caller's iteration
 * becomes an error row and the lock passes on to the next worker), keeping the files it has read for the next walk,
 * which goes on from there. Between two checks of that deadline a walk reads one file and matches one path against
 * the ignore rules in force, which {@link IgnoreRules} bounds (polynomial matching, limited line and file sizes).
 */
@Component
public class SnapshotService {

    /**
     * Folder names never inventoried, at any depth: VCS data, build outputs, IDE state, vendored code (Go's and PHP's
     * {@code vendor}, Python packages' {@code _vendor}: pip and setuptools ship copies of other projects there).
     */
    public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "build", "node_modules",
            ".autocoder", ".idea", ".gradle", "out", "dist", "vendor", "_vendor", "third_party");

    static final Duration RACY_MARGIN = Duration.ofSeconds(2);
    static final String INVENTORY_TIMEOUT_KEY = "autocoder.analysis.inventory-timeout";
    private static final int BINARY_PROBE_BYTES = BinaryContent.PROBE_BYTES;
    private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

    private final TargetRepository target;
    private final long maxFileSize;
    private final FileContentReader reader;
    private final Duration inventoryTimeout;

    /** Read side: open leases; write side: a git-mode fetch, reset and walk. Fair, so resets are not starved. */
    private final ReentrantReadWriteLock checkoutLock = new ReentrantReadWriteLock(true);
    private Path cachedRoot;
    private Map<String, CachedContent> cache = new HashMap<>();
    private List<SkippedFile> lastSkipped = List.of();

    @Autowired
    public SnapshotService(TargetRepository target, AutocoderProperties properties) {
        this(target, properties, FileContentReader.FILES);
    }

    SnapshotService(TargetRepository target, AutocoderProperties properties, FileContentReader reader) {
        this.target = target;
        this.maxFileSize = properties.getAnalysis().getMaxFileSize().toBytes();
        this.reader = reader;
        this.inventoryTimeout = properties.getAnalysis().getInventoryTimeout();
    }

    /**
     * The inventory of the target now. Throws {@link TargetUnavailableException} when the target cannot be
     * reached or read; files that cannot be read are left out and listed by {@link Snapshot#unreadableFiles()}.
     */
    public Snapshot current() {
        if (!target.isGitMode()) {
            return build();
        }
        if (checkoutLock.getReadHoldCount() > 0) {
            throw new IllegalStateException("this thread holds a snapshot lease: use its snapshot instead of current()");
        }
        checkoutLock.writeLock().lock();
        try {
            return build();
        } finally {
            checkoutLock.writeLock().unlock();
        }
    }

    /**
     * The inventory of the target now, held for the caller until the lease is closed: in git mode the clone is
     * not reset while the lease is open. Close it when the iteration is done (try-with-resources).
     */
    public Lease lease() {
        if (!target.isGitMode()) {
            return new Lease(build(), null);
        }
        if (checkoutLock.getReadHoldCount() > 0) {
            throw new IllegalStateException("this thread already holds a snapshot lease");
        }
        checkoutLock.writeLock().lock();
        try {
            Snapshot snapshot = build();
            checkoutLock.readLock().lock(); // downgrade: no reset can slip in between the walk and the lease
            return new Lease(snapshot, checkoutLock.readLock());
        } finally {
            checkoutLock.writeLock().unlock();
        }
    }

    /** True while a fetch and reset waits for open leases to close (for tests). */
    boolean isResetWaiting() {
        return checkoutLock.hasQueuedThreads();
    }

    /** A snapshot whose files stay as they are until {@link #close()}. */
    public static final class Lease implements AutoCloseable {
        private final Snapshot snapshot;
        private final java.util.concurrent.locks.Lock held;
        private boolean closed;

        Lease(Snapshot snapshot, java.util.concurrent.locks.Lock held) {
            this.snapshot = snapshot;
            this.held = held;
        }

        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (held != null) {
                    held.unlock();
                }
            }
        }
    }

    private synchronized Snapshot build() {
        TargetCheckout checkout = target.checkout();
        Path root = checkout.root();
        if (!root.equals(cachedRoot)) {
            cache = new HashMap<>();
            cachedRoot = root;
        }
        Inventory inventory = new Inventory(root, Instant.now());
        try {
            inventory.loadOuterIgnoreRules();
            Files.walkFileTree(root, inventory);
        } catch (IOException e) {
            throw new TargetUnavailableException(TargetRepository.PATH_KEY + ": cannot walk " + root + ": "
                    + GitRemote.describe(e));
        } catch (InventoryTimeout e) {
            cache.putAll(inventory.seen); // the next walk goes on from here
            log.warn("Inventory of {} gave up after {} with {} file(s) read", checkout.displayName(),
                    shortForm(inventoryTimeout), inventory.files.size());
            throw new TargetUnavailableException(INVENTORY_TIMEOUT_KEY + ": the inventory of "
                    + checkout.displayName() + " took longer than " + shortForm(inventoryTimeout) + " (" + inventory.files.size()
                    + " files so far); the next snapshot goes on from the files already read");
        }
        cache = inventory.seen;
        lastSkipped = inventory.skipped.stream().sorted(Comparator.comparing(SkippedFile::path)).toList();
        if (!lastSkipped.isEmpty()) {
            log.warn("Inventory of {} left out {} unreadable file(s), e.g. {}", LogText.escape(checkout.displayName()),
                    lastSkipped.size(), LogText.escape(lastSkipped.get(0)));
        }
        return new Snapshot(root, checkout.displayName(), checkout.commit(), checkout.hasGitHistory(),
                inventory.startedAt, inventory.files, key(inventory.files), lastSkipped);
    }

    /** "5m", "0.3s": the way the setting is written. */
    private static String shortForm(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** Files the last {@link #current()} could not read, with the reason, sorted by path. */
    public synchronized List<SkippedFile> lastSkipped() {
        return lastSkipped;
    }

    /** SHA-256 over the sorted (path, blob id) pairs. */
    static String key(List<SourceFile> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        files.stream().sorted(Comparator.comparing(SourceFile::path)).forEach(file -> {
            sha256.update(file.path().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(file.contentHash().getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
        });
        return HexFormat.of().formatHex(sha256.digest());
    }

    private record CachedContent(long size, FileTime modified, String hash, int lines, boolean binary,
                                 boolean generated, boolean trusted) {

        boolean matches(BasicFileAttributes attributes) {
            return trusted && size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }
    }

    /** A walk ran past {@link #inventoryTimeout}. */
    private static final class InventoryTimeout extends RuntimeException {
        InventoryTimeout() {
            super(null, null, false, false);
        }
    }

    /** One walk over the tree. */
    private final class Inventory extends SimpleFileVisitor<Path> {

        private final Path root;
        private final Instant startedAt;
        private final long deadlineNanos = System.nanoTime() + inventoryTimeout.toNanos();
        private final IgnoreRules ignoreRules = new IgnoreRules();
        private final Set<Path> foldersWithRules = new HashSet<>();
        private final List<SourceFile> files = new ArrayList<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final Map<String, CachedContent> seen = new HashMap<>();

        Inventory(Path root, Instant startedAt) {
            this.root = root;
            this.startedAt = startedAt;
        }

        /** {@code .git/info/exclude} and the {@code .gitignore} files of the work tree above the root. */
        void loadOuterIgnoreRules() throws IOException {
            Optional<Repository> found = GitWorkTrees.open(root);
            if (found.isEmpty()) {
                return;
            }
            try (Repository repository = found.get()) {
                Path workTree = repository.getWorkTree().toPath().toRealPath();
                Path commonDir = repository.getCommonDirectory().toPath();
                pushRules(workTree, commonDir.resolve("info").resolve("exclude"));
                for (Path folder = workTree; !folder.equals(root) && root.startsWith(folder);
                     folder = folder.resolve(root.getName(folder.getNameCount()))) {
                    pushRules(folder, folder.resolve(IgnoreRules.GITIGNORE));
                }
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            checkDeadline();
            if (!folder.equals(root)) {
                if (SKIPPED_FOLDERS.contains(folder.getFileName().toString()) || ignoreRules.isIgnored(folder, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            if (pushRules(folder, folder.resolve(IgnoreRules.GITIGNORE))) {
                foldersWithRules.add(folder);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path folder, IOException error) {
            if (foldersWithRules.remove(folder)) {
                ignoreRules.pop(folder);
            }
            if (error != null) {
                skip(folder, error);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            checkDeadline();
            boolean gitLink = file.getFileName().toString().equals(Constants.DOT_GIT);
            if (attributes.isRegularFile() && !gitLink && !ignoreRules.isIgnored(file, false)) {
                inventory(file, attributes);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
            skip(file, error);
            return FileVisitResult.CONTINUE;
        }

        private void checkDeadline() {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new InventoryTimeout();
            }
        }

        private boolean pushRules(Path base, Path rulesFile) {
            try {
                return ignoreRules.push(base, rulesFile);
            } catch (IOException e) {
                skip(rulesFile, e);
                return false;
            }
        }

        private void inventory(Path file, BasicFileAttributes attributes) {
            String path = GitWorkTrees.slashes(root.relativize(file));
            CachedContent content = cache.get(path);
            try {
                if (content == null || !content.matches(attributes)) {
                    content = attributes.size() > maxFileSize ? streamHash(file, attributes) : read(file, attributes);
                }
            } catch (IOException | RuntimeException e) {
                skip(file, e);
                return;
            }
            seen.put(path, content);
            files.add(new SourceFile(path, Language.of(path), content.size(), content.lines(), content.hash(),
                    content.binary(), content.size() > maxFileSize, content.generated()));
        }

        private CachedContent read(Path file, BasicFileAttributes attributes) throws IOException {
            byte[] bytes = reader.readAllBytes(file);
            boolean binary = BinaryContent.isBinary(bytes, bytes.length, true);
            String hash = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
            boolean unchangedWhileRead = bytes.length == attributes.size();
            int lines = binary || bytes.length > maxFileSize ? 0 : countLines(bytes);
            boolean generated = !binary && GeneratedMarkers.inHead(bytes);
            return new CachedContent(bytes.length, attributes.lastModifiedTime(), hash, lines, binary, generated,
                    unchangedWhileRead && settled(attributes));
        }

        /** Hashes an oversized file as a stream: its real blob id, without holding it in memory. */
        private CachedContent streamHash(Path file, BasicFileAttributes attributes) throws IOException {
            long size = attributes.size();
            try (InputStream in = new BufferedInputStream(reader.open(file), BINARY_PROBE_BYTES)) {
                in.mark(BINARY_PROBE_BYTES);
                byte[] probe = in.readNBytes(BINARY_PROBE_BYTES);
                in.reset();
                String hash = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, size, in).name();
                if (in.read() != -1) {
                    throw new IOException("grew while being read");
                }
                boolean binary = BinaryContent.isBinary(probe, probe.length, false);
                return new CachedContent(size, attributes.lastModifiedTime(), hash, 0, binary,
                        !binary && GeneratedMarkers.inHead(probe), settled(attributes));
            }
        }

        /** False when the file changed so shortly before the walk that a same-tick change could be missed. */
        private boolean settled(BasicFileAttributes attributes) {
            return attributes.lastModifiedTime().toInstant().isBefore(startedAt.minus(RACY_MARGIN));
        }

        private void skip(Path file, Exception error) {
            String path = file.startsWith(root) ? GitWorkTrees.slashes(root.relativize(file)) : file.toString();
            String reason = error instanceof FileSystemException
                    ? error.getClass().getSimpleName() + ": " + error.getMessage()
                    : GitRemote.describe(error);
            skipped.add(new SkippedFile(path, reason));
        }
    }

    static int countLines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }
}
