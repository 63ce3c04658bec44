package dev.autocoder.workers.repository;

/** How much one file changed in the churn window: commits touching it and lines added and deleted. */
public record FileChurn(String path, int commits, int linesAdded, int linesDeleted) {
    public int linesChanged() {
        return linesAdded + linesDeleted;
    }
}
