package dev.autocoder.workers.analysis.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Analysis results on disk, one JSON file per key, so a restarted application finds the work of the last one.
 * <p>
 * The folder's {@code manifest.json} names what the entries were computed with (cache format, tool versions,
 * ruleset, the bytes of our own classes that produce them): a folder whose manifest differs, or cannot be read, is
 * deleted with one log line and the cache starts empty. Each entry repeats its key and the manifest's stamp; an entry
 * that does not parse or does not match is deleted with a WARN naming the file and read as a miss, never trusted.
 * <p>
 * Entries live in {@code entries/<2 hex>/<sha-256 of the key>.json} and are read one at a time when asked for, so the
 * heap holds only the names of the files on disk, not their contents. Writes go to a temporary file moved into
 * place, so a crash leaves the old entry, the new one, or a stray temporary file that the next start deletes.
 * {@link #retainForTree} bounds the disk to what the trees analyzed last use: each tree's entry names are kept in
 * {@code trees/<id>.txt}, so after a restart one tree's pass does not delete the entries of the others (a fleet's
 * targets); beyond {@link #TREES_KEPT} trees the least recently analyzed loses its entries.
 *
 * @param <T> the cached value; a record or other type Jackson reads and writes through its fields
 */
public final class DiskCache<T> {

    /** Layout of the folder and its entries; bump when that changes. */
    static final int FORMAT = 1;

    private static final Logger log = LoggerFactory.getLogger(DiskCache.class);
    private static final String MANIFEST = "manifest.json";
    private static final String ENTRIES = "entries";
    private static final String TREES = "trees";
    /** Trees whose entries the disk keeps (a fleet's targets); the least recently analyzed beyond it lose theirs. */
    public static final int TREES_KEPT = 256;
    private static final String SUFFIX = ".json";

    private final Path folder;
    private final Path entries;
    private final String stamp;
    private final JavaType valueType;
    private final ObjectMapper mapper;
    /** File names of the entries on disk: what {@link #retainForTree} may delete. */
    private final Set<String> onDisk = ConcurrentHashMap.newKeySet();
    /** Tree id to the entry names its last analysis used, least recently analyzed first; guarded by itself. */
    private final Map<String, Set<String>> namesByTree = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    private DiskCache(Path folder, String stamp, JavaType valueType, ObjectMapper mapper) {
        this.folder = folder;
        this.entries = folder.resolve(ENTRIES);
        this.stamp = stamp;
        this.valueType = valueType;
        this.mapper = mapper;
    }

    /**
     * Opens the cache in {@code folder}, keeping its entries only when they were written for the same
     * {@code versions}; otherwise (or when its manifest is unreadable) deletes them, with a log line saying why.
     * Null, with a WARN, when the folder cannot be created: the analysis then runs without a disk cache.
     */
    public static <T> DiskCache<T> open(Path folder, Map<String, String> versions, Class<T> valueType) {
        ObjectMapper mapper = mapper();
        Map<String, String> wanted = new TreeMap<>(versions);
        wanted.put("cache-format", String.valueOf(FORMAT));
        DiskCache<T> cache = new DiskCache<>(folder, sha256(wanted.toString()).substring(0, 16),
                mapper.constructType(valueType), mapper);
        try {
            cache.validate(wanted);
            cache.scan();
            return cache;
        } catch (IOException | UncheckedIOException e) {
            log.warn("Analysis cache {} is not usable ({}); analyzing without it", folder, e.toString());
            return null;
        }
    }

    /** Not the application's mapper: cache files are fields-only and strict, a format of their own that rows never use. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // fields only: derived accessors (lines(), parsed(), isAnalyzableText()) are not state
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    private void validate(Map<String, String> wanted) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            String why;
            try {
                Map<String, String> found = mapper.readValue(manifest.toFile(),
                        mapper.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class));
                why = wanted.equals(found) ? null : "written for " + differences(found, wanted);
            } catch (JsonProcessingException e) {
                why = "its manifest " + manifest + " is corrupt (" + firstLine(e) + ")";
            }
            if (why == null) {
                return;
            }
            log.warn("Discarding the analysis cache {}: {}; it is rebuilt by the next analysis", folder, why);
            deleteTree(folder);
        } else if (Files.isDirectory(entries)) {
            log.warn("Discarding the analysis cache {}: it has no manifest; it is rebuilt by the next analysis", folder);
            deleteTree(folder);
        }
        Files.createDirectories(folder);
        write(manifest, mapper.writeValueAsBytes(wanted));
    }

    private static String differences(Map<String, String> found, Map<String, String> wanted) {
        StringBuilder text = new StringBuilder();
        Set<String> names = new HashSet<>(found.keySet());
        names.addAll(wanted.keySet());
        names.stream().sorted().filter(n -> !String.valueOf(found.get(n)).equals(String.valueOf(wanted.get(n))))
                .forEach(n -> text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(found.get(n))
                        .append(" (now ").append(wanted.get(n)).append(')'));
        return text.toString();
    }

    /** Learns the entry names on disk and the trees that use them, and deletes temporary files a crash left behind. */
    private void scan() throws IOException {
        Files.createDirectories(entries);
        Path trees = Files.createDirectories(folder.resolve(TREES));
        try (Stream<Path> files = Files.list(trees)) {
            // oldest first, so the least recently analyzed tree is the first to go
            files.sorted(Comparator.comparing(DiskCache::modified)).forEach(file -> {
                String name = file.getFileName().toString();
                if (name.matches("[0-9a-f]{16}\\.txt")) {
                    namesByTree.put(name.substring(0, 16), readTree(file));
                } else {
                    deleteQuietly(file);
                }
            });
        }
        try (Stream<Path> files = Files.walk(entries, 2)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && file.getParent().getFileName().toString().equals(name.substring(0, 2))) {
                    onDisk.add(name);
                } else {
                    deleteQuietly(file);
                }
            });
        }
    }

    /** The value stored for the key; null when there is none or it cannot be trusted (then it is deleted). */
    public T read(String key) {
        String name = fileName(key);
        if (!onDisk.contains(name)) {
            return null;
        }
        Path file = path(name);
        String problem;
        try {
            JsonNode entry = mapper.readTree(file.toFile());
            if (entry == null || !entry.isObject()) {
                problem = "not a JSON object";
            } else if (!stamp.equals(entry.path("stamp").asText())) {
                problem = "written for other versions";
            } else if (!key.equals(entry.path("key").asText())) {
                problem = "holds another key";
            } else {
                T value = mapper.treeToValue(entry.get("value"), valueType);
                if (value != null) {
                    hits.incrementAndGet();
                    return value;
                }
                problem = "no value";
            }
        } catch (NoSuchFileException e) {
            onDisk.remove(name);
            return null;
        } catch (IOException | RuntimeException e) {
            problem = "corrupt: " + firstLine(e);
        }
        log.warn("Discarding analysis cache entry {} ({}); it is analyzed again", file, problem);
        discarded.incrementAndGet();
        onDisk.remove(name);
        deleteQuietly(file);
        return null;
    }

    /** Stores the value for the key, replacing any; a failure to write is logged and otherwise ignored. */
    public void write(String key, T value) {
        String name = fileName(key);
        ObjectNode entry = mapper.createObjectNode();
        entry.put("stamp", stamp);
        entry.put("key", key);
        entry.set("value", mapper.valueToTree(value));
        try {
            Path file = path(name);
            Files.createDirectories(file.getParent());
            write(file, mapper.writeValueAsBytes(entry));
            onDisk.add(name);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot write analysis cache entry for {} in {} ({})", key, folder, e.toString());
        }
    }

    /**
     * The entries one tree's analysis uses now: remembers them for that tree (on disk too, for the next start) and
     * deletes every entry no remembered tree uses. Call it before computing what is missing, so a concurrent pass of
     * another tree never deletes what this one is about to write.
     */
    public void retainForTree(Path root, Collection<String> keys) {
        String tree = sha256(root.toAbsolutePath().normalize().toString()).substring(0, 16);
        Set<String> names = new HashSet<>();
        keys.forEach(k -> names.add(fileName(k)));
        Set<String> kept = new HashSet<>();
        synchronized (namesByTree) {
            if (!names.equals(namesByTree.put(tree, names))) {
                writeTree(tree, names);
            } else {
                touchTree(tree); // its age orders the trees after a restart
            }
            var eldest = namesByTree.keySet().iterator();
            while (namesByTree.size() > TREES_KEPT) {
                deleteQuietly(folder.resolve(TREES).resolve(eldest.next() + ".txt"));
                eldest.remove();
            }
            namesByTree.values().forEach(kept::addAll);
        }
        deleteAllBut(kept);
    }

    private void deleteAllBut(Set<String> live) {
        for (String name : Set.copyOf(onDisk)) {
            if (!live.contains(name)) {
                onDisk.remove(name);
                deleteQuietly(path(name));
            }
        }
    }

    /** Entries on disk now. */
    public int size() {
        return onDisk.size();
    }

    /** Entries read and trusted since the cache was opened. */
    public long hits() {
        return hits.get();
    }

    /** Entries found untrustworthy and deleted since the cache was opened. */
    public long discarded() {
        return discarded.get();
    }

    public Path folder() {
        return folder;
    }

    private Path path(String name) {
        return entries.resolve(name.substring(0, 2)).resolve(name);
    }

    /** The entry names a tree file lists; a line that is not an entry name is passed over. */
    private static Set<String> readTree(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.matches("[0-9a-f]{64}\\.json")).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot read {} ({}); that tree's entries may be analyzed again", file, e.toString());
            return Set.of();
        }
    }

    private void writeTree(String tree, Set<String> names) {
        try {
            write(folder.resolve(TREES).resolve(tree + ".txt"),
                    String.join("\n", new TreeSet<>(names)).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot write the entry list of a tree in {} ({})", folder, e.toString());
        }
    }

    private void touchTree(String tree) {
        try {
            Files.setLastModifiedTime(folder.resolve(TREES).resolve(tree + ".txt"), FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.debug("Cannot touch the entry list of a tree in {} ({})", folder, e.toString());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String fileName(String key) {
        return sha256(key) + SUFFIX;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(DiskCache::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}: {}", file, e.toString());
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // the message may quote the file's bytes: printable characters only, and not many
        String line = message.lines().findFirst().orElse("").strip().replaceAll("[^\\p{Print}]", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * SHA-256 of the class files of {@code classes} as this JVM loads them: a change to the code that computes the
     * cached values changes it, so their entries are not trusted by a build that would compute something else.
     */
    public static String codeFingerprint(Class<?>... classes) {
        StringBuilder text = new StringBuilder();
        for (Class<?> type : classes) {
            String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
            try (InputStream in = type.getResourceAsStream(resource)) {
                text.append(type.getName()).append(' ')
                        .append(in == null ? "?" : HexFormat.of().formatHex(digest(in.readAllBytes()))).append('\n');
            } catch (IOException e) {
                text.append(type.getName()).append(" ?\n");
            }
        }
        return sha256(text.toString());
    }

    /** Hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DiskCache[" + folder + ", " + onDisk.size() + " entries]";
    }
}
