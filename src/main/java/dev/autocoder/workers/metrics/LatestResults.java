package dev.autocoder.workers.metrics;

import dev.autocoder.workers.row.FindingCounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current result of each perspective of a worker (its newest ok row; with a list of targets, each target's),
 * kept current as rows are stored and rebuilt from the store at start-up. The dashboard's aggregates answer it: the
 * meters read it through this interface so that metrics does not depend on the dashboard.
 */
public interface LatestResults {

    /** The perspectives the worker has rows of. */
    List<String> perspectives(String worker);

    /** The findings of the perspective's current result (every target's, summed); empty before the first. */
    Optional<FindingCounts> findings(String worker, String perspective);

    /** The quality score of its current result (the mean of every target's); empty before the first score. */
    Optional<Double> qualityScore(String worker, String perspective);

    /**
     * With a list of targets, one listed target's findings: its current results over the worker's perspectives,
     * summed. Empty before its first result, for a target not listed and for the single target.
     */
    Optional<FindingCounts> findingsOfTarget(String worker, String targetId);

    /** With a list of targets, the ids listed now; empty for the single target. */
    Set<String> listedTargets();
}
