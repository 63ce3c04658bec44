package dev.autocoder.workers.implementation.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits and joins file text by lines the way git sees them: a line ends at {@code \n}, a {@code \r} before it
 * stays part of the line (so CRLF files round-trip unchanged), and whether the last line ends with a newline is
 * kept apart from the lines.
 */
final class GitTextLines {

    private GitTextLines() {
    }

    /** The lines of the text without their {@code \n}; an empty text has no lines. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** True when the text is empty or its last line ends with a newline. */
    static boolean endsWithNewline(String text) {
        return text.isEmpty() || text.endsWith("\n");
    }

    static String join(List<String> lines, boolean finalNewline) {
        String text = String.join("\n", lines);
        return finalNewline && !lines.isEmpty() ? text + "\n" : text;
    }

    /** True when every line break of the text is CRLF (and there is at least one). */
    static boolean usesCrlf(String text) {
        int newlines = 0;
        int crlf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                }
            }
        }
        return newlines > 0 && crlf == newlines;
    }

    /** Turns every lone {@code \n} into CRLF; used when the printer added LF lines to a CRLF file. */
    static String toCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
