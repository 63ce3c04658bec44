package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.dataset.RemoteHistory;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The newest ok row of each perspective of another worker's dataset. The local store comes first; when it holds no
 * row of that dataset (this worker runs in its own process, e.g. a Space, and the other worker publishes to the Hub)
 * the remote copy is read, at most once per {@value #REMOTE_REFRESH_MINUTES} minutes (the Hub's default commit
 * interval: its copy does not change faster). Reading stops once every wanted perspective has a row, or after
 * {@value #MAX_ROWS_READ} rows.
 */
@Component
public class NewestRows {

    static final int MAX_ROWS_READ = 1000;
    /** The implementation worker (ImplementationStage.WORKER, a layer up): its Hub sync decides whether the remote copy is read. */
    static final String READER = "implementation";
    static final long REMOTE_REFRESH_MINUTES = 5;

    private final DatasetStore store;
    private final Supplier<List<RemoteHistory>> remotes;
    private final Map<String, Cached> remoteCache = new ConcurrentHashMap<>();

    /** Remote copies are looked up when first needed: the Hub's history depends on the perspective catalog. */
    @Autowired
    public NewestRows(DatasetStore store, ObjectProvider<RemoteHistory> remotes) {
        this(store, () -> remotes.orderedStream().toList());
    }

    public NewestRows(DatasetStore store, Supplier<List<RemoteHistory>> remotes) {
        this.store = store;
        this.remotes = remotes;
    }

    /**
     * @param rows   perspective id to its newest ok row
     * @param source where they were read: {@code the local store}, {@code the Hub} (the remote's name) or null
     *               when none was found
     * @param problem why the remote copy could not be read; null otherwise
     */
    public record Found(Map<String, Row> rows, String source, String problem) {
    }

    public Found read(String dataset, Collection<String> perspectives) {
        return read(dataset, perspectives, null);
    }

    /**
     * The newest ok rows of one listed target ({@code target_id}); a null target reads every row (the single target),
     * and only then the remote copy, which is not split by target.
     */
    public Found read(String dataset, Collection<String> perspectives, String targetId) {
        Map<String, Row> newest = new LinkedHashMap<>();
        int[] read = {0};
        Predicate<Row> collect = row -> {
            read[0]++;
            if (row.status() == Status.OK && row.perspectiveId() != null) {
                newest.putIfAbsent(row.perspectiveId(), row);
            }
            return read[0] < MAX_ROWS_READ && !newest.keySet().containsAll(perspectives);
        };
        store.forEachRowNewestFirstOf(dataset, targetId, collect);
        if (targetId != null) {
            return new Found(newest, read[0] > 0 ? "the local store" : null, null);
        }
        if (read[0] > 0) {
            return new Found(newest, "the local store", null);
        }
        Cached cached = remoteCache.get(dataset);
        if (cached != null && System.nanoTime() - cached.readAt < REMOTE_REFRESH_MINUTES * 60_000_000_000L) {
            return cached.found;
        }
        Found found = new Found(Map.of(), null, null);
        for (RemoteHistory remote : remotes.get()) {
            try {
                if (remote.forEachRowNewestFirst(READER, dataset, collect)) {
                    found = new Found(Map.copyOf(newest), newest.isEmpty() ? null : "the Hub", null);
                    break;
                }
            } catch (IllegalStateException e) {
                found = new Found(Map.of(), null, e.getMessage());
            }
        }
        remoteCache.put(dataset, new Cached(found, System.nanoTime()));
        return found;
    }

    private record Cached(Found found, long readAt) {
    }
}
