package dev.autocoder.workers.analysis.dependencies;

import dev.autocoder.workers.row.Severity;

import java.util.Map;

/**
 * The quality score of the dependency perspective, 0..1:
 * <pre>
 * V = min(1, 0.40·critical + 0.25·high + 0.10·medium + 0.03·low)      (known vulnerabilities, each package version × advisory)
 * H = min(1, (unpinned_without_lockfile + 0.25·unpinned_with_lockfile + unresolved + 2·conflicts + 2·parse_errors)
 *            / max(1, dependencies_total + parse_errors))
 * score = (1 − V) × (1 − 0.5·H)
 * </pre>
 * Vulnerabilities are not normalized by the dependency count (one critical advisory is as bad in a big project
 * as in a small one); hygiene problems are, and can cost at most half the score.
 */
final class DependencyScore {

    private DependencyScore() {
    }

    static double of(Map<Severity, Integer> vulnerabilities, int unpinnedWithoutLockfile, int unpinnedWithLockfile,
                     int unresolved, int conflicts, int parseErrors, int dependencies) {
        double v = Math.min(1, 0.40 * count(vulnerabilities, Severity.CRITICAL) + 0.25 * count(vulnerabilities, Severity.HIGH)
                + 0.10 * count(vulnerabilities, Severity.MEDIUM) + 0.03 * count(vulnerabilities, Severity.LOW));
        double h = Math.min(1, (unpinnedWithoutLockfile + 0.25 * unpinnedWithLockfile + unresolved + 2.0 * conflicts
                + 2.0 * parseErrors) / Math.max(1, dependencies + parseErrors));
        return Math.round((1 - v) * (1 - 0.5 * h) * 1000) / 1000.0;
    }

    private static int count(Map<Severity, Integer> vulnerabilities, Severity severity) {
        return vulnerabilities.getOrDefault(severity, 0);
    }
}
