package dev.autocoder.workers.implementation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which lines of the original file a unified diff changes. */
final class DiffLines {

    /** A hunk header; a start of more than nine digits is no line of a file (and would not parse as an int). */
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d{1,9})(?:,(\\d+))? \\+\\d+(?:,\\d+)? @@");

    private DiffLines() {
    }

    /** A hunk of a unified diff: the original line it starts at, and its lines (context, removed, added). */
    record Hunk(int originalStart, List<String> lines) {
    }

    /** The hunks of a unified diff, in order; the file headers before them and "\ No newline" marks left out. */
    static List<Hunk> hunks(String diff) {
        List<Hunk> hunks = new ArrayList<>();
        List<String> body = null;
        for (String text : diff.split("\n")) {
            Matcher hunk = HUNK.matcher(text);
            if (hunk.find()) {
                body = new ArrayList<>();
                hunks.add(new Hunk(Integer.parseInt(hunk.group(1)), body));
            } else if (body != null && !text.startsWith("\\")) {
                body.add(text);
            }
        }
        return hunks;
    }

    /** Original line numbers removed or replaced; for a pure insertion, the line it follows. */
    static List<Integer> originalLinesChanged(String diff) {
        List<Integer> lines = new ArrayList<>();
        for (Hunk hunk : hunks(diff)) {
            int line = hunk.originalStart();
            for (String text : hunk.lines()) {
                if (text.startsWith("-")) {
                    lines.add(line);
                    line++;
                } else if (text.startsWith("+")) {
                    lines.add(Math.max(1, line - 1));
                } else {
                    line++;
                }
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
