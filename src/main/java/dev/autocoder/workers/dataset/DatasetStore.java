package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.worker.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The embedded dataset store: append-only JSON Lines in the Hub's dataset layout,
 * {@code {root}/{owner}/{dataset}/data/yyyy/MM/dd/yyyyMMdd'T'HHmmssSSS'Z'.jsonl}.
 * <p>
 * File names sort chronologically, so the last line of the last file is the latest row, and a folder per day
 * keeps every folder small. It is the outbox and the source of truth: every other state is rebuilt from it.
 * A row is written with one append and forced to disk before listeners hear of it. A partial last line
 * (a crash mid-write) is cut off the first time a dataset is opened and kept under
 * {@code {root}/.quarantine/} so nothing is silently lost.
 */
@Component
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
    private final List<RowListener> listeners = new CopyOnWriteArrayList<>();

    @org.springframework.beans.factory.annotation.Autowired
    public DatasetStore(AutocoderProperties properties, ObjectMapper mapper) {
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

    public void addListener(RowListener listener) {
        listeners.add(listener);
    }

    /** Appends one row durably, then tells the listeners. */
    public void append(String dataset, Row row) {
        byte[] line;
        try {
            line = (mapper.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("row of " + dataset + " cannot be serialized", e);
        }
        synchronized (lock(dataset)) {
            Path file = fileFor(dataset, line.length);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
        for (RowListener listener : listeners) {
            try {
                listener.rowWritten(dataset, row);
            } catch (RuntimeException e) {
                log.warn("Row listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The newest row of a dataset. */
    public Optional<Row> lastRow(String dataset) {
        return lastRow(dataset, r -> true);
    }

    /** The newest row matching a condition, reading files newest first. */
    public Optional<Row> lastRow(String dataset, Predicate<Row> condition) {
        Row[] found = new Row[1];
        forEachRowNewestFirst(dataset, row -> {
            if (condition.test(row)) {
                found[0] = row;
            }
            return found[0] == null;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Hands the rows of a dataset to an action, newest first, one file in memory at a time, for as long as the
     * action answers true: a search for the latest rows stops as soon as it has what it wants.
     */
    public void forEachRowNewestFirst(String dataset, Predicate<Row> action) {
        List<Path> files = dataFiles(dataset);
        for (int i = files.size() - 1; i >= 0; i--) {
            List<Row> rows = readFile(files.get(i));
            for (int j = rows.size() - 1; j >= 0; j--) {
                if (!action.test(rows.get(j))) {
                    return;
                }
            }
        }
    }

    /** Every row of a dataset, oldest first. Meant for rebuilding state at start-up, not per request. */
    public List<Row> rows(String dataset) {
        List<Row> rows = new ArrayList<>();
        forEachRow(dataset, rows::add);
        return rows;
    }

    /**
     * Hands every row of a dataset to an action, oldest first, one file in memory at a time: rebuilding
     * aggregates from a long history does not hold the whole history at once.
     */
    public void forEachRow(String dataset, java.util.function.Consumer<Row> action) {
        for (Path file : dataFiles(dataset)) {
            readFile(file).forEach(action);
        }
    }

    /** The data files of a dataset in chronological order (repaired first if the last one was cut short). */
    public List<Path> dataFiles(String dataset) {
        synchronized (lock(dataset)) {
            List<Path> files = listFiles(dataset);
            if (!files.isEmpty() && repaired.add(dataset)) {
                repair(files.get(files.size() - 1));
            }
            return files;
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
            files.sort((a, b) -> data.relativize(a).toString().compareTo(data.relativize(b).toString()));
            return Collections.unmodifiableList(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
    }

    private List<Row> readFile(Path file) {
        try {
            return RowLines.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8), mapper, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file the next row goes to: today's newest file while it is small enough, else a new one. */
    private Path fileFor(String dataset, int bytes) {
        try {
            Path current = currentFile.get(dataset);
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
            Path dayFolder = datasetDir(dataset).resolve("data").resolve(DAY_FOLDER.format(now));
            if (current == null) {
                List<Path> files = dataFiles(dataset);
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
            currentFile.put(dataset, current);
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a data file for " + dataset, e);
        }
    }

    /** Cuts an unterminated or unparseable last line off a file, keeping the fragment in quarantine. */
    void repair(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            if (end == 0) {
                return;
            }
            int lastNewline = end - 1;
            while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
                lastNewline--;
            }
            int keep;
            if (lastNewline == end - 1) {
                // Terminated: still check that the last line is a whole JSON row.
                int start = lastNewline - 1;
                while (start >= 0 && bytes[start] != '\n') {
                    start--;
                }
                String last = new String(bytes, start + 1, lastNewline - start - 1, StandardCharsets.UTF_8);
                if (last.isBlank() || isRow(last)) {
                    return;
                }
                keep = start + 1;
            } else {
                keep = lastNewline + 1;
            }
            Path quarantine = root.resolve(".quarantine").resolve(root.relativize(file).toString() + "." + clock.millis() + ".partial");
            Files.createDirectories(quarantine.getParent());
            Files.write(quarantine, java.util.Arrays.copyOfRange(bytes, keep, end));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(keep);
                channel.force(true);
            }
            log.warn("Repaired {}: cut a partial last row of {} bytes (kept in {})", file, end - keep, quarantine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
    }

    private boolean isRow(String line) {
        try {
            mapper.readValue(line, Row.class);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Object lock(String dataset) {
        return locks.computeIfAbsent(dataset, d -> new Object());
    }
}
