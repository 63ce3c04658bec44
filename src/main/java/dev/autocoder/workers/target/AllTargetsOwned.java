package dev.autocoder.workers.target;

/** One process alone (no Kafka): it runs every worker on every target. */
class AllTargetsOwned implements OwnedTargets {

    /** Alone, the one term lasts as long as the process. */
    @Override
    public long term(String worker, String targetId) {
        return 0;
    }
}
