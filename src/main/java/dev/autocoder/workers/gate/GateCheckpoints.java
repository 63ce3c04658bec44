package dev.autocoder.workers.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.StateFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The single target's gate checkpoint, one file per analysis dataset, {@code {store}/.state/gate-{dataset}.json},
 * written whole and moved into place ({@link StateFile}), so a crash leaves the previous one.
 */
final class GateCheckpoints {

    /**
     * How long before a checkpoint the data files changed are read again at a restart: a row appended a moment
     * before the checkpoint may have reached the gate only after it, and a file system may keep coarse times. Of
     * those files' rows, only the ones after the checkpoint's newest iteration are taken.
     */
    static final Duration REREAD_MARGIN = Duration.ofHours(1);

    private final Path storeRoot;
    private final ObjectMapper mapper;

    GateCheckpoints(Path storeRoot, ObjectMapper mapper) {
        this.storeRoot = storeRoot;
        this.mapper = mapper;
    }

    /** The dataset's checkpoint of this format; empty when there is none or it cannot be read (then with a warning). */
    Optional<GateCheckpoint> read(String dataset) {
        return file(dataset).map(StateFile::read).filter(c -> c.format() == GateCheckpoint.FORMAT && c.isWhole());
    }

    void write(String dataset, GateCheckpoint checkpoint) {
        file(dataset).ifPresent(file -> file.write(checkpoint));
    }

    static Instant rereadSince(Instant writtenAt) {
        return writtenAt.minus(REREAD_MARGIN);
    }

    private Optional<StateFile<GateCheckpoint>> file(String dataset) {
        // a dataset whose name cannot be a file name is read in full at every start
        if (!StateFile.isPlainName(dataset)) {
            return Optional.empty();
        }
        return Optional.of(new StateFile<>(storeRoot, "gate-" + dataset + ".json", mapper, new TypeReference<>() {
        }, () -> null));
    }
}
