package dev.autocoder.workers.testplan.history;

import java.util.List;
import java.util.Map;

/**
 * What differs between the baseline commit and the snapshot: committed and uncommitted changes alike, because
 * the snapshot's content hashes are git blob ids and are compared with the baseline tree's.
 *
 * @param baseline       the baseline commit id
 * @param files          changed files, sorted by path
 * @param baselineBlobs  path to blob id of every file in the baseline tree (paths relative to the snapshot root)
 */
public record ChangeSet(String baseline, List<FileChange> files, Map<String, String> baselineBlobs) {

    public List<FileChange> of(String change) {
        return files.stream().filter(f -> f.change().equals(change)).toList();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
