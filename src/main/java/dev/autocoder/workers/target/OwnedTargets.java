package dev.autocoder.workers.target;

/**
 * Which (worker, target) pairs this process runs now. Alone, a process owns every pair ({@link AllTargetsOwned});
 * in Kafka mode ownership follows the partitions of the targets topic its consumer is assigned
 * ({@code fleet.kafka.KafkaOwnership}), so it moves when a process joins, leaves or dies. The fleet route asks on
 * every tick which pairs are due, and every iteration asks once more right before it begins
 * ({@link FleetDispatcher#ownsIteration}), so a pair given away while queued never runs here.
 */
public interface OwnedTargets {

    /**
     * This process's ownership term of the pair, taken when an iteration begins; -1 when it does not own the pair
     * now. A process that loses a pair and is given it back starts a new term, and an iteration's row is written only
     * in the term the iteration began in (in Kafka mode: {@code fleet.kafka.RowTransactions}).
     */
    long term(String worker, String targetId);

    /** Whether this process runs the worker's rotation on the target (its {@code target_id}) now: it has a term. */
    default boolean owns(String worker, String targetId) {
        return term(worker, targetId) >= 0;
    }
}
