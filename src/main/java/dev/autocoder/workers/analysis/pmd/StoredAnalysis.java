package dev.autocoder.workers.analysis.pmd;

import java.time.Duration;

/**
 * A {@link FileAnalysis} as the disk cache keeps it.
 *
 * @param skippedUnderBudgetMillis for a content skipped by PMD, the per-file time budget then in force (a run over
 *                                 a larger budget may finish it, so the skip is not trusted under another); 0 otherwise
 */
record StoredAnalysis(FileAnalysis result, long skippedUnderBudgetMillis) {

    static StoredAnalysis of(FileAnalysis result, Duration budget) {
        return new StoredAnalysis(result, result.skipReason() == null ? 0 : budget.toMillis());
    }

    boolean trustedUnder(Duration budget) {
        return result != null && (result.skipReason() == null || skippedUnderBudgetMillis == budget.toMillis());
    }
}
