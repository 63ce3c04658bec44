package dev.autocoder.workers.repository;

import java.nio.file.Path;

/**
 * The target as it is on disk right now, ready to be inventoried.
 *
 * @param root        absolute real path of the folder to analyze
 * @param displayName the folder path, or the git URL without credentials
 * @param commit      HEAD's commit id, or null when the folder is not in a git work tree (or has no commit yet)
 */
record TargetCheckout(Path root, String displayName, String commit) {

    public boolean hasGitHistory() {
        return commit != null;
    }
}
