package dev.autocoder.workers.implementation.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs the whitespace the lexical-preserving printer gets wrong around a removed node, so the diff looks like
 * a person's edit. Only lines inside the printer's changes are touched:
 * <ul>
 * <li>a line the removal left empty or holding only indentation is dropped;</li>
 * <li>a blank line that separated the removed code from its neighbours, and that the printer removed along with
 * it, is kept (otherwise a field would end up glued to the constructor below it);</li>
 * <li>removed lines that sat between two blank lines leave one blank line, not two;</li>
 * <li>a line the printer only de-indented (a closing brace after the removed last statement of a block) gets its
 * indentation back.</li>
 * </ul>
 */
final class BlankLineTidy {

    private BlankLineTidy() {
    }

    static String tidy(String original, String patched) {
        List<String> before = GitTextLines.lines(original);
        List<String> after = GitTextLines.lines(patched);
        List<String> result = new ArrayList<>();
        Set<Integer> skipped = new HashSet<>();
        int cursor = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int position = delta.getSource().getPosition();
            cursor = copy(before, cursor, position, skipped, result);
            result.addAll(replacement(before, delta, skipped));
            cursor = position + delta.getSource().size();
        }
        copy(before, cursor, before.size(), skipped, result);
        return GitTextLines.join(result, GitTextLines.endsWithNewline(patched));
    }

    private static int copy(List<String> lines, int from, int to, Set<Integer> skipped, List<String> into) {
        for (int i = from; i < to; i++) {
            if (!skipped.contains(i)) {
                into.add(lines.get(i));
            }
        }
        return to;
    }

    private static List<String> replacement(List<String> before, AbstractDelta<String> delta, Set<Integer> skipped) {
        List<String> removed = delta.getSource().getLines();
        boolean removedBlank = removed.stream().anyMatch(String::isBlank);
        List<String> lines = new ArrayList<>();
        for (String line : delta.getTarget().getLines()) {
            if (!line.isBlank() || removedBlank) {
                lines.add(reindented(line, removed));
            }
        }
        if (!lines.isEmpty() || removed.isEmpty()) {
            return lines;
        }
        // a pure deletion
        int above = delta.getSource().getPosition() - 1;
        int below = delta.getSource().getPosition() + removed.size();
        boolean blankAbove = above >= 0 && before.get(above).isBlank();
        boolean blankBelow = below < before.size() && before.get(below).isBlank();
        if (!removedBlank && blankAbove && blankBelow) {
            skipped.add(below);
        } else if (removedBlank && above >= 0 && below < before.size() && !blankAbove && !blankBelow
                && (removed.get(0).isBlank() || removed.get(removed.size() - 1).isBlank())) {
            lines.add(removed.stream().filter(String::isBlank).findFirst().orElseThrow());
        }
        return lines;
    }

    /** The removed line with the same code and more indentation, when the printer only lost indentation. */
    private static String reindented(String line, List<String> removed) {
        String code = line.strip();
        if (code.isEmpty()) {
            return line;
        }
        for (String old : removed) {
            if (old.strip().equals(code) && indentation(old) > indentation(line) && old.endsWith(line.stripLeading())) {
                return old;
            }
        }
        return line;
    }

    private static int indentation(String line) {
        return line.length() - line.stripLeading().length();
    }
}
