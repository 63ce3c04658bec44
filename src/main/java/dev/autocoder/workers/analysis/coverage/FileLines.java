package dev.autocoder.workers.analysis.coverage;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The coverable lines of one source file as a report states them, line by line.
 *
 * @param declaredPath the source file as the report names it (resolved later, as for {@link ClassCoverage})
 * @param covered      1-based lines the tests ran
 * @param missed       1-based coverable lines the tests never ran (never also in {@code covered})
 */
record FileLines(String declaredPath, SortedSet<Integer> covered, SortedSet<Integer> missed) {

    FileLines {
        covered = new TreeSet<>(covered);
        TreeSet<Integer> onlyMissed = new TreeSet<>(missed);
        onlyMissed.removeAll(covered);
        missed = onlyMissed;
    }

    static FileLines of(String declaredPath, Collection<Integer> covered, Collection<Integer> missed) {
        return new FileLines(declaredPath, new TreeSet<>(covered), new TreeSet<>(missed));
    }

    /** The same file in two entries (a class and its nested classes, two reports): a line run by either is covered. */
    FileLines merge(FileLines other) {
        TreeSet<Integer> allCovered = new TreeSet<>(covered);
        allCovered.addAll(other.covered);
        TreeSet<Integer> allMissed = new TreeSet<>(missed);
        allMissed.addAll(other.missed);
        return new FileLines(declaredPath, allCovered, allMissed);
    }
}
