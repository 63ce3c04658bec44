package dev.autocoder.workers.analysis.dependencies;

import java.util.List;
import java.util.regex.Pattern;

/** The lines of a manifest, for the parsers that locate declarations by text. */
final class TextLines {

    private final List<String> lines;

    TextLines(String text) {
        this.lines = text.lines().toList();
    }

    /** The first 1-based line at or after {@code from} that contains {@code needle}; 0 when none does. */
    int find(String needle, int from) {
        for (int i = Math.max(1, from); i <= lines.size(); i++) {
            if (lines.get(i - 1).contains(needle)) {
                return i;
            }
        }
        return 0;
    }

    /** The first line of a TOML table header such as {@code [project]}, or 0. */
    int tomlTable(String header) {
        for (int i = 1; i <= lines.size(); i++) {
            if (lines.get(i - 1).strip().startsWith("[" + header + "]")) {
                return i;
            }
        }
        return 0;
    }

    /** The first line at or after {@code from} that assigns a TOML key ({@code key =} or {@code "key" =}), or 0. */
    int tomlKey(String key, int from) {
        String quoted = Pattern.quote(key);
        Pattern pattern = Pattern.compile("^\\s*(" + quoted + "|\"" + quoted + "\"|'" + quoted + "')\\s*=.*");
        for (int i = Math.max(1, from); i <= lines.size(); i++) {
            if (pattern.matcher(lines.get(i - 1)).matches()) {
                return i;
            }
        }
        return 0;
    }
}
