package dev.autocoder.workers.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a plan's diff a patch {@code git apply} takes as it is: {@code --- a/<file>} and {@code +++ b/<file>}
 * headers before the first hunk (whatever headers, timestamps or prose a model's diff came with) and a newline at
 * the end. The hunks are kept byte for byte, CR characters of CRLF files included.
 */
final class GitPatches {

    /** A repository-relative path git would write in a header: no leading slash, no {@code ..}, no control characters. */
    private static final Pattern SAFE_PATH = Pattern.compile("(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\p{Cntrl}]{1,4096}");

    private GitPatches() {
    }

    /** The diff with git's headers for {@code file}; {@code file} null or unsafe keeps the diff's own headers. */
    static String canonical(String file, String diff) {
        List<String> lines = new ArrayList<>(List.of(diff.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int firstHunk = firstHunk(lines);
        if (file != null && SAFE_PATH.matcher(file).matches() && firstHunk >= 0) {
            int oldHeader = -1;
            for (int i = 0; i + 1 < firstHunk; i++) {
                if (lines.get(i).startsWith("--- ") && lines.get(i + 1).startsWith("+++ ")) {
                    oldHeader = i;
                }
            }
            // everything before the hunks (a "diff --git" line, an index line, prose) goes: the two headers say it all
            List<String> patch = new ArrayList<>(List.of("--- a/" + file, "+++ b/" + file));
            patch.addAll(lines.subList(oldHeader < 0 ? firstHunk : oldHeader + 2, lines.size()));
            lines = patch;
        }
        return String.join("\n", lines) + "\n";
    }

    private static int firstHunk(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("@@")) {
                return i;
            }
        }
        return -1;
    }
}
