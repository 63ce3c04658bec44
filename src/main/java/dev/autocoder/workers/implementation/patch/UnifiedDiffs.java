package dev.autocoder.workers.implementation.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.List;

/**
 * Writes git-style unified diffs with java-diff-utils: {@code --- a/<path>} and {@code +++ b/<path>} headers, three
 * lines of context, CR characters of CRLF files kept in the lines, and git's
 * {@code \ No newline at end of file} marker after a last line that has no newline.
 */
final class UnifiedDiffs {

    static final int CONTEXT_LINES = 3;
    static final String NO_NEWLINE_MARKER = "\\ No newline at end of file";

    /**
     * Appended to the last line of a text that does not end with a newline, so that line differs from the same
     * line with a newline (as it does for git). A NUL never occurs in the text files this package reads.
     */
    private static final String NO_NEWLINE = "\u0000";

    private UnifiedDiffs() {
    }

    /** The diff turning {@code original} into {@code revised}; empty when they are equal. */
    static String create(String path, String original, String revised) {
        List<String> originalLines = marked(original);
        List<String> revisedLines = marked(revised);
        Patch<String> patch = DiffUtils.diff(originalLines, revisedLines);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, originalLines, patch,
                CONTEXT_LINES);
        StringBuilder text = new StringBuilder();
        for (String line : diff) {
            if (line.endsWith(NO_NEWLINE)) {
                text.append(line, 0, line.length() - NO_NEWLINE.length()).append('\n')
                        .append(NO_NEWLINE_MARKER).append('\n');
            } else {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> marked(String text) {
        List<String> lines = GitTextLines.lines(text);
        if (!GitTextLines.endsWithNewline(text)) {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last) + NO_NEWLINE);
        }
        return lines;
    }
}
