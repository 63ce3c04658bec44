package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.row.Finding;

/**
 * A finding of the latest analysis rows that a cycle could take on.
 *
 * @param perspective the analysis perspective whose row lists it
 * @param commit      the commit that row was made at
 * @param priority    severity weight × defect factor × scope factor × deliverability factor × hotspot factor
 *                    ({@link TaskPriority})
 * @param hotspotRank the file's hotspot rank; null when not ranked
 * @param delivery    who can make the change: a mechanical fix, the configured model, or only a person
 * @param measure     what the finding measures ({@link Finding#measure()}): among equal priority and severity the
 *                    largest comes first, as in a finding group
 */
public record Candidate(Finding finding, String perspective, String commit, double priority, Integer hotspotRank,
                        TaskPriority.Delivery delivery, long measure) {
}
