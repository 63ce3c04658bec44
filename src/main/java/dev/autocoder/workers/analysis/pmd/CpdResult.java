package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import java.util.List;
import java.util.Map;

/**
 * Copy-paste detection over a snapshot.
 *
 * @param minimumTokens    the smallest duplicate CPD reports, in tokens
 * @param languages        per CPD language id (java, ecmascript, typescript, python, kotlin): files, lines, duplicated
 *                         lines; only languages with files in the snapshot
 * @param totalLines       lines of the files CPD tokenized
 * @param duplicatedLines  lines inside any occurrence of a duplicate block (each line counted once per file)
 * @param blocks           duplicate blocks, largest first
 * @param skippedFiles     files CPD could not tokenize (or read), was not given (over the time budget) or did not
 *                         search (no room in the heap), with the reason
 * @param notSearched      a sentence saying which files were not searched because the heap had no room for their
 *                         search, for the row's summary; null when every file CPD could read was searched
 */
public record CpdResult(int minimumTokens, Map<String, LanguageDuplication> languages, long totalLines,
                        long duplicatedLines, List<DuplicateBlock> blocks, List<SkippedFile> skippedFiles,
                        String notSearched) {

    /** How the reason of a file not searched for want of heap begins. */
    public static final String NOT_SEARCHED = "not searched for duplicates:";

    /** The files not searched because the heap had no room for their search. */
    public List<String> notSearchedPaths() {
        return skippedFiles.stream().filter(f -> f.reason().startsWith(NOT_SEARCHED)).map(SkippedFile::path).toList();
    }

    /** " " and {@link #notSearched}, to end a summary with; empty when every file was searched. */
    public String notSearchedSentence() {
        return notSearched == null ? "" : " " + notSearched;
    }

    /** Duplicated lines as a percentage of all lines analyzed; 0 when nothing was analyzed. */
    public double duplicatedLinesPercent() {
        return totalLines == 0 ? 0 : 100.0 * duplicatedLines / totalLines;
    }

    /** One language's share. */
    public record LanguageDuplication(int files, long lines, long duplicatedLines) {
    }

    /**
     * One duplicated piece of code and every place it occurs.
     *
     * @param lines       lines of the first occurrence
     * @param tokens      length in tokens
     * @param occurrences where it occurs, sorted by path and line
     * @param snippet     source of the first occurrence, shortened (for stable finding ids; never published)
     */
    public record DuplicateBlock(int lines, int tokens, List<Occurrence> occurrences, String snippet) {
    }

    /** One place of a duplicate block. */
    public record Occurrence(String path, int beginLine, int endLine) {
    }
}
