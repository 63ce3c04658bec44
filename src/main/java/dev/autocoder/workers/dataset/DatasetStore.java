package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.row.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The embedded dataset store: append-only JSON Lines in the Hub's dataset layout,
 * {@code {root}/{owner}/{dataset}/data/yyyy/MM/dd/yyyyMMdd'T'HHmmssSSS'Z'.jsonl}.
 * <p>
 * File names sort chronologically, so the last line of the last file is the latest row, and a folder per day
 * keeps every folder small. It is the outbox and the source of truth: every other state is rebuilt from it.
 * <p>
 * A process that runs a list of targets ({@code autocoder.targets}) writes each target's rows in a folder of its
 * own, a <em>partition</em>: {@code data/{target_id}/yyyy/MM/dd/...jsonl}, the Hub dataset config of that target.
 * The rows of the single target stay in {@code data/yyyy/MM/dd/} as before. Reading a whole dataset reads both
 * layouts, in the order of the file names (their creation time).
 * <p>
 * A row is written whole or not at all, and forced to disk before {@code append} returns, so the consumers the route
 * hands it to next (routes/worker-template.yaml, {@code row-stored}) find it on disk: when the disk refuses
 * part of a line (a full disk), the file is cut back to where it was, so the retried row starts on a clean line.
 * The first time a dataset is opened, every line of its files is checked (of a file unchanged since a previous
 * process checked it, none: {@link CheckedFiles}): a line that is not a row (left by a
 * crash mid-write, or by a version without all-or-nothing appends) is kept under {@code {root}/.quarantine/}
 * and blanked in place, keeping the file's length, because the Hub outbox records its progress as byte offsets;
 * a whole row appended onto a cut one stays, on its own line. An unterminated last line is cut off. The number
 * of repaired lines is reported on the dashboard.
 */
