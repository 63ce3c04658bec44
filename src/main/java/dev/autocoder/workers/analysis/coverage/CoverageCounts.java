package dev.autocoder.workers.analysis.coverage;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Covered and missed lines and branches of a class, a package or a whole report.
 * The ratios are empty (null) when there is nothing to cover, because 0 of 0 is neither 0% nor 100%.
 */
record CoverageCounts(long linesCovered, long linesMissed, long branchesCovered, long branchesMissed) {

    public static final CoverageCounts NONE = new CoverageCounts(0, 0, 0, 0);

    public long lines() {
        return linesCovered + linesMissed;
    }

    public long branches() {
        return branchesCovered + branchesMissed;
    }

    /** Covered lines / all lines, or null when there are no lines. */
    public Double lineCoverage() {
        return lines() == 0 ? null : (double) linesCovered / lines();
    }

    /** Covered branches / all branches, or null when there are no branches. */
    public Double branchCoverage() {
        return branches() == 0 ? null : (double) branchesCovered / branches();
    }

    public CoverageCounts plus(CoverageCounts other) {
        return new CoverageCounts(linesCovered + other.linesCovered, linesMissed + other.linesMissed,
                branchesCovered + other.branchesCovered, branchesMissed + other.branchesMissed);
    }

    public static CoverageCounts sum(Collection<ClassCoverage> classes) {
        return classes.stream().map(ClassCoverage::counts).reduce(NONE, CoverageCounts::plus);
    }

    /** Sums per package, sorted by package name. */
    public static Map<String, CoverageCounts> byPackage(Collection<ClassCoverage> classes) {
        Map<String, CoverageCounts> sums = new TreeMap<>();
        classes.forEach(c -> sums.merge(c.packageName(), c.counts(), CoverageCounts::plus));
        return sums;
    }
}
