package dev.autocoder.workers.dataset;

import dev.autocoder.workers.config.InvalidConfigurationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One application per store folder ({@code autocoder.store.path}): a second one would repair the first one's data
 * files on its first read, cutting the row being appended as an unterminated line, and its caches would delete the
 * first one's files in progress. The lock is the operating system's on {@code .lock} in the folder, so a process
 * that dies (even by SIGKILL) leaves no stale lock behind; the file says who holds it, for the error.
 */
public final class StoreLock implements AutoCloseable {

    static final String FILE = ".lock";
    private static final String STORE_PATH = "autocoder.store.path";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock (creating the folder), or says which process holds it. */
    static StoreLock acquire(Path root) {
        Path file = root.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new InvalidConfigurationException(STORE_PATH, "another application uses the store " + root + " ("
                        + (holder.isEmpty() ? "it holds " + file : holder) + "); two applications on one store would "
                        + "cut each other's rows: stop the other one, or give this one a folder of its own");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ManagementFactory.getRuntimeMXBean().getPid() + ", since "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidConfigurationException(STORE_PATH, "cannot lock the store " + root + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** Null when another process holds the lock, or this one does already (the JVM keeps one lock per file and process). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock error is what the caller needs to read
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