public class DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(DatasetStore.class);
    private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    private final Path root;
    private final String owner;
    private final long maxFileBytes;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Path> currentFile = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final java.util.Set<String> repaired = ConcurrentHashMap.newKeySet();
    private final AtomicLong repairedLines = new AtomicLong();

    @org.springframework.beans.factory.annotation.Autowired
    public DatasetStore(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this(properties.getStore().getPath(), properties.getStore().getOwner(),
                properties.getStore().getMaxFileSize().toBytes(), mapper, Clock.systemUTC());
    }

    public DatasetStore(Path root, String owner, long maxFileBytes, ObjectMapper mapper, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.owner = owner;
        this.maxFileBytes = maxFileBytes;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public String owner() {
        return owner;
    }

    public Path datasetDir(String dataset) {
        return root.resolve(owner).resolve(dataset);
    }

    /**
     * Appends one row durably. Throws when the row could not be stored; the file is then
     * as it was before (no part of the row stays), so the caller can simply try again later.
     */
    public void append(String dataset, Row row) {
        byte[] line = jsonLine(dataset, row);
        synchronized (lock(dataset)) {
            write(dataset, fileFor(dataset, line.length), line);
        }
    }

    /**
     * Appends one row durably to a target's partition ({@code data/{partition}/...}); a null partition is the
     * single target's layout, {@link #append(String, Row)}.
     */
    public void append(String dataset, String partition, Row row) {
        if (partition == null) {
            append(dataset, row);
            return;
        }
        requirePartition(partition);
        byte[] line = jsonLine(dataset, row);
        synchronized (lock(dataset)) {
            write(dataset, fileFor(dataset, partition, line.length), line);
        }
    }

    private byte[] jsonLine(String dataset, Row row) {
        try {
            return (mapper.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("row of " + dataset + " cannot be serialized", e);
        }
    }

    /** The partitions (target ids) that have a folder in the dataset, sorted. */
    public List<String> partitions(String dataset) {
        Path data = datasetDir(dataset).resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(data)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(DatasetStore::isPartitionName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
    }

    /** The datasets that have a folder in the store, sorted. */
    public List<String> datasets() {
        Path ownerDir = root.resolve(owner);
        if (!Files.isDirectory(ownerDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(ownerDir)) {
            return entries.filter(p -> Files.isDirectory(p.resolve("data"))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ownerDir, e);
        }
    }

    /**
     * The data files of a dataset by the target they belong to (its partition; "" for the single target's layout),
     * each list oldest first: each target's rows are numbered on their own, so each keeps its own newest file.
     */
    Map<String, List<Path>> dataFilesByTarget(String dataset) {
        Path data = datasetDir(dataset).resolve("data");
        Map<String, List<Path>> byTarget = new java.util.TreeMap<>();
        for (Path file : dataFiles(dataset)) {
            byTarget.computeIfAbsent(partitionOf(data, file), t -> new ArrayList<>()).add(file);
        }
        return byTarget;
    }

    /** The partition a data file of {@code data} lies in; "" for a file of the single target's layout. */
    private static String partitionOf(Path data, Path file) {
        String first = data.relativize(file).getName(0).toString();
        return isPartitionName(first) ? first : "";
    }

    /**
     * Removes a data file of a dataset (retention), and the day, month and year folders it leaves empty; false when
     * it is a file rows are appended to. A reader that listed it before finds no rows in it.
     */
    boolean remove(String dataset, Path file) throws IOException {
        synchronized (lock(dataset)) {
            if (currentFile.containsValue(file)) {
                return false;
            }
            boolean removed = Files.deleteIfExists(file);
            Path data = datasetDir(dataset).resolve("data");
            for (Path folder = file.getParent(); folder != null && folder.startsWith(data) && !folder.equals(data);
                 folder = folder.getParent()) {
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isPresent()) {
                        break;
                    }
                }
                Files.deleteIfExists(folder);
            }
            return removed;
        }
    }

    /** A partition folder's name: a target id, never a year folder of the single target's layout. */
    static boolean isPartitionName(String name) {
        return name.matches("[a-z0-9][a-z0-9-]{0,80}") && !name.matches("\\d{4}");
    }

    private static void requirePartition(String partition) {
        if (!isPartitionName(partition)) {
            throw new IllegalArgumentException("'" + partition + "' is not a target id");
        }
    }

    /** Writes a whole line at the end of a file; when the disk refuses part of it, cuts the file back. */
    private void write(String dataset, Path file, byte[] line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long end = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, end + buffer.position());
                }
                channel.force(false);
            } catch (IOException e) {
                cutBack(dataset, file, channel, end, e);
                throw new UncheckedIOException("the row was not stored in " + file + " (" + e.getMessage() + ")", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private void cutBack(String dataset, Path file, FileChannel channel, long end, IOException cause) {
        try {
            channel.truncate(end);
            channel.force(true);
        } catch (IOException e) {
            cause.addSuppressed(e);
            // the fragment is unterminated, so no reader takes it for a row; it is cut before the next append
            repaired.remove(dataset);
            currentFile.keySet().removeIf(k -> k.equals(dataset) || k.startsWith(dataset + "/"));
            log.warn("Could not cut {} back to {} bytes after a failed append; it is repaired before the next one",
                    file, end);
        }
    }

    /** How many broken lines this process has repaired in the store (each one kept under {@code .quarantine/}). */
    public long repairedLines() {
        return repairedLines.get();
    }

    /**
     * Whether bytes {@code [from, from + length)} are one whole row: a single complete JSON object, as every row
     * is (a row of another schema version still counts). The Hub outbox publishes nothing else.
     */
    public boolean isRow(byte[] bytes, int from, int length) {
        return RowLines.isJsonObject(bytes, from, length, mapper);
    }

    /** The newest row of a dataset. */
    public Optional<Row> lastRow(String dataset) {
        return lastRow(dataset, r -> true);
    }

    /** The newest row matching a condition, reading files newest first. */
    public Optional<Row> lastRow(String dataset, Predicate<Row> condition) {
        return newestMatching(action -> forEachRowNewestFirst(dataset, action), condition);
    }

    /**
     * The newest row of one target matching a condition ({@code targetId} null: of the whole dataset): a listed
     * target's rows are read from its partition (and the single target's layout, which a target listed after running
     * alone left there) and told apart by their target id.
     */
    public Optional<Row> lastRowOf(String dataset, String targetId, Predicate<Row> condition) {
        return newestMatching(action -> forEachRowNewestFirstOf(dataset, targetId, action), condition);
    }

    /** The first row a newest-first reading hands over that matches the condition; the reading stops there. */
    private static Optional<Row> newestMatching(java.util.function.Consumer<Predicate<Row>> newestFirst,
                                                Predicate<Row> condition) {
        Row[] found = new Row[1];
        newestFirst.accept(row -> {
            if (condition.test(row)) {
                found[0] = row;
            }
            return found[0] == null;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Hands the rows of a dataset to an action, newest first, one row in memory at a time, for as long as the
     * action answers true: a search for the latest rows stops as soon as it has what it wants.
     */
    public void forEachRowNewestFirst(String dataset, Predicate<Row> action) {
        List<Path> files = dataFiles(dataset);
        for (int i = files.size() - 1; i >= 0; i--) {
            if (!DataFileRows.forEachNewestFirst(files.get(i), mapper, action)) {
                return;
            }
        }
    }

    /**
     * The rows of one target ({@code targetId} null: of the whole dataset) newest first, for as long as the action
     * answers true: a listed target's are read from its partition (and the single target's layout) and told apart by
     * their target id.
     */
    public void forEachRowNewestFirstOf(String dataset, String targetId, Predicate<Row> action) {
        if (targetId == null) {
            forEachRowNewestFirst(dataset, action);
            return;
        }
        forEachRowNewestFirst(dataset, targetId, row -> !targetId.equals(row.targetId()) || action.test(row));
    }

    /**
     * Hands the rows of one target's partition to an action, newest first, then the rows of the single target's
     * layout ({@code data/yyyy/...}), which a target listed after running alone left there; the caller tells its
     * rows apart by their target id.
     */
    public void forEachRowNewestFirst(String dataset, String partition, Predicate<Row> action) {
        requirePartition(partition);
        List<Path> all = dataFiles(dataset);
        Path data = datasetDir(dataset).resolve("data");
        Path own = data.resolve(partition);
        List<Path> files = new ArrayList<>(all.stream().filter(f -> f.startsWith(own)).toList());
        List<Path> flat = all.stream().filter(f -> partitionOf(data, f).isEmpty()).toList();
        for (List<Path> group : List.of(files, flat)) {
            for (int i = group.size() - 1; i >= 0; i--) {
                if (!DataFileRows.forEachNewestFirst(group.get(i), mapper, action)) {
                    return;
                }
            }
        }
    }

    /**
     * Hands the rows of the single target's layout and then of one target's partition, in the data files changed at or
     * after {@code since} only (see {@link #forEachRowAt(String, Instant, java.util.function.BiConsumer)}), to an
     * action, oldest first; the caller tells a target's rows apart by their target id.
     */
    private void forEachRowAt(String dataset, String partition, Instant since, java.util.function.BiConsumer<Row, RowAt> action) {
        requirePartition(partition);
        Path data = datasetDir(dataset).resolve("data");
        Path own = data.resolve(partition);
        for (Path file : dataFiles(dataset)) {
            if ((file.startsWith(own) || partitionOf(data, file).isEmpty()) && changedSince(file, since)) {
                DataFileRows.forEach(file, mapper, (row, offset) -> action.accept(row, new RowAt(file, offset)));
            }
        }
    }

    /**
     * The rows of one target ({@code targetId} null: of the whole dataset) in the data files changed at or after
     * {@code since}, oldest first, with where each is: a listed target's are read from its partition (and the single
     * target's layout) and told apart by their target id.
     */
    public void forEachRowAtOf(String dataset, String targetId, Instant since,
                               java.util.function.BiConsumer<Row, RowAt> action) {
        if (targetId == null) {
            forEachRowAt(dataset, since, action);
            return;
        }
        forEachRowAt(dataset, targetId, since, (row, at) -> {
            if (targetId.equals(row.targetId())) {
                action.accept(row, at);
            }
        });
    }

    /** The rows of one target ({@code targetId} null: of the whole dataset), oldest first: see {@link #forEachRowAtOf}. */
    public void forEachRowOf(String dataset, String targetId, java.util.function.Consumer<Row> action) {
        forEachRowAtOf(dataset, targetId, Instant.MIN, (row, at) -> action.accept(row));
    }

    /** Every row of a dataset, oldest first. Meant for rebuilding state at start-up, not per request. */
    public List<Row> rows(String dataset) {
        List<Row> rows = new ArrayList<>();
        forEachRow(dataset, rows::add);
        return rows;
    }

    /**
     * Hands every row of a dataset to an action, oldest first, one row in memory at a time: rebuilding
     * aggregates from a long history does not hold the whole history at once.
     */
    public void forEachRow(String dataset, java.util.function.Consumer<Row> action) {
        forEachRowAt(dataset, (row, at) -> action.accept(row));
    }

    /**
     * {@link #forEachRow(String, java.util.function.Consumer)} with where each row is, so a reader that keeps only
     * some rows of a long history can keep their places and read just those again ({@link #rowAt}).
     */
    public void forEachRowAt(String dataset, java.util.function.BiConsumer<Row, RowAt> action) {
        forEachRowAt(dataset, Instant.MIN, action);
    }

    /**
     * {@link #forEachRowAt(String, java.util.function.BiConsumer)} over the data files changed at or after
     * {@code since} only (by their modification time; a file whose time cannot be read is read): the rows appended
     * since then are in those, for a reader that kept what it folded of the older ones.
     */
    public void forEachRowAt(String dataset, Instant since, java.util.function.BiConsumer<Row, RowAt> action) {
        for (Path file : dataFiles(dataset)) {
            if (changedSince(file, since)) {
                DataFileRows.forEach(file, mapper, (row, offset) -> action.accept(row, new RowAt(file, offset)));
            }
        }
    }

    private static boolean changedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    /** Where a row is: its data file and the byte its line starts at. Lines are never moved once written. */
    public record RowAt(Path file, long offset) {
    }

    /** The row at a place {@link #forEachRowAt} gave; empty when it cannot be read there (any more). */
    public Optional<Row> rowAt(RowAt at) {
        return DataFileRows.rowAt(at.file(), at.offset(), mapper);
    }

    /** The data files of a dataset in chronological order (repaired first, the first time it is opened). */
    public List<Path> dataFiles(String dataset) {
        synchronized (lock(dataset)) {
            List<Path> files = listFiles(dataset);
            if (!files.isEmpty() && repaired.add(dataset)) {
                CheckedFiles checked = new CheckedFiles(root, datasetDir(dataset).resolve("data"), dataset, mapper);
                for (Path file : files) {
                    if (checked.unchangedSinceChecked(file)) {
                        continue;
                    }
                    try {
                        repairedLines.addAndGet(repair(file));
                        checked.checked(file);
                    } catch (IOException | UncheckedIOException e) {
                        // readers and the outbox skip broken lines meanwhile; the repair is tried again next time
                        repaired.remove(dataset);
                        log.warn("Cannot repair {} now: {}", file, e.getMessage());
                    }
                }
                saveChecked(dataset, checked, files);
            }
            return files;
        }
    }

    /** A full disk or a read-only store only means the next start checks these files again. */
    private static void saveChecked(String dataset, CheckedFiles checked, List<Path> files) {
        try {
            checked.save(files);
        } catch (UncheckedIOException e) {
            log.warn("Cannot note which data files of {} are checked ({}); the next start checks them again", dataset,
                    e.getMessage());
        }
    }

    private List<Path> listFiles(String dataset) {
        Path data = datasetDir(dataset).resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            List<Path> files = new ArrayList<>(walk.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile).toList());
            // by file name (its creation time) first: the partitions of several targets interleave in time
            files.sort(java.util.Comparator.comparing((Path p) -> p.getFileName().toString())
                    .thenComparing(p -> data.relativize(p).toString()));
            return Collections.unmodifiableList(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
    }

    /** The file the next row goes to: today's newest file while it is small enough, else a new one. */
    private Path fileFor(String dataset, int bytes) {
        return fileFor(dataset, null, bytes);
    }

    private Path fileFor(String dataset, String partition, int bytes) {
        try {
            String key = partition == null ? dataset : dataset + "/" + partition;
            Path current = currentFile.get(key);
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
            Path data = datasetDir(dataset).resolve("data");
            Path base = partition == null ? data : data.resolve(partition);
            Path dayFolder = base.resolve(DAY_FOLDER.format(now));
            if (current == null) {
                List<Path> files = dataFiles(dataset).stream()
                        .filter(f -> partition == null ? partitionOf(data, f).isEmpty() : f.startsWith(base))
                        .toList();
                current = files.isEmpty() ? null : files.get(files.size() - 1);
            }
            if (current == null || !current.getParent().equals(dayFolder) || Files.size(current) + bytes > maxFileBytes) {
                Files.createDirectories(dayFolder);
                current = dayFolder.resolve(FILE_NAME.format(now) + ".jsonl");
                while (Files.exists(current)) {
                    now = now.plusNanos(1_000_000);
                    current = dayFolder.resolve(FILE_NAME.format(now) + ".jsonl");
                }
            }
            currentFile.put(key, current);
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a data file for " + dataset + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Repairs every line of a file that is not a row, keeping each in quarantine: a broken line is blanked in place
     * (spaces, same length), or, when it ends with a whole row appended onto a cut one, only the cut part is; an
     * unterminated last line is cut off. Returns how many lines it repaired. Lines are checked, copied and blanked
     * as they are read, never held whole: the zeroed blocks a crash can leave make a line as long as the file.
     */
    int repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long[] unterminated = {-1};
            int[] repairs = {0};
            DataFileRows.forEachLine(channel, size, (from, to, terminated) -> {
                if (!terminated) {
                    unterminated[0] = from;
                    return;
                }
                if (!DataFileRows.isBlank(channel, from, to) && !isRow(channel, from, to)) {
                    // same length, so the scan and the lines after it are unchanged
                    repairLine(file, channel, from, to);
                    repairs[0]++;
                }
            });
            if (unterminated[0] >= 0) {
                quarantine(file, channel, unterminated[0], size);
                channel.truncate(unterminated[0]);
                repairs[0]++;
                log.warn("Repaired {}: cut an unterminated last line of {} bytes", file, size - unterminated[0]);
            }
            if (repairs[0] > 0) {
                channel.force(true);
            }
            return repairs[0];
        }
    }

    /** Blanks the broken line [start, end) in place, keeping a whole row at its end (a row appended onto a cut one). */
    private void repairLine(Path file, FileChannel channel, long start, long end) throws IOException {
        long rowAt = trailingRow(channel, start, end);
        long cut = rowAt >= 0 ? rowAt : end;
        quarantine(file, channel, start, cut);
        ByteBuffer spaces = ByteBuffer.allocate((int) Math.min(1 << 16, cut - start));
        java.util.Arrays.fill(spaces.array(), (byte) ' ');
        for (long position = start; position < cut; ) {
            spaces.clear();
            spaces.limit((int) Math.min(spaces.capacity(), cut - position));
            if (rowAt >= 0 && position + spaces.limit() == cut) {
                spaces.put(spaces.limit() - 1, (byte) '\n');
            }
            while (spaces.hasRemaining()) {
                channel.write(spaces, position + spaces.position());
            }
            position += spaces.limit();
        }
        log.warn("Repaired {}: a broken line of {} bytes at byte {}{}", file, end - start, start,
                rowAt >= 0 ? " (the whole row at its end is kept)" : "");
    }

    /** Where a whole row starts inside the broken line [start, end), or -1: a row appended onto a cut one. */
    private long trailingRow(FileChannel channel, long start, long end) throws IOException {
        byte[] marker = "{\"schema_version\"".getBytes(StandardCharsets.UTF_8);
        for (long at = DataFileRows.indexOf(channel, marker, start + 1, end); at >= 0;
             at = DataFileRows.indexOf(channel, marker, at + 1, end)) {
            if (isRow(channel, at, end)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Where the line at byte {@code from} of a data file ends (past its newline) when it is not a row: a blank or
     * broken line, of any length, scanned and parsed as it is read. -1 when it is a row or has no newline yet.
     */
    public long endOfLineThatIsNoRow(Path file, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long newline = DataFileRows.newlineAt(channel, from, channel.size());
            if (newline < 0) {
                return -1;
            }
            // a blank line is no row either: the parse finds no object in it
            return isRow(channel, from, newline) ? -1 : newline + 1;
        }
    }

    /** Whether bytes [from, to) of the file are one whole row, parsed as they are read. */
    private boolean isRow(FileChannel channel, long from, long to) throws IOException {
        return RowLines.isJsonObject(new FileSpan(channel, from, to), mapper);
    }

    /** Copies bytes [from, to) of the file to a file of their own under {@code .quarantine/}. */
    private void quarantine(Path file, FileChannel channel, long from, long to) throws IOException {
        Path quarantine = root.resolve(".quarantine").resolve(root.relativize(file) + ".at-" + from + "."
                + clock.millis() + ".partial");
        Files.createDirectories(quarantine.getParent());
        try (FileChannel copy = FileChannel.open(quarantine, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long copied = 0; copied < to - from; ) {
                long sent = channel.transferTo(from + copied, to - from - copied, copy);
                if (sent <= 0) {
                    throw new IOException("could not copy bytes " + from + ".." + to + " of " + file + " to " + quarantine);
                }
                copied += sent;
            }
        }
        log.warn("Kept a broken line of {} ({} bytes at byte {}) in {}", file, to - from, from, quarantine);
    }

    private Object lock(String dataset) {
        return locks.computeIfAbsent(dataset, d -> new Object());
    }
}
