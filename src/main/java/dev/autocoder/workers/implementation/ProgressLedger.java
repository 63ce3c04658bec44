package dev.autocoder.workers.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.autocoder.workers.dataset.DataFileHold;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.dataset.RemoteHistory;
import dev.autocoder.workers.implementation.task.PatchIdentity;
import dev.autocoder.workers.implementation.row.CodeChanges;
import dev.autocoder.workers.implementation.row.CumulativeProgress;
import dev.autocoder.workers.row.Row;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The implementation worker's history: the findings earlier cycles took on, and the running totals of
 * {@code cumulative_progress}. The dataset is the source of truth: on first use the ledger reads every row of the
 * worker's dataset and collects the ids; after that it adds each row once it is durably written (the {@code row-to-progress-ledger} route).
 * When rows were lost but the last row's {@code cumulative_progress} says more, counting continues from there, so a
 * restart never resets the totals.
 * <p>
 * Counted by distinct id: tasks started (task ids of Deep Understanding rows), implementations generated (task ids
 * of Implementation Plan rows with a verified patch of their own), tests written (specification ids of Testing
 * Strategy rows, the test-planning worker's and new ones), issues discovered (risk ids of Risk Analysis rows).
 * <p>
 * With a list of targets the totals are per (dataset, target): a target's ledger reads and counts only the rows whose
 * {@code target_id} is that target. A null target is the single target, whose ledger counts every row of the dataset.
 */
@Component("progressLedger")
public class ProgressLedger implements DataFileHold {

    private final DatasetStore store;
    private final Supplier<List<RemoteHistory>> remotes;
    private final ObjectMapper mapper;
    /** (dataset, target) → its ledger: with a list of targets each target counts its own rows only. */
    private final Map<String, Ledger> byDataset = new HashMap<>();

    /** Remote copies are looked up when first needed: the Hub's history depends on the perspective catalog. */
    @Autowired
    public ProgressLedger(DatasetStore store, ObjectProvider<RemoteHistory> remotes, @Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this(store, () -> remotes.orderedStream().toList(), mapper);
    }

    public ProgressLedger(DatasetStore store, Supplier<List<RemoteHistory>> remotes, ObjectMapper mapper) {
        this.mapper = mapper;
        this.store = store;
        this.remotes = remotes;
    }

    /** The ids one row contributes. */
    public record Contribution(Set<String> tasks, Set<String> findings, Set<String> implementations, Set<String> tests,
                               Set<String> issues) {
    }

    /**
     * The store's retention keeps the implementation worker's dataset whole: its rows are the record of the findings
     * taken on and the patches delivered, which later cycles skip (a dataset whose newest row is one of this
     * worker's; a few MB a day).
     */
    @Override
    public Map<Path, String> held(String dataset, List<Path> candidates) {
        Map<Path, String> held = new HashMap<>();
        if (!candidates.isEmpty() && store.lastRow(dataset).filter(ProgressLedger::isOurs).isPresent()) {
            candidates.forEach(file -> held.put(file, "the implementation worker's record of the findings it took on"));
        }
        return held;
    }

    /** Finding ids taken on by earlier cycles. */
    public Set<String> handledFindings(String dataset) {
        return handledFindings(dataset, null);
    }

    /** Finding ids taken on by earlier cycles on one target (null: the single target). */
    public synchronized Set<String> handledFindings(String dataset, String targetId) {
        return Set.copyOf(ledger(dataset, targetId).findings);
    }

    /** The {@link PatchIdentity identities} of the verified patches earlier cycles delivered on one target. */
    public synchronized Set<String> deliveredPatches(String dataset, String targetId) {
        return Set.copyOf(ledger(dataset, targetId).patches);
    }

    public long tasksStarted(String dataset) {
        return tasksStarted(dataset, null);
    }

    public synchronized long tasksStarted(String dataset, String targetId) {
        return ledger(dataset, targetId).tasks.count;
    }

    /** The {@code code_changes} of the newest Implementation Plan row, for rows that cannot carry it themselves. */
    public CodeChanges latestPlan(String dataset) {
        return latestPlan(dataset, null);
    }

    public synchronized CodeChanges latestPlan(String dataset, String targetId) {
        JsonNode plan = ledger(dataset, targetId).latestPlan;
        if (plan == null) {
            return CodeChanges.empty();
        }
        try {
            return mapper.treeToValue(plan, CodeChanges.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return CodeChanges.empty();
        }
    }

    /** The totals with this row's ids added (not recorded: the row counts once it is written). */
    public CumulativeProgress preview(String dataset, Contribution row) {
        return preview(dataset, null, row);
    }

    /** The totals of one target (null: the single target) with this row's ids added. */
    public synchronized CumulativeProgress preview(String dataset, String targetId, Contribution row) {
        Ledger ledger = ledger(dataset, targetId);
        return new CumulativeProgress(ledger.tasks.with(row.tasks()), ledger.implementations.with(row.implementations()),
                ledger.tests.with(row.tests()), ledger.issues.with(row.issues()));
    }

    /** Adds the ids of a row just stored (the {@code row-to-progress-ledger} route). */
    public synchronized void rowStored(String dataset, Row row) {
        if (!isOurs(row)) {
            return;
        }
        // the dataset's ledger (the single target's rows carry its id too) and the row's target's, when known
        for (Ledger ledger : new Ledger[]{byDataset.get(key(dataset, null)),
                row.targetId() == null ? null : byDataset.get(key(dataset, row.targetId()))}) {
            if (ledger != null) {
                ledger.add(contribution(row));
                ledger.plan(row, mapper);
            }
        }
    }

    /** The ids of a stored (or just built) row. */
    public Contribution contribution(Row row) {
        JsonNode analysis = row.extraColumns().get("analysis") == null ? mapper.createObjectNode()
                : mapper.valueToTree(row.extraColumns().get("analysis"));
        return contribution(row.perspectiveId(), analysis);
    }

    /** The ids of a row's {@code analysis} column, for the stage that wrote it. */
    public static Contribution contribution(String stageId, JsonNode analysis) {
        Set<String> tasks = new HashSet<>();
        Set<String> findings = new HashSet<>();
        Set<String> implementations = new HashSet<>();
        Set<String> tests = new HashSet<>();
        Set<String> issues = new HashSet<>();
        JsonNode task = analysis.path("task");
        String taskId = task.path("task_id").isTextual() ? task.path("task_id").asText() : null;
        Stage stage = Stage.byId(stageId).orElse(null);
        if (stage == Stage.DEEP_UNDERSTANDING && taskId != null) {
            tasks.add(taskId);
            if (task.path("finding_id").isTextual()) {
                findings.add(task.path("finding_id").asText());
            }
            for (JsonNode grouped : task.path("grouped_findings")) {
                if (grouped.path("finding_id").isTextual()) {
                    findings.add(grouped.path("finding_id").asText());
                }
            }
        }
        JsonNode changes = analysis.path("code_changes");
        if (stage == Stage.IMPLEMENTATION_PLAN && taskId != null && changes.path("verified").asBoolean(false)
                && taskId.equals(changes.path("task_id").asText(null))) {
            implementations.add(taskId);
        }
        if (stage == Stage.TESTING_STRATEGY) {
            for (JsonNode test : analysis.path("tests")) {
                String source = test.path("source").asText("");
                if (!source.equals("existing") && test.path("id").isTextual()) {
                    tests.add(test.path("id").asText());
                }
            }
        }
        if (stage == Stage.RISK_ANALYSIS) {
            for (JsonNode risk : analysis.path("risks")) {
                if (risk.path("id").isTextual()) {
                    issues.add(risk.path("id").asText());
                }
            }
        }
        return new Contribution(tasks, findings, implementations, tests, issues);
    }

    private static boolean isOurs(Row row) {
        return row.perspectiveId() != null && Stage.byId(row.perspectiveId()).isPresent();
    }

    private Ledger ledger(String dataset, String targetId) {
        return byDataset.computeIfAbsent(key(dataset, targetId), k -> rebuild(dataset, targetId));
    }

    private static String key(String dataset, String targetId) {
        return targetId == null ? dataset : dataset + "@" + targetId;
    }

    /**
     * Collects the ids of every row, from the local store or, when it holds none (a restart with an empty disk), from
     * the remote copy (the Hub), read newest first.
     */
    private Ledger rebuild(String dataset, String targetId) {
        Ledger ledger = new Ledger();
        JsonNode[] last = new JsonNode[1];
        boolean[] newestFirst = {false};
        int[] read = {0};
        Predicate<Row> collect = row -> {
            if (targetId != null && !targetId.equals(row.targetId())) {
                return true; // the remote copy is not split by target
            }
            read[0]++;
            if (!isOurs(row)) {
                return true;
            }
            ledger.add(contribution(row));
            // oldest first, the last row seen is the newest; newest first, the first one is
            ledger.plan(row, mapper, !newestFirst[0]);
            Object progress = row.extraColumns().get("cumulative_progress");
            if (progress != null && (!newestFirst[0] || last[0] == null)) {
                last[0] = mapper.valueToTree(progress);
            }
            return true;
        };
        store.forEachRowOf(dataset, targetId, collect::test);
        if (read[0] == 0) {
            newestFirst[0] = true;
            for (RemoteHistory remote : remotes.get()) {
                try {
                    if (remote.forEachRowNewestFirst(ImplementationStage.WORKER, dataset, collect)) {
                        break;
                    }
                } catch (IllegalStateException e) {
                    // the Hub cannot be read now: count from what is known here; the last row's counts
                    // (once this process writes one) keep the totals from going back
                }
            }
        }
        ledger.tasks.start(last[0], "tasks_started");
        ledger.implementations.start(last[0], "implementations_generated");
        ledger.tests.start(last[0], "tests_written");
        ledger.issues.start(last[0], "issues_discovered");
        return ledger;
    }

    private static final class Ledger {
        final Counter tasks = new Counter();
        final Set<String> findings = new HashSet<>();
        final Set<String> patches = new HashSet<>();
        final Counter implementations = new Counter();
        final Counter tests = new Counter();
        final Counter issues = new Counter();
        JsonNode latestPlan;

        void plan(Row row, ObjectMapper mapper) {
            plan(row, mapper, true);
        }

        /** Remembers the row's plan; {@code replace} false keeps a plan already known (rows read newest first). */
        void plan(Row row, ObjectMapper mapper, boolean replace) {
            Object analysis = row.extraColumns().get("analysis");
            if (!Stage.IMPLEMENTATION_PLAN.id().equals(row.perspectiveId()) || analysis == null) {
                return;
            }
            JsonNode changes = mapper.valueToTree(analysis).path("code_changes");
            if (changes.path("verified").asBoolean(false) && changes.path("diff").isTextual()) {
                patches.add(PatchIdentity.of(changes.path("diff").asText()));
            }
            if (changes.isObject() && (replace || latestPlan == null)) {
                latestPlan = changes;
            }
        }

        void add(Contribution row) {
            tasks.add(row.tasks());
            findings.addAll(row.findings());
            implementations.add(row.implementations());
            tests.add(row.tests());
            issues.add(row.issues());
        }
    }

    private static final class Counter {
        final Set<String> known = new HashSet<>();
        long count;

        void start(JsonNode lastProgress, String field) {
            long recorded = lastProgress != null && lastProgress.path(field).canConvertToLong() ? lastProgress.path(field).asLong() : 0;
            count = Math.max(known.size(), recorded);
        }

        void add(Set<String> ids) {
            for (String id : ids) {
                if (known.add(id)) {
                    count++;
                }
            }
        }

        long with(Set<String> ids) {
            return count + ids.stream().filter(id -> !known.contains(id)).count();
        }
    }
}
