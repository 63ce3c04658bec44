package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A small JSON file of the application's own state beside the datasets, {@code {store}/.state/{name}} (the workers
 * and the (worker, target) pairs stopped from the dashboard). Written whole to a temporary file and moved into place,
 * so a crash leaves the old or the new content; map keys in order, so the file reads the same for the same state.
 */
public final class StateFile<T> {

    private static final Logger log = LoggerFactory.getLogger(StateFile.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path file;
    private final ObjectMapper mapper;
    private final TypeReference<T> type;
    private final Supplier<T> empty;

    /** @param empty the content when the file is missing or unreadable */
    public StateFile(Path storeRoot, String name, ObjectMapper mapper, TypeReference<T> type, Supplier<T> empty) {
        this.file = storeRoot.resolve(".state").resolve(name);
        this.mapper = mapper;
        this.type = type;
        this.empty = empty;
    }

    /**
     * Whether a name from the configuration (a worker's, a dataset's, a target id) can stand in a state file's name
     * as it is: letters, digits, dot, dash and underscore, no path and no leading dot. A caller keeps no state file
     * for another one.
     */
    public static boolean isPlainName(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches();
    }

    /** The content; the empty one when the file is missing, or unreadable (then with a warning in the log). */
    public synchronized T read() {
        if (!Files.isRegularFile(file)) {
            return empty.get();
        }
        try {
            return mapper.readValue(file.toFile(), type);
        } catch (IOException e) {
            log.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return empty.get();
        }
    }

    public synchronized void write(T content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValue(temp.toFile(), content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether the file is there (a stop was ever written). */
    public boolean exists() {
        return Files.exists(file);
    }
}
