package dev.autocoder.workers.fleet;

import java.util.Locale;

/**
 * Which (worker, target) pairs this process runs now. Alone, a process owns every pair ({@link AllTargetsOwned});
 * in Kafka mode ownership follows the partitions of the targets topic this process's consumer is assigned
 * ({@code fleet.kafka.KafkaOwnership}), so it moves when a process joins, leaves or dies.
 */
public interface OwnedTargets {

    /** Whether this process runs the worker's rotation on the target now. */
    boolean owns(String worker, String targetId);

    /** A stable target id from the repository's name (lower case, only letters, digits, '.', '_' and '-'). */
    static String targetIdOf(String repository) {
        String id = repository == null ? "" : repository.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "target" : id;
    }

    /** The key of a (worker, target) pair on the targets topic. */
    static String pairKey(String worker, String targetId) {
        return targetId + "/" + worker;
    }
}
