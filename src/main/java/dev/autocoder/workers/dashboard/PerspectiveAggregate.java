package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one perspective of a worker has said so far.
 *
 * @param latest   its newest row, whatever the status
 * @param latestOk its newest ok row (of whichever target ran it last)
 * @param results  the current results: with a list of targets the newest ok row of each listed target by target id,
 *                 else the one newest ok row
 * @param resultCounts the findings of each current result, by the same keys as {@code results}
 * @param acrossTargets true with a list of targets: places then name their target
 * @param counts   findings of the current results by scope and severity, summed over the targets, all of them when
 *                 the rows count them
 * @param groups   the finding groups of the current results: each row's {@code finding_groups}, or for a row written
 *                 before rows had them, the groups of the findings it lists; across targets merged by rule,
 *                 severity and scope, their places prefixed with the target id
 * @param scores   quality score after each ok row (across targets, the mean of each target's current score), oldest
 *                 first, bounded
 */
record PerspectiveAggregate(String id, String name, long rows, Row latest, Row latestOk, Map<String, Row> results,
                            Map<String, FindingCounts> resultCounts, boolean acrossTargets, FindingCounts counts, List<FindingGroup> groups,
                            List<SeriesPoint> scores) {

    /** The current quality score: the mean of each target's, to four places (the one target's score when there is one). */
    public Double qualityScore() {
        return meanScore(results.values());
    }

    static Double meanScore(Collection<Row> results) {
        double sum = 0;
        int scored = 0;
        for (Row result : results) {
            if (result.qualityScore() != null) {
                sum += result.qualityScore();
                scored++;
            }
        }
        // rounded as the rows' scores are (four places); one target's score as it is
        return scored == 0 ? null : scored == 1 ? sum : Math.round(sum / scored * 10_000) / 10_000.0;
    }

    /** Where a finding of a target is, as the aggregate names it: prefixed with the target id across targets. */
    String place(String target, String location) {
        return acrossTargets ? prefixed(target, location) : location;
    }

    private static String prefixed(String target, String location) {
        return target + "/" + location;
    }

    /** Findings of the current results in main code, all of them (not only the listed ones). */
    public int openFindings() {
        return counts.total(Scope.MAIN);
    }

    /** True when a current result lists fewer findings than it found. */
    public boolean truncated() {
        return results.values().stream().anyMatch(result -> result.findings().size() < result.issuesFound());
    }

    /** The groups of a row: those it carries, else those of the findings it lists (rows of schema 1). */
    static List<FindingGroup> groupsOf(Row row) {
        if (row == null) {
            return List.of();
        }
        return row.findingGroups().isEmpty() ? FindingGroup.of(row.findings()) : row.findingGroups();
    }

    /**
     * The groups of the current results: one target's as its row has them; across targets each place prefixed with its
     * target id and the groups of one rule, severity and scope merged (counts summed, the first target's message, up
     * to {@link FindingGroup#LOCATIONS} places taken from each target in turn, so every target it is found in shows),
     * in {@link FindingGroup#ORDER}.
     */
    static List<FindingGroup> groupsOf(Map<String, Row> results, boolean acrossTargets) {
        if (!acrossTargets) {
            return results.isEmpty() ? List.of() : groupsOf(results.values().iterator().next());
        }
        // each target's groups by rule, severity and scope; only the places a merged group shows are prefixed
        Map<List<Object>, List<Map.Entry<String, FindingGroup>>> byRule = new LinkedHashMap<>();
        results.forEach((target, row) -> {
            for (FindingGroup group : groupsOf(row)) {
                byRule.computeIfAbsent(Arrays.asList(group.rule(), group.severity(), group.scope()), k -> new ArrayList<>())
                        .add(Map.entry(target, group));
            }
        });
        List<FindingGroup> merged = new ArrayList<>();
        for (List<Map.Entry<String, FindingGroup>> members : byRule.values()) {
            FindingGroup first = members.get(0).getValue();
            merged.add(new FindingGroup(first.rule(), first.category(), first.severity(), first.scope(),
                    members.stream().mapToInt(m -> m.getValue().count()).sum(), first.message(), inTurn(members)));
        }
        merged.sort(FindingGroup.ORDER);
        return merged;
    }

    /** The targets' places taken one from each in turn, prefixed with the target, at most {@link FindingGroup#LOCATIONS}. */
    private static List<String> inTurn(List<Map.Entry<String, FindingGroup>> groups) {
        List<String> places = new ArrayList<>();
        for (int i = 0; places.size() < FindingGroup.LOCATIONS; i++) {
            boolean more = false;
            for (Map.Entry<String, FindingGroup> group : groups) {
                List<String> locations = group.getValue().locations();
                if (i < locations.size() && places.size() < FindingGroup.LOCATIONS) {
                    places.add(prefixed(group.getKey(), locations.get(i)));
                    more = true;
                }
            }
            if (!more) {
                break;
            }
        }
        return places;
    }
}
