package dev.autocoder.workers.target;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.SnapshotService;

/**
 * The snapshot service of each target, with its cache of file facts, for the targets in use: at most
 * {@code autocoder.fleet.max-cached-targets} of them, the least recently used evicted beyond that (its next
 * iteration walks the tree again), so memory follows the active working set, not the length of the list. The
 * bound is never below the fleet's thread count, so a target that is being read is never the one evicted.
 */
class TargetWorkspaces {

    private final AutocoderProperties properties;
    private final Cache<ListedTarget, SnapshotService> snapshots;

    TargetWorkspaces(AutocoderProperties properties) {
        this.properties = properties;
        this.snapshots = Caffeine.newBuilder()
                .maximumSize(Math.max(properties.getFleet().getMaxCachedTargets(), properties.getFleet().getThreads()))
                .build();
    }

    /** The snapshot service of a target (keyed by the listed target itself: a re-read entry gets a fresh one). */
    SnapshotService snapshots(ListedTarget target) {
        return snapshots.get(target, t -> new SnapshotService(t.target(), properties));
    }

    long cachedTargets() {
        snapshots.cleanUp();
        return snapshots.estimatedSize();
    }
}
