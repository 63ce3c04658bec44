package dev.autocoder.workers.testplan.history;

/**
 * One file that differs between the baseline commit and the snapshot.
 *
 * @param change       added, changed or removed
 * @param oldBlob      blob id at the baseline; null when added
 * @param newBlob      content hash in the snapshot; null when removed
 * @param linesAdded   lines added (java-diff-utils over the two texts; 0 for binary or unreadable texts)
 * @param linesRemoved lines removed
 */
public record FileChange(String path, String change, String oldBlob, String newBlob, int linesAdded, int linesRemoved) {
}
