package dev.autocoder.workers.analysis.dependencies;

/** Comments in the manifests that are code (Gradle scripts). */
final class ScriptComments {

    private ScriptComments() {
    }

    /**
     * The text with {@code //} and {@code /* *}{@code /} comments replaced by spaces (line breaks kept), so
     * commented-out dependencies are not inventoried and offsets still map to the original lines. String
     * literals are respected, so {@code "https://..."} is not a comment.
     */
    static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        char quote = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            char next = i + 1 < out.length() ? out.charAt(i + 1) : 0;
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                int end = out.indexOf("\n", i);
                i = blank(out, i, end < 0 ? out.length() : end);
            } else if (c == '/' && next == '*') {
                int end = out.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? out.length() : end + 2);
            }
        }
        return out.toString();
    }

    /** Blanks {@code [from, to)} but its line breaks (lines keep their numbers); returns the last index blanked. */
    private static int blank(StringBuilder out, int from, int to) {
        for (int j = from; j < to; j++) {
            if (out.charAt(j) != '\n') {
                out.setCharAt(j, ' ');
            }
        }
        return to - 1;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
