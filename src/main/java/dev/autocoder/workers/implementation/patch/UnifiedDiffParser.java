package dev.autocoder.workers.implementation.patch;

import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unified diff (one or more files, as git or diff -u write it) into java-diff-utils deltas, strictly:
 * every hunk's line counts must match its header, as {@code git apply} requires.
 * <p>
 * java-diff-utils' own {@code UnifiedDiffReader} only reads from an InputStream in the platform's default charset,
 * which corrupts non-ASCII source under a POSIX locale; this reader works on the text, and it reports where a
 * malformed diff (say, one a language model wrote) goes wrong.
 */
final class UnifiedDiffParser {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

    private final String[] lines;
    private int index;

    private UnifiedDiffParser(String diff) {
        // a CR before a line break belongs to the line's content (CRLF files); headers are read without it
        this.lines = GitTextLines.lines(diff).toArray(String[]::new);
    }

    static List<FilePatch> parse(String diff) throws MalformedDiffException {
        if (diff == null || diff.isBlank()) {
            throw new MalformedDiffException("the diff is empty");
        }
        return new UnifiedDiffParser(diff).files();
    }

    private List<FilePatch> files() throws MalformedDiffException {
        List<FilePatch> files = new ArrayList<>();
        while (index < lines.length) {
            if (lines[index].startsWith("--- ") && index + 1 < lines.length && lines[index + 1].startsWith("+++ ")) {
                files.add(file());
            } else {
                index++; // "diff --git", "index", mode lines and any text between files
            }
        }
        if (files.isEmpty()) {
            throw new MalformedDiffException("no file header (--- a/<path> then +++ b/<path>) found");
        }
        return files;
    }

    private FilePatch file() throws MalformedDiffException {
        String oldPath = path(lines[index], "a/");
        String newPath = path(lines[index + 1], "b/");
        if (oldPath == null && newPath == null) {
            throw new MalformedDiffException("line " + (index + 1) + ": both sides are /dev/null");
        }
        index += 2;
        Patch<String> patch = new Patch<>();
        int lastOldLine = 0;
        boolean oldNoNewline = false;
        boolean newNoNewline = false;
        while (index < lines.length && lines[index].startsWith("@@")) {
            Matcher header = HUNK.matcher(stripCr(lines[index]));
            if (!header.matches()) {
                throw new MalformedDiffException("line " + (index + 1) + ": malformed hunk header: " + shorten(lines[index]));
            }
            int oldStart = Integer.parseInt(header.group(1));
            int oldCount = header.group(2) == null ? 1 : Integer.parseInt(header.group(2));
            int newStart = Integer.parseInt(header.group(3));
            int newCount = header.group(4) == null ? 1 : Integer.parseInt(header.group(4));
            int headerLine = index + 1;
            index++;
            List<String> oldLines = new ArrayList<>();
            List<String> newLines = new ArrayList<>();
            char previous = ' ';
            while (oldLines.size() < oldCount || newLines.size() < newCount
                    || index < lines.length && lines[index].startsWith("\\")) {
                if (index >= lines.length) {
                    throw new MalformedDiffException("the hunk at line " + headerLine + " ends early: its header announces "
                            + Plural.of(oldCount, "original line") + " and " + Plural.of(newCount, "new line"));
                }
                String line = lines[index];
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                String content = line.isEmpty() ? "" : line.substring(1);
                switch (kind) {
                    case ' ' -> {
                        oldLines.add(content);
                        newLines.add(content);
                    }
                    case '-' -> oldLines.add(content);
                    case '+' -> newLines.add(content);
                    case '\\' -> {
                        oldNoNewline |= previous != '+';
                        newNoNewline |= previous != '-';
                    }
                    default -> throw new MalformedDiffException("line " + (index + 1) + " in the hunk at line " + headerLine
                            + " is not a context, removed or added line: " + shorten(line));
                }
                if (kind != '\\') {
                    previous = kind;
                }
                if (oldLines.size() > oldCount || newLines.size() > newCount) {
                    throw new MalformedDiffException("the hunk at line " + headerLine + " has more lines than its header "
                            + "announces (" + oldCount + " original, " + newCount + " new)");
                }
                index++;
            }
            // an empty range names the line before it
            int oldPosition = oldCount == 0 ? oldStart : oldStart - 1;
            int newPosition = newCount == 0 ? newStart : newStart - 1;
            patch.addDelta(new ChangeDelta<>(new Chunk<>(oldPosition, oldLines), new Chunk<>(newPosition, newLines)));
            lastOldLine = Math.max(lastOldLine, oldPosition + oldCount);
        }
        if (patch.getDeltas().isEmpty()) {
            throw new MalformedDiffException("no hunk (@@ -l,s +l,s @@) for " + (newPath != null ? newPath : oldPath));
        }
        return new FilePatch(oldPath, newPath, patch, lastOldLine, oldNoNewline, newNoNewline);
    }

    /** The path of a --- or +++ line without its a/ or b/ prefix and any timestamp; null for /dev/null. */
    private static String path(String headerLine, String prefix) {
        String path = stripCr(headerLine.substring(4));
        int tab = path.indexOf('\t');
        if (tab >= 0) {
            path = path.substring(0, tab);
        }
        path = path.strip();
        if (path.equals("/dev/null")) {
            return null;
        }
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String shorten(String line) {
        String oneLine = stripCr(line);
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}
