package dev.autocoder.workers.fleet;

/** One process alone (no Kafka): it runs every worker on every target. */
public class AllTargetsOwned implements OwnedTargets {

    @Override
    public boolean owns(String worker, String targetId) {
        return true;
    }
}
