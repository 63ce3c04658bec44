package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dashboard.WorkerInsights.ScopeFindings;
import dev.autocoder.workers.dashboard.WorkerInsights.TopFindingGroup;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.testsupport.Rows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Insights of the noisy result: groups instead of copies, main code first, and counts from all findings. */
class WorkerInsightsTest {

    private static WorkerAggregate aggregateOf(dev.autocoder.workers.row.Row... rows) {
        return aggregateOf(new WorkerAccumulator("analysis", "d", 200, 100, new ObjectMapper()), rows);
    }

    private static WorkerAggregate aggregateOf(WorkerAccumulator accumulator, dev.autocoder.workers.row.Row... rows) {
        for (dev.autocoder.workers.row.Row row : rows) {
            accumulator.add(row);
        }
        return accumulator.snapshot();
    }

    @Test
    void groupsRepeatedFindingsListMainCodeFirstAndCountEveryFinding() {
        List<Finding> findings = TestRows.noisyFindings();
        // the row lists 10 findings (the critical one and 9 of the 13 naming findings), but counts all 68
        WorkerInsights insights = WorkerInsights.of(aggregateOf(TestRows.scoped("analysis", 1, "code", findings, 10)),
                List.of("code"), 10);

        List<TopFindingGroup> groups = insights.topFindingGroups();
        assertThat(groups.get(0).rule()).isEqualTo("OsCommandInjection");
        assertThat(groups.get(0).severity()).isEqualTo("critical");
        assertThat(groups.get(1).rule()).isEqualTo("FieldNamingConventions");
        assertThat(groups.get(1).count()).isEqualTo(13);
        assertThat(groups.get(1).scope()).isEqualTo("main");
        assertThat(groups.get(1).locations()).first().isEqualTo("src/main/java/com/acme/noise/Service01.java:7");
        assertThat(groups).filteredOn(g -> g.rule().equals("FieldNamingConventions")).hasSize(1);
        assertThat(groups.subList(2, groups.size())).extracting(TopFindingGroup::scope).containsOnly("test");
        assertThat(groups.subList(2, groups.size())).extracting(TopFindingGroup::count).containsOnly(9);

        assertThat(insights.openFindings()).isEqualTo(14);
        assertThat(insights.countsComplete()).isTrue();
        assertThat(insights.findingsBySeverity()).containsEntry("critical", 1).containsEntry("low", 13).containsEntry("medium", 0);
        assertThat(insights.findingsBySeverity().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(insights.openFindings());
        assertThat(insights.findingsByScope()).containsEntry("main", 14).containsEntry("test", 54).containsEntry("fixture", 0);
        assertThat(insights.findingScopes()).containsExactly(new ScopeFindings("main", 14, 2, 14, 2),
                new ScopeFindings("test", 54, 6, 54, 6));
        assertThat(insights.perspectives().get(0).openFindings()).isEqualTo(14);
        assertThat(insights.perspectives().get(0).findingsByScope()).containsEntry("test", 54);
    }

    @Test
    void aShortListSaysHowManyGroupsItShows() {
        WorkerInsights insights = WorkerInsights.of(aggregateOf(TestRows.scoped("analysis", 1, "code", TestRows.noisyFindings(), 10)),
                List.of("code"), 4);
        ScopeFindings test = insights.findingScopes().get(1);
        assertThat(test).isEqualTo(new ScopeFindings("test", 54, 6, 54, 4));
        assertThat(FindingSections.summary(test)).isEqualTo("54 findings in 6 groups, showing 4 of 6 groups");
        assertThat(FindingSections.summary(insights.findingScopes().get(0))).isEqualTo("14 findings in 2 groups");
        assertThat(insights.topFindingGroups()).hasSize(2 + 4);
    }

    @Test
    void rowsWrittenBeforeScopesShowGroupsOfTheirListedFindingsAndSayTheCountsAreCapped() {
        // schema 1: the 14 findings of main code found, 10 listed, no groups, no scope, no per-scope metrics
        WorkerInsights insights = WorkerInsights.of(aggregateOf(TestRows.schemaOne("analysis", 1, "code",
                TestRows.noisyFindings().subList(0, 14), 10)), List.of("code"), 10);

        assertThat(insights.countsComplete()).isFalse();
        // every finding of an old row counts as main code
        assertThat(insights.openFindings()).isEqualTo(14);
        assertThat(insights.findingsByScope()).containsEntry("main", 14).containsEntry("test", 0);
        assertThat(insights.findingsBySeverity()).containsEntry("critical", 1).containsEntry("low", 9);
        assertThat(insights.topFindingGroups()).extracting(TopFindingGroup::rule)
                .containsExactly("OsCommandInjection", "FieldNamingConventions");
        assertThat(insights.topFindingGroups().get(1).count()).isEqualTo(9);
        ScopeFindings main = insights.findingScopes().get(0);
        assertThat(main).isEqualTo(new ScopeFindings("main", 14, 2, 10, 2));
        assertThat(FindingSections.summary(main)).isEqualTo("14 findings; the results list only 2 groups holding 10 of them");
    }

    @Test
    void findingsAtOnePlaceAreListedOnceWithTheirCount() {
        // PMD's AssignmentInOperand reports `f(a = x, b = y)` twice at one line
        assertThat(FindingSections.places(List.of("Scc.java:67", "Scc.java:67", "Scc.java:90")))
                .isEqualTo("Scc.java:67 × 2, Scc.java:90");
        assertThat(FindingSections.places(List.of("A.java:1", "B.java:2"))).isEqualTo("A.java:1, B.java:2");
    }

    @Test
    void theOpenFindingsSeriesCountsMainCode() {
        WorkerAggregate aggregate = aggregateOf(TestRows.scoped("analysis", 1, "code", TestRows.noisyFindings(), 10));
        assertThat(aggregate.openFindings()).extracting(SeriesPoint::value).containsExactly(14.0);
    }

    /**
     * With a list of targets the worker's view over every row sums each target's current result: the open findings
     * are every repository's, not the result of whichever target ran the perspective last, and each place names its
     * target.
     */
    @Test
    void acrossTargetsEachTargetsCurrentResultCountsAndEveryPlaceNamesItsTarget() {
        List<Finding> noisy = TestRows.noisyFindings();
        WorkerAggregate aggregate = aggregateOf(new WorkerAccumulator("analysis", "d", 200, 100, 100, new ObjectMapper(),
                        () -> Set.of("alpha-00000001", "beta-00000002")),
                Rows.onTarget(TestRows.scoped("analysis", 1, "code", noisy, 10), "alpha-00000001"),
                Rows.onTarget(TestRows.ok("analysis", 2, "arch", 0.2), "alpha-00000001"),
                Rows.onTarget(TestRows.scoped("analysis", 1, "code", noisy.subList(0, 13), 10), "beta-00000002"),
                Rows.onTarget(TestRows.ok("analysis", 2, "arch", 0.6), "beta-00000002"),
                // alpha's newer result replaces alpha's, not beta's: five of the naming findings are left there
                Rows.onTarget(TestRows.scoped("analysis", 3, "code", noisy.subList(0, 5), 10), "alpha-00000001"));
        WorkerInsights insights = WorkerInsights.of(aggregate, List.of("code", "arch"), 10);

        assertThat(insights.openFindings()).isEqualTo(5 + 13);
        assertThat(aggregate.openFindings()).extracting(SeriesPoint::value).containsExactly(14.0, 14.0, 27.0, 27.0, 18.0);
        assertThat(insights.findingsBySeverity()).containsEntry("low", 18).containsEntry("critical", 0);
        assertThat(insights.perspectives().get(0).openFindings()).isEqualTo(18);
        assertThat(insights.perspectives().get(1).qualityScore()).as("the mean of each target's").isCloseTo(0.4, within(1e-9));
        List<TopFindingGroup> main = insights.topFindingGroups().stream().filter(g -> g.scope().equals("main")).toList();
        assertThat(main).extracting(TopFindingGroup::rule).containsExactly("FieldNamingConventions");
        assertThat(main.get(0).count()).isEqualTo(18);
        assertThat(main.get(0).locations()).hasSize(FindingGroup.LOCATIONS)
                .first().isEqualTo("alpha-00000001/src/main/java/com/acme/noise/Service01.java:7");
        assertThat(main.get(0).locations()).anyMatch(place -> place.startsWith("beta-00000002/src/main/"));
        assertThat(insights.topFindings()).extracting(WorkerInsights.TopFinding::file)
                .allMatch(file -> file.startsWith("alpha-00000001/") || file.startsWith("beta-00000002/"));
    }

    /**
     * The single target's rows may carry two target ids (none before rows had one, a new one when the repository
     * moved): its current result is still the newest ok row, not a sum of the old id's and the new one's.
     */
    @Test
    void theSingleTargetsCurrentResultIsItsNewestWhateverIdItsRowsCarry() {
        List<Finding> noisy = TestRows.noisyFindings();
        WorkerAggregate aggregate = aggregateOf(TestRows.scoped("analysis", 1, "code", noisy, 10),
                Rows.onTarget(TestRows.scoped("analysis", 1, "code", noisy.subList(0, 5), 10), "moved-00000003"));
        WorkerInsights insights = WorkerInsights.of(aggregate, List.of("code"), 10);
        assertThat(insights.openFindings()).isEqualTo(5);
        assertThat(insights.topFindingGroups().get(0).locations()).first()
                .isEqualTo("src/main/java/com/acme/noise/Service01.java:7");
    }
}
