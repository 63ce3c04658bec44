package dev.autocoder.workers.implementation.patch;

import com.github.difflib.patch.Patch;

/**
 * The hunks of one file in a unified diff.
 *
 * @param oldPath          path before, without the {@code a/} prefix; null for a new file ({@code /dev/null})
 * @param newPath          path after, without the {@code b/} prefix; null for a deleted file
 * @param patch            the hunks as java-diff-utils deltas (context lines included)
 * @param lastOldLine      the last original line the hunks reach (1-based), to tell whether they touch the end
 * @param oldNoNewlineAtEnd the diff marks the original's last line as having no newline
 * @param newNoNewlineAtEnd the diff marks the result's last line as having no newline
 */
record FilePatch(String oldPath, String newPath, Patch<String> patch, int lastOldLine,
                 boolean oldNoNewlineAtEnd, boolean newNoNewlineAtEnd) {

    /** The path the result is checked under. */
    String path() {
        return newPath != null ? newPath : oldPath;
    }
}
