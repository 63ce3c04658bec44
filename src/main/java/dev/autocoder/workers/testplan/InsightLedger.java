package dev.autocoder.workers.testplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.DataFileHold;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.testplan.plan.CumulativeInsights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worker's running totals of distinct plan items. The dataset is the source of truth: on first use the ledger
 * reads every row of the worker's dataset and collects the ids its {@code analysis} lists hold; when rows were
 * capped (or history is missing) and the last row's {@code cumulative_insights} says more, counting continues from
 * those counts. A restart therefore never resets the totals. The ids a result held beyond what its row lists are
 * kept in the ledger's {@link InsightJournal}, so a restart does not count them again either.
 * <p>
 * With a list of targets the totals are per (dataset, target): a target's ledger reads only the rows whose
 * {@code target_id} is that target. A null target is the single target (every row of the dataset).
 */
@Component
class InsightLedger implements DataFileHold {

    private static final Logger log = LoggerFactory.getLogger(InsightLedger.class);
    private static final String FAILURE_MODES = "failure_modes";
    private static final String INTEGRATION_POINTS = "integration_points";
    private static final String EDGE_CASES = "edge_cases";
    private static final String TESTS = "tests";

    private final DatasetStore store;
    private final ObjectMapper mapper;
    private final Map<String, Ledger> byDataset = new HashMap<>();

    public InsightLedger(DatasetStore store, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
        this.store = store;
    }

    /** Counts the result's items and returns the totals including them. */
    public CumulativeInsights record(String dataset, ItemIds ids) {
        return record(dataset, null, ids);
    }

    /** The same for one target's running totals (null: the single target). */
    public synchronized CumulativeInsights record(String dataset, String targetId, ItemIds ids) {
        Ledger ledger = byDataset.computeIfAbsent(targetId == null ? dataset : dataset + "@" + targetId,
                key -> rebuild(dataset, targetId));
        Map<String, long[]> fresh = new LinkedHashMap<>();
        fresh.put(FAILURE_MODES, ledger.failureModes.add(ids.failureModes()));
        fresh.put(INTEGRATION_POINTS, ledger.integrationPoints.add(ids.integrationPoints()));
        fresh.put(EDGE_CASES, ledger.edgeCases.add(ids.edgeCases()));
        fresh.put(TESTS, ledger.tests.add(ids.tests()));
        if (ledger.journal != null) {
            ledger.journal.append(fresh);
        }
        return ledger.totals();
    }

    private Ledger rebuild(String dataset, String targetId) {
        Ledger ledger = new Ledger(InsightJournal.of(store.root(), dataset, targetId));
        JsonNode[] last = new JsonNode[1];
        store.forEachRowOf(dataset, targetId, row -> {
            Object analysis = row.extraColumns().get("analysis");
            if (analysis != null) {
                JsonNode node = mapper.valueToTree(analysis);
                ledger.failureModes.known.addAll(ids(node, "failure_modes"));
                ledger.integrationPoints.known.addAll(ids(node, "integration_points"));
                ledger.edgeCases.known.addAll(ids(node, "edge_cases"));
                ledger.tests.known.addAll(ids(node, "test_specifications"));
            }
            Object insights = row.extraColumns().get("cumulative_insights");
            if (insights != null) {
                last[0] = mapper.valueToTree(insights);
            }
        });
        if (ledger.journal != null) {
            // the ids earlier results held beyond what their rows list
            Map<String, long[]> journaled = ledger.journal.read();
            ledger.byJournalName().forEach((name, counter) -> counter.known.addDigests(journaled.getOrDefault(name, new long[0])));
            if (!ledger.journal.isComplete()) {
                complete(ledger);
            }
        }
        ledger.failureModes.start(last[0], "failure_modes_identified");
        ledger.integrationPoints.start(last[0], "integration_points_mapped");
        ledger.edgeCases.start(last[0], "edge_cases_discovered");
        ledger.tests.start(last[0], "tests_specified");
        return ledger;
    }

    /** Adds to the ledger's journal the ids only rows listed, so that the rows may go without them being counted again. */
    private static void complete(Ledger ledger) {
        Map<String, long[]> known = new LinkedHashMap<>();
        ledger.byJournalName().forEach((name, counter) -> known.put(name, counter.known.numbers()));
        try {
            ledger.journal.complete(known);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot complete the insight journal ({}); the store's retention keeps the test-planning rows meanwhile",
                    e.getMessage());
        }
    }

    /**
     * The store's retention may remove test-planning rows once every ledger that reads them (the dataset's, each
     * target's) keeps their ids in a complete journal: a journal begun before is completed here first, from the
     * rows (one read of that ledger's rows, once per store). Until then, or when a name cannot be a journal's, the
     * rows stay.
     */
    @Override
    public Map<Path, String> held(String dataset, List<Path> candidates) {
        if (candidates.isEmpty() || store.lastRow(dataset).filter(r -> r.extraColumns().containsKey("cumulative_insights")).isEmpty()) {
            return Map.of();
        }
        List<String> targets = new ArrayList<>();
        targets.add(null);
        targets.addAll(store.partitions(dataset));
        for (String target : targets) {
            InsightJournal journal = InsightJournal.of(store.root(), dataset, target);
            if (journal != null && !journal.isComplete()) {
                rebuild(dataset, target);
            }
            if (journal == null || !journal.isComplete()) {
                Map<Path, String> held = new HashMap<>();
                candidates.forEach(file -> held.put(file, "test planning's totals of distinct items still need their ids"));
                return held;
            }
        }
        return Map.of();
    }

    private static Set<String> ids(JsonNode analysis, String list) {
        Set<String> ids = new HashSet<>();
        JsonNode items = analysis.get(list);
        if (items != null && items.isArray()) {
            items.forEach(item -> {
                if (item.hasNonNull("id")) {
                    ids.add(item.get("id").asText());
                }
            });
        }
        return ids;
    }

    private static final class Ledger {
        /** Null when the dataset's or target's name cannot be a file name: a restart then counts unlisted ids again. */
        final InsightJournal journal;
        final Counter failureModes = new Counter();
        final Counter integrationPoints = new Counter();
        final Counter edgeCases = new Counter();
        final Counter tests = new Counter();

        Ledger(InsightJournal journal) {
            this.journal = journal;
        }

        /** The counters by the name their ids have in the journal. */
        Map<String, Counter> byJournalName() {
            return Map.of(FAILURE_MODES, failureModes, INTEGRATION_POINTS, integrationPoints, EDGE_CASES, edgeCases,
                    TESTS, tests);
        }

        CumulativeInsights totals() {
            return new CumulativeInsights(failureModes.count, integrationPoints.count, edgeCases.count, tests.count);
        }
    }

    private static final class Counter {
        final DistinctIds known = new DistinctIds();
        long count;

        void start(JsonNode lastInsights, String field) {
            long recorded = lastInsights != null && lastInsights.has(field) ? lastInsights.get(field).asLong() : 0;
            count = Math.max(known.size(), recorded);
        }

        /** Counts the ids not seen before; answers their numbers. */
        long[] add(Set<String> ids) {
            long[] fresh = known.addNew(ids);
            count += fresh.length;
            return fresh;
        }
    }
}
