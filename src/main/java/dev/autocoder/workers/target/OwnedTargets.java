package dev.autocoder.workers.target;

/**
 * Which targets of the list this process runs. By default all of them ({@link AllTargetsOwned}); a process that
 * shares the list with others (the Kafka fleet, package {@code dev.autocoder.workers.fleet}) supplies its own bean,
 * and the fleet route then runs only the targets it owns, asking again on every tick.
 */
public interface OwnedTargets {

    boolean owns(String targetId);
}
