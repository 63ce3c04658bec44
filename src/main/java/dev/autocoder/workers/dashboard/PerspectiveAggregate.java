package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;

import java.util.List;

/**
 * What one perspective of a worker has said so far.
 *
 * @param latest   its newest row, whatever the status
 * @param latestOk its newest ok row, the one whose findings and score are current
 * @param counts   findings of {@code latestOk} by scope and severity, all of them when the row counts them
 * @param groups   the finding groups of {@code latestOk}: its {@code finding_groups}, or for a row written before
 *                 rows had them, the groups of the findings it lists
 * @param scores   quality score after each ok row, oldest first, bounded
 */
record PerspectiveAggregate(String id, String name, long rows, Row latest, Row latestOk,
                                   FindingCounts counts, List<FindingGroup> groups, List<SeriesPoint> scores) {

    public Double qualityScore() {
        return latestOk == null ? null : latestOk.qualityScore();
    }

    /** Findings of the latest ok result in main code, all of them (not only the listed ones). */
    public int openFindings() {
        return counts.total(Scope.MAIN);
    }

    /** True when the latest ok row lists fewer findings than it found. */
    public boolean truncated() {
        return latestOk != null && latestOk.findings().size() < latestOk.issuesFound();
    }

    /** The groups of a row: those it carries, else those of the findings it lists (rows of schema 1). */
    static List<FindingGroup> groupsOf(Row row) {
        if (row == null) {
            return List.of();
        }
        return row.findingGroups().isEmpty() ? FindingGroup.of(row.findings()) : row.findingGroups();
    }
}
