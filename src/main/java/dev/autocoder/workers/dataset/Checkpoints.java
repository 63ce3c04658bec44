package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * State rebuilt from a dataset's rows (the dashboard's aggregates, the quality gate's history), kept beside them so
 * that a restart reads only the data files changed since: one file per name, {@code {store}/.state/{prefix}{name}.json},
 * written whole and moved into place ({@link StateFile}), so a crash leaves the previous one.
 */
public final class Checkpoints<T> {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /**
     * How long before a checkpoint the data files changed are read again at a restart: a row appended a moment
     * before the checkpoint may have reached the state only after it, and a file system may keep coarse times.
     */
    static final Duration REREAD_MARGIN = Duration.ofHours(1);

    private final Path storeRoot;
    private final String prefix;
    private final ObjectMapper mapper;
    private final TypeReference<T> type;

    public Checkpoints(Path storeRoot, String prefix, ObjectMapper mapper, TypeReference<T> type) {
        this.storeRoot = storeRoot;
        this.prefix = prefix;
        this.mapper = mapper;
        this.type = type;
    }

    /** The checkpoint kept under the name; empty when there is none or it cannot be read (then with a warning). */
    public Optional<T> read(String name) {
        return file(name).map(StateFile::read);
    }

    public void write(String name, T checkpoint) {
        file(name).ifPresent(file -> file.write(checkpoint));
    }

    /**
     * Removes the checkpoints named {@code {key}.{target_id}} of the targets not in {@code listed} (a list of
     * targets' own checkpoints): a target taken off the list keeps none on disk; listed again, its state is rebuilt
     * from its rows. A file that cannot be listed or removed is left, with a warning.
     */
    public void removeUnlisted(String key, Set<String> listed) {
        String start = prefix + key + ".";
        List<Path> files;
        try (Stream<Path> all = Files.list(storeRoot.resolve(".state"))) {
            files = all.filter(file -> {
                String name = file.getFileName().toString();
                // "{key}.json" starts with "{key}." too: it is the key's own checkpoint, not a target's
                return name.startsWith(start) && name.endsWith(".json") && name.length() > start.length() + ".json".length();
            }).toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            log.warn("Checkpoints {}{}.* not looked at: {}", prefix, key, e.getMessage());
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String target = name.substring(start.length(), name.length() - ".json".length());
            // target ids have no dot: {key}.{a}.{b} is no target's checkpoint
            if (target.contains(".") || listed.contains(target)) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
                log.info("Removed {}: target {} is no longer listed", file.getFileName(), target);
            } catch (IOException e) {
                log.warn("{} of target {}, no longer listed, not removed: {}", file.getFileName(), target, e.getMessage());
            }
        }
    }

    /** Writes the checkpoints at shutdown; a failure is logged, not thrown: the next start reads more rows, that is all. */
    public static void atShutdown(String what, Runnable checkpoint) {
        try {
            checkpoint.run();
        } catch (RuntimeException e) {
            log.warn("{} not kept at shutdown ({}); the next start reads the rows since the last checkpoint", what,
                    e.getMessage());
        }
    }

    /** The data files changed at or after this instant hold every row a checkpoint written at {@code writtenAt} may lack. */
    public static Instant rereadSince(Instant writtenAt) {
        return writtenAt.minus(REREAD_MARGIN);
    }

    private Optional<StateFile<T>> file(String name) {
        // a name that cannot be a file name keeps no checkpoint: its state is rebuilt from every row at each start
        if (!StateFile.isPlainName(name)) {
            return Optional.empty();
        }
        return Optional.of(new StateFile<>(storeRoot, prefix + name + ".json", mapper, type, () -> null));
    }
}
