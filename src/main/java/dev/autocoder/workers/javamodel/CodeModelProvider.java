package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Snapshot;

/**
 * Gives the planner's detailed Java model: of a snapshot, and of a text known by its blob id (a file at an earlier
 * commit). Implementations parse each file content once per Java language level and cache it.
 */
public interface CodeModelProvider {

    /** The model of every Java file of the snapshot; binary, oversized and unreadable files come back unparsed. */
    CodeModel codeModel(Snapshot snapshot);

    /** The model of one text, e.g. a file at an earlier commit; a file over the per-file time budget is skipped. */
    FileModel parse(String path, String blobId, String text, JavaLanguageLevel level);
}
