package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workers stopped from the dashboard, {@code {store}/.state/stopped-workers.json}: worker id → route id.
 * Written whole to a temporary file and moved into place, so a crash leaves the old or the new list.
 */
final class StoppedWorkersFile {

    private static final Logger log = LoggerFactory.getLogger(StoppedWorkersFile.class);

    private final Path file;
    private final ObjectMapper mapper;

    StoppedWorkersFile(Path storeRoot, ObjectMapper mapper) {
        this.file = storeRoot.resolve(".state").resolve("stopped-workers.json");
        this.mapper = mapper;
    }

    Path path() {
        return file;
    }

    /** The stopped workers; none when the file is missing or unreadable (then every worker runs). */
    synchronized Map<String, String> read() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            Map<String, String> stopped = mapper.readValue(file.toFile(), new TypeReference<Map<String, String>>() {
            });
            return new TreeMap<>(stopped);
        } catch (IOException e) {
            log.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return new TreeMap<>();
        }
    }

    synchronized void write(Map<String, String> stopped) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "stopped-workers", ".tmp");
            mapper.writeValue(temp.toFile(), new TreeMap<>(stopped));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
