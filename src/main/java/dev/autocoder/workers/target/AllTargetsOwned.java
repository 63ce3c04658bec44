package dev.autocoder.workers.target;

/** One process runs every target of the list. */
class AllTargetsOwned implements OwnedTargets {

    @Override
    public boolean owns(String targetId) {
        return true;
    }
}
