package dev.autocoder.workers.testplan;

import dev.autocoder.workers.config.AutocoderJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testplan.plan.CumulativeInsights;
import dev.autocoder.workers.row.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Totals are rebuilt from the dataset; when only the last row's counts are known, counting goes on from them. */
class InsightLedgerTest {

    @TempDir
    Path temp;

    @Test
    void rebuildsFromListedIdsAndContinuesFromTheLastCounts() {
        DatasetStore store = new DatasetStore(temp, "local", 1 << 26, new ObjectMapper(), Clock.systemUTC());
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("analysis", Map.of("edge_cases", List.of(Map.of("id", "e1"), Map.of("id", "e2")),
                "failure_modes", List.of(Map.of("id", "f1")), "integration_points", List.of(), "test_specifications", List.of()));
        listed.put("cumulative_insights", Map.of("edge_cases_discovered", 2, "failure_modes_identified", 1,
                "integration_points_mapped", 0, "tests_specified", 0));
        store.append("plans", row(1, listed));
        // a capped row: its lists hold fewer ids than its counts say
        Map<String, Object> capped = new LinkedHashMap<>();
        capped.put("analysis", Map.of("edge_cases", List.of(Map.of("id", "e3"))));
        capped.put("cumulative_insights", Map.of("edge_cases_discovered", 10, "failure_modes_identified", 1,
                "integration_points_mapped", 4, "tests_specified", 7));
        store.append("plans", row(2, capped));

        InsightLedger ledger = new InsightLedger(store, AutocoderJson.newObjectMapper());
        CumulativeInsights totals = ledger.record("plans", new ItemIds(Set.of("f1", "f2"), Set.of(), Set.of("e1", "e9"), Set.of("t1")));

        // e1 and f1 were seen before; e9, f2 and t1 are new
        assertThat(totals).isEqualTo(new CumulativeInsights(2, 4, 11, 8));
        assertThat(ledger.record("plans", new ItemIds(Set.of("f2"), Set.of(), Set.of("e9"), Set.of("t1"))))
                .isEqualTo(new CumulativeInsights(2, 4, 11, 8));
    }

    @Test
    void aRestartDoesNotCountAgainTheIdsAResultHeldBeyondWhatItsRowLists() {
        DatasetStore store = new DatasetStore(temp, "local", 1 << 26, new ObjectMapper(), Clock.systemUTC());
        InsightLedger first = new InsightLedger(store, AutocoderJson.newObjectMapper());
        Set<String> edgeCases = Set.of("e1", "e2", "e3", "e4", "e5");
        assertThat(first.record("plans", new ItemIds(Set.of(), Set.of(), edgeCases, Set.of("t1"))))
                .isEqualTo(new CumulativeInsights(0, 0, 5, 1));
        // the row lists two of the five edge cases (a capped list), its counts say five
        Map<String, Object> capped = new LinkedHashMap<>();
        capped.put("analysis", Map.of("edge_cases", List.of(Map.of("id", "e1"), Map.of("id", "e2"))));
        capped.put("cumulative_insights", Map.of("edge_cases_discovered", 5, "failure_modes_identified", 0,
                "integration_points_mapped", 0, "tests_specified", 1));
        store.append("plans", row(1, capped));

        // the next process finds the same five again, and one more
        InsightLedger afterRestart = new InsightLedger(store, AutocoderJson.newObjectMapper());
        Set<String> again = Set.of("e1", "e2", "e3", "e4", "e5", "e6");

        assertThat(afterRestart.record("plans", new ItemIds(Set.of(), Set.of(), again, Set.of("t1"))))
                .isEqualTo(new CumulativeInsights(0, 0, 6, 1));
        assertThat(new InsightLedger(store, AutocoderJson.newObjectMapper())
                .record("plans", new ItemIds(Set.of(), Set.of(), again, Set.of("t1"))))
                .as("and a third process, whose rows say five").isEqualTo(new CumulativeInsights(0, 0, 6, 1));
    }

    @Test
    void oldRowsMayGoOnceTheJournalHoldsTheIdsTheyListAndAreNotCountedAgainAfter() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Clock dayOne = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
        Clock dayTwo = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
        // rows of a version whose journal was not complete: the first lists e1, e2; the second lists none
        new DatasetStore(temp, "local", 1 << 26, mapper, dayOne).append("plans", row(1, Map.of(
                "analysis", Map.of("edge_cases", List.of(Map.of("id", "e1"), Map.of("id", "e2"))),
                "cumulative_insights", insights(2))));
        new DatasetStore(temp, "local", 1 << 26, mapper, dayTwo).append("plans", row(2, Map.of(
                "analysis", Map.of("edge_cases", List.of()), "cumulative_insights", insights(2))));
        DatasetStore store = new DatasetStore(temp, "local", 1 << 26, mapper, Clock.systemUTC());
        store.append("other", TestPlanHarness.row("edge-cases", "abc"));
        Path oldest = store.dataFiles("plans").get(0);

        InsightLedger ledger = new InsightLedger(store, AutocoderJson.newObjectMapper());
        assertThat(ledger.held("other", store.dataFiles("other"))).as("not a test-planning dataset").isEmpty();
        assertThat(ledger.held("plans", List.of(oldest))).as("the journal now holds e1 and e2").isEmpty();

        // the store's retention removes the oldest file; the next process finds e1, e2 and e3
        Files.delete(oldest);
        assertThat(new InsightLedger(store, AutocoderJson.newObjectMapper())
                .record("plans", new ItemIds(Set.of(), Set.of(), Set.of("e1", "e2", "e3"), Set.of())))
                .isEqualTo(new CumulativeInsights(0, 0, 3, 0));
    }

    private static Map<String, Object> insights(int edgeCases) {
        return Map.of("edge_cases_discovered", edgeCases, "failure_modes_identified", 0, "integration_points_mapped", 0,
                "tests_specified", 0);
    }

    private static Row row(long iteration, Map<String, Object> columns) {
        Row base = TestPlanHarness.row("edge-cases", "abc");
        return new Row(base.schemaVersion(), base.worker(), iteration, base.timestamp(), base.perspectiveNumber(),
                base.perspectiveId(), base.perspectiveName(), base.repository(), base.commit(), base.durationMs(), base.status(),
                null, null, base.summary(), base.qualityScore(), 0, List.of(), null, null, List.of(), List.of(), "{}", columns);
    }
}
