package dev.autocoder.workers.repository;

/**
 * Makes a value from the analyzed repository (a file name, a parser's message) safe for a log line: a newline or
 * another control character in a file name would otherwise start a line the log reader takes for ours.
 */
public final class LogText {

    private LogText() {
    }

    /**
     * The value's text with backslash, control characters (C0, DEL, C1), Unicode line and paragraph separators and
     * invisible format characters (such as bidirectional overrides) written as escapes: {@code \n}, {@code \r},
     * {@code \t}, {@code \\}, else {@code \}{@code uXXXX}. Other characters, non-ASCII letters included, stay.
     */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> {
                int type = Character.getType(c);
                boolean hidden = type == Character.CONTROL || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
                yield hidden ? String.format("\\u%04x", (int) c) : null;
            }
        };
    }
}
