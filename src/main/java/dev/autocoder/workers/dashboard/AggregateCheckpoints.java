package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.StateFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The workers' aggregate checkpoints, one file each, {@code {store}/.state/dashboard-{worker}.json}, written whole and
 * moved into place ({@link StateFile}), so a crash leaves the previous one.
 */
final class AggregateCheckpoints {

    /**
     * How long before a checkpoint the data files changed are read again at a restart: a row appended a moment
     * before the checkpoint may have reached the aggregate only after it, and a file system may keep coarse times.
     * A row read twice is not counted twice (its iteration is not newer).
     */
    static final Duration REREAD_MARGIN = Duration.ofHours(1);

    private final Path storeRoot;
    private final ObjectMapper mapper;

    AggregateCheckpoints(Path storeRoot, ObjectMapper mapper) {
        this.storeRoot = storeRoot;
        this.mapper = mapper;
    }

    /** The worker's checkpoint; empty when there is none or it cannot be read (then with a warning). */
    Optional<AggregateCheckpoint> read(String worker) {
        return file(worker).map(StateFile::read);
    }

    void write(AggregateCheckpoint checkpoint) {
        file(checkpoint.worker()).ifPresent(file -> file.write(checkpoint));
    }

    /** The data files changed at or after this instant hold every row a checkpoint written at {@code at} may lack. */
    static Instant rereadSince(Instant at) {
        return at.minus(REREAD_MARGIN);
    }

    private Optional<StateFile<AggregateCheckpoint>> file(String worker) {
        // a worker whose name cannot be a file name is rebuilt in full every time
        if (!StateFile.isPlainName(worker)) {
            return Optional.empty();
        }
        return Optional.of(new StateFile<>(storeRoot, "dashboard-" + worker + ".json", mapper,
                new TypeReference<>() {
                }, () -> null));
    }
}
