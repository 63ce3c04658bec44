package dev.autocoder.workers.implementation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which lines of the original file a unified diff changes. */
final class DiffLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+\\d+(?:,\\d+)? @@");

    private DiffLines() {
    }

    /** Original line numbers removed or replaced; for a pure insertion, the line it follows. */
    static List<Integer> originalLinesChanged(String diff) {
        List<Integer> lines = new ArrayList<>();
        int line = 0;
        boolean inHunk = false;
        for (String text : diff.split("\n")) {
            Matcher hunk = HUNK.matcher(text);
            if (hunk.find()) {
                line = Integer.parseInt(hunk.group(1));
                inHunk = true;
                continue;
            }
            if (!inHunk || text.startsWith("\\")) {
                continue;
            }
            if (text.startsWith("-")) {
                lines.add(line);
                line++;
            } else if (text.startsWith("+")) {
                lines.add(Math.max(1, line - 1));
            } else {
                line++;
            }
        }
        return lines;
    }

    /** The first and last line of the changed region in the patched file (1-based), or null without hunks. */
    static int[] newRegion(String diff) {
        Pattern newSide = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (String text : diff.split("\n")) {
            Matcher hunk = newSide.matcher(text);
            if (hunk.find()) {
                int start = Integer.parseInt(hunk.group(1));
                int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
                first = Math.min(first, start);
                last = Math.max(last, start + Math.max(count, 1) - 1);
            }
        }
        return last < 0 ? null : new int[] {first, last};
    }
}
