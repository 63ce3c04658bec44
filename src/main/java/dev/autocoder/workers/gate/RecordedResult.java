package dev.autocoder.workers.gate;

import dev.autocoder.workers.row.Finding;

import java.util.List;
import java.util.Set;

/**
 * What an ok analysis row of one perspective at one commit says about its findings.
 *
 * @param ids       the ids known (every id when {@code complete})
 * @param listed    the findings known with their places
 * @param complete  every finding of the result is known (the row was not capped, or this process computed it)
 */
record RecordedResult(String commit, Set<String> ids, List<Finding> listed, boolean complete) {
}
