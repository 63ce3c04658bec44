package dev.autocoder.workers.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What of a dataset is on the Hub, kept durably next to the local store
 * ({@code {store}/.state/hub/{owner}/{dataset}.json}): the published offset of every local data file, written
 * only after the Hub confirmed the commit, and the commit in flight, whose outcome is checked on the Hub before
 * anything is sent again. Losing this file loses nothing: the offsets are rebuilt from the Hub's file listing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublishedState(Map<String, Long> published, InFlight inFlight, Instant lastCommitAt, String lastCommitOid) {

    public PublishedState {
        published = published == null ? new TreeMap<>() : new TreeMap<>(published);
    }

    public static PublishedState empty() {
        return new PublishedState(Map.of(), null, null, null);
    }

    /** A commit that was sent and not yet confirmed: its files and the offsets they would publish up to. */
    public record InFlight(String summary, List<InFlightFile> files, Instant sentAt) {
    }

    public record InFlightFile(String hubPath, String localFile, long to, long size) {
    }

    public PublishedState withInFlight(InFlight flight) {
        return new PublishedState(published, flight, lastCommitAt, lastCommitOid);
    }

    /** The in-flight commit landed: its offsets become published. */
    public PublishedState confirmed(Instant at, String commitOid) {
        Map<String, Long> next = new TreeMap<>(published);
        if (inFlight != null) {
            inFlight.files().stream().filter(f -> f.localFile() != null)
                    .forEach(f -> next.merge(f.localFile(), f.to(), Math::max));
        }
        return new PublishedState(next, null, at, commitOid);
    }

    /** Offsets learnt from the Hub's listing, never lowering what is known. */
    public PublishedState merged(Map<String, Long> fromHub) {
        Map<String, Long> next = new TreeMap<>(published);
        fromHub.forEach((file, offset) -> next.merge(file, offset, Math::max));
        return new PublishedState(next, inFlight, lastCommitAt, lastCommitOid);
    }

    static PublishedState read(Path file, ObjectMapper mapper) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return mapper.readValue(file.toFile(), PublishedState.class);
        } catch (IOException e) {
            // unreadable state is rebuilt from the Hub's listing; the outbox itself is untouched
            return empty();
        }
    }

    /** Writes the state atomically and durably: a crash leaves the old or the new state, never half of one. */
    void write(Path file, ObjectMapper mapper) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                // a full disk may take part of the state: only a whole one replaces the last good one
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(mapper.writeValueAsBytes(this));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the publishing state " + file, e);
        }
    }
}
