package dev.autocoder.workers.implementation.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cleans what the lexical-preserving printer leaves where it removed a node: a line that became empty or only
 * indentation, and a doubled blank line where the removed lines sat between two blank lines. Lines the edit did
 * not touch are never changed.
 */
final class BlankLineTidy {

    private BlankLineTidy() {
    }

    static String tidy(String original, String patched) {
        List<String> before = SourceText.lines(original);
        List<String> after = SourceText.lines(patched);
        Patch<String> patch = DiffUtils.diff(before, after);
        Set<Integer> drop = new HashSet<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.DELETE || removed.stream().anyMatch(BlankLineTidy::isBlank)) {
                collapseBlankPair(before, after, delta, drop);
                continue;
            }
            int leftovers = 0;
            for (int i = 0; i < added.size(); i++) {
                if (isBlank(added.get(i))) {
                    drop.add(delta.getTarget().getPosition() + i);
                    leftovers++;
                }
            }
            if (leftovers == added.size()) {
                collapseBlankPair(before, after, delta, drop);
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            if (!drop.contains(i)) {
                kept.add(after.get(i));
            }
        }
        return SourceText.join(kept, SourceText.endsWithNewline(patched));
    }

    /** Removed lines between two blank lines would leave two blank lines in a row: drop the second. */
    private static void collapseBlankPair(List<String> before, List<String> after, AbstractDelta<String> delta,
                                          Set<Integer> drop) {
        int above = delta.getSource().getPosition() - 1;
        int below = delta.getSource().getPosition() + delta.getSource().size();
        int belowInResult = delta.getTarget().getPosition() + delta.getTarget().size();
        if (above >= 0 && below < before.size() && isBlank(before.get(above)) && isBlank(before.get(below))
                && belowInResult < after.size() && isBlank(after.get(belowInResult))) {
            drop.add(belowInResult);
        }
    }

    private static boolean isBlank(String line) {
        return line.isBlank();
    }
}
