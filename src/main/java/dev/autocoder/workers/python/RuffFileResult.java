package dev.autocoder.workers.python;

import java.util.List;

/**
 * Ruff's result for one file content, as the memory and disk caches keep it.
 *
 * @param skipReason why ruff gave no result for it (over the time budget, or ruff failed on it); null when it ran
 * @param budgetMillis for a skipped content, the per-file budget then in force (a larger one may finish it)
 */
record RuffFileResult(List<RuffDiagnostic> diagnostics, String skipReason, long budgetMillis) {

    static RuffFileResult skipped(String reason, long budgetMillis) {
        return new RuffFileResult(List.of(), reason, budgetMillis);
    }
}
