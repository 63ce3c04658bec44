package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.row.FindingCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Folds one worker's rows, oldest first, into its {@link WorkerAggregate}. Memory is bounded whatever the
 * history: the latest rows per perspective, bounded series and a bounded window of recent rows.
 * Not thread-safe: {@link Aggregates} serialises access.
 */
final class WorkerAccumulator {

    /** Extra columns whose numeric fields are cumulative counters (added by later workers). */
    static final List<String> COUNTER_COLUMNS = List.of("cumulative_insights", "cumulative_progress");

    private final String worker;
    private final String dataset;
    private final int seriesLimit;
    private final int recentLimit;
    private final ObjectMapper mapper;

    private long rows;
    private long okRows;
    private long errorRows;
    private long skippedRows;
    private long newFindings;
    private long resolvedFindings;
    private Row lastRow;
    /** The newest iteration folded per target ({@link #targetKey}): with a list of targets each numbers its own rows. */
    private final Map<String, Long> lastIterations = new HashMap<>();
    private Row lastErrorRow;
    private Instant lastRowAt;
    private final Map<String, PerspectiveState> perspectives = new LinkedHashMap<>();
    private final Deque<SeriesPoint> openFindings = new ArrayDeque<>();
    private final Map<String, Double> counters = new LinkedHashMap<>();
    /** The newest rows, newest first, packed ({@link RecentRows}). */
    private final Deque<byte[]> recent = new ArrayDeque<>();
    /** During a rebuild, where the newest rows are, newest first: only those that stay are packed. */
    private final Deque<DatasetStore.RowAt> recentPlaces = new ArrayDeque<>();
    private final int patchLimit;
    private LatestPlan latestPlan;
    /** Verified patches by task, oldest first; a task planned again moves to the end with its newer patch. */
    private final LinkedHashMap<String, VerifiedPatch> patches = new LinkedHashMap<>();
    private volatile boolean rebuilt;
    /**
     * With a list of targets, the ids of the targets listed now: each has its own current result per perspective and
     * the worker's view sums theirs (a target no longer listed stops counting). Null for the single target (or one
     * target's own aggregate): the current result is the newest ok row, whatever target id it carries (rows written
     * before rows had one, a target that moved).
     */
    private final Supplier<Set<String>> listedTargets;

    WorkerAccumulator(String worker, String dataset, int seriesLimit, int recentLimit, ObjectMapper mapper) {
        this(worker, dataset, seriesLimit, recentLimit, recentLimit, mapper);
    }

    WorkerAccumulator(String worker, String dataset, int seriesLimit, int recentLimit, int patchLimit, ObjectMapper mapper) {
        this(worker, dataset, seriesLimit, recentLimit, patchLimit, mapper, null);
    }

    WorkerAccumulator(String worker, String dataset, int seriesLimit, int recentLimit, int patchLimit, ObjectMapper mapper,
                      Supplier<Set<String>> listedTargets) {
        this.worker = worker;
        this.dataset = dataset;
        this.seriesLimit = seriesLimit;
        this.recentLimit = recentLimit;
        this.patchLimit = patchLimit;
        this.mapper = mapper;
        this.listedTargets = listedTargets;
    }

    boolean isRebuilt() {
        return rebuilt;
    }

    /** Adds a row; a row whose iteration is not newer than the last one (seen twice) is ignored. */
    boolean add(Row row) {
        if (!fold(row)) {
            return false;
        }
        recent.addFirst(RecentRows.pack(row, mapper));
        keepNewest(recent, recentLimit);
        return true;
    }

    /**
     * Adds a row of a rebuild, keeping only where it is for the recent-rows window: packing a row costs more than
     * reading it (a test-planning row of a large target: ~2 ms against ~0.6 ms), and of a long history only the
     * newest {@code recentLimit} stay, packed by {@link #finishRebuild}.
     */
    boolean add(Row row, DatasetStore.RowAt at) {
        if (!fold(row)) {
            return false;
        }
        recentPlaces.addFirst(at);
        keepNewest(recentPlaces, recentLimit);
        return true;
    }

    /** Packs the rows the rebuild kept the places of, reading each again, and marks the accumulator rebuilt. */
    void finishRebuild(DatasetStore store) {
        // oldest first, so each packed row goes in front of the older ones, as add(Row) does
        for (Iterator<DatasetStore.RowAt> places = recentPlaces.descendingIterator(); places.hasNext(); ) {
            store.rowAt(places.next()).ifPresent(row -> recent.addFirst(RecentRows.pack(row, mapper)));
        }
        keepNewest(recent, recentLimit);
        recentPlaces.clear();
        rebuilt = true;
    }

    /** Folds the row into everything but the recent-rows window; false for a row seen before. */
    private boolean fold(Row row) {
        if (row.iteration() <= lastIterations.getOrDefault(targetKey(row), 0L)) {
            return false;
        }
        lastIterations.put(targetKey(row), row.iteration());
        rows++;
        switch (row.status() == null ? Status.ERROR : row.status()) {
            case OK -> okRows++;
            case ERROR -> errorRows++;
            case SKIPPED -> skippedRows++;
        }
        newFindings += row.newFindings() == null ? 0 : row.newFindings();
        resolvedFindings += row.resolvedFindings() == null ? 0 : row.resolvedFindings();
        lastRow = row;
        if (row.status() == Status.ERROR) {
            lastErrorRow = row;
        }
        Instant at = instantOf(row);
        if (at != null) {
            lastRowAt = at;
        }
        String id = row.perspectiveId() == null ? "unknown" : row.perspectiveId();
        PerspectiveState perspective = perspectives.computeIfAbsent(id, PerspectiveState::new);
        Set<String> listed = listedNow();
        perspective.add(row, at, listed);
        if (row.status() == Status.OK) {
            // main code only, like the headline count of open findings; every listed target's current results
            int open = perspectives.values().stream().mapToInt(p -> p.openFindings(listed)).sum();
            bounded(openFindings, new SeriesPoint(row.iteration(), at, open), seriesLimit);
        }
        readCounters(row);
        readPlan(row);
        return true;
    }

    /** Keeps the newest {@code limit} of a deque filled newest first. */
    private static void keepNewest(Deque<?> newestFirst, int limit) {
        while (newestFirst.size() > limit) {
            newestFirst.removeLast();
        }
    }

    /** How many rows were folded (a checkpoint's count: {@link Aggregates} writes one only when it changed). */
    long rows() {
        return rows;
    }

    /** The state as a checkpoint written at {@code now}; the caller holds the accumulator's lock. */
    AggregateCheckpoint checkpoint(Instant now) {
        Map<String, byte[]> packed = new LinkedHashMap<>();
        List<AggregateCheckpoint.Perspective> states = new ArrayList<>();
        for (PerspectiveState p : perspectives.values()) {
            Map<String, String> results = new LinkedHashMap<>();
            p.results.forEach((target, row) -> results.put(target, keep(row, packed)));
            states.add(new AggregateCheckpoint.Perspective(p.id, p.name, p.rows, keep(p.latest, packed),
                    keep(p.latestOk, packed), results, List.copyOf(p.scores)));
        }
        List<AggregateCheckpoint.Counter> counterList = new ArrayList<>();
        counters.forEach((name, value) -> counterList.add(new AggregateCheckpoint.Counter(name, value)));
        return new AggregateCheckpoint(AggregateCheckpoint.FORMAT, worker, dataset, now, seriesLimit, recentLimit,
                patchLimit, rows, okRows, errorRows, skippedRows, newFindings, resolvedFindings, keep(lastRow, packed),
                keep(lastErrorRow, packed), lastRowAt, Map.copyOf(lastIterations), listedTargets != null, states, List.copyOf(openFindings), counterList,
                List.copyOf(recent), latestPlan, List.copyOf(patches.values()), packed);
    }

    private String keep(Row row, Map<String, byte[]> packed) {
        if (row == null) {
            return null;
        }
        String key = rowKey(row);
        packed.computeIfAbsent(key, k -> RecentRows.pack(row, mapper));
        return key;
    }

    /**
     * Which targets' current results count: the ids listed now (the list's own set, the same instance until the
     * list changes), or null with the single target, whose one result counts.
     */
    private Set<String> listedNow() {
        return listedTargets == null ? null : listedTargets.get();
    }

    private static boolean counted(Set<String> listed, String key) {
        return listed == null || listed.contains(key);
    }

    /** Where a perspective keeps a row's result: by target with a list of targets, else in one place. */
    private String resultKey(Row row) {
        return listedTargets == null ? "" : targetKey(row);
    }

    static String targetKey(Row row) {
        return row.targetId() == null ? "" : row.targetId();
    }

    /** A row's name in a checkpoint: its target and iteration (two targets' rows may share an iteration). */
    static String rowKey(Row row) {
        return targetKey(row) + "#" + row.iteration();
    }

    /**
     * Takes a checkpoint's state in place of the rebuild of the rows it covers; false, taking nothing, when it is not
     * this accumulator's (another worker, format or limits: a longer chart wants the older points a rebuild reads;
     * written with a list of targets when there is none now, or the other way round).
     */
    boolean restore(AggregateCheckpoint checkpoint) {
        if (checkpoint.format() != AggregateCheckpoint.FORMAT || !worker.equals(checkpoint.worker())
                || !dataset.equals(checkpoint.dataset()) || checkpoint.seriesLimit() != seriesLimit
                || checkpoint.recentLimit() != recentLimit || checkpoint.patchLimit() != patchLimit
                || checkpoint.resultsByTarget() != (listedTargets != null) || rows > 0) {
            return false;
        }
        Map<String, Row> unpacked = new HashMap<>();
        checkpoint.packedRows().forEach((key, row) -> unpacked.put(key, RecentRows.unpack(row, mapper)));
        lastIterations.putAll(checkpoint.lastIterations());
        rows = checkpoint.rows();
        okRows = checkpoint.okRows();
        errorRows = checkpoint.errorRows();
        skippedRows = checkpoint.skippedRows();
        newFindings = checkpoint.newFindings();
        resolvedFindings = checkpoint.resolvedFindings();
        lastRow = unpacked.get(checkpoint.lastRow());
        lastErrorRow = unpacked.get(checkpoint.lastErrorRow());
        lastRowAt = checkpoint.lastRowAt();
        for (AggregateCheckpoint.Perspective p : checkpoint.perspectives()) {
            PerspectiveState state = new PerspectiveState(p.id());
            state.name = p.name();
            state.rows = p.rows();
            state.latest = unpacked.get(p.latest());
            state.latestOk = unpacked.get(p.latestOk());
            p.results().forEach((target, key) -> {
                Row result = unpacked.get(key);
                if (result != null) {
                    state.result(target, result);
                }
            });
            state.scores.addAll(p.scores());
            perspectives.put(p.id(), state);
        }
        openFindings.addAll(checkpoint.openFindings());
        checkpoint.counters().forEach(c -> counters.put(c.name(), c.value()));
        recent.addAll(checkpoint.recent());
        latestPlan = checkpoint.latestPlan();
        checkpoint.patches().forEach(patch -> patches.put(patch.taskId(), patch));
        return true;
    }

    WorkerAggregate snapshot() {
        List<PerspectiveAggregate> views = new ArrayList<>();
        Set<String> listed = listedNow();
        perspectives.values().forEach(p -> views.add(p.snapshot(listed, listedTargets != null)));
        return new WorkerAggregate(worker, dataset, rows, okRows, errorRows, skippedRows, newFindings, resolvedFindings,
                lastRow, lastErrorRow, lastRowAt, List.copyOf(views), List.copyOf(openFindings), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters)),
                RecentRows.of(List.copyOf(recent), mapper), latestPlan, newestFirst(patches));
    }

    /** The plan the row holds or carries; a row carrying the current plan forward keeps the one its own row made. */
    private void readPlan(Row row) {
        PlanColumns.of(row, mapper).ifPresent(plan -> {
            boolean sameTask = latestPlan != null && latestPlan.taskId().equals(plan.plan().taskId());
            if (plan.own() || !sameTask) {
                // only the Implementation Plan row lists the steps; the task's other rows keep the ones it listed
                latestPlan = sameTask && plan.plan().steps().isEmpty() ? plan.plan().withSteps(latestPlan.steps()) : plan.plan();
            }
            PlanColumns.verifiedPatch(plan, row).ifPresent(patch -> {
                patches.remove(patch.taskId());
                patches.put(patch.taskId(), patch);
                if (patches.size() > patchLimit) {
                    patches.remove(patches.keySet().iterator().next());
                }
            });
        });
    }

    private static List<VerifiedPatch> newestFirst(Map<String, VerifiedPatch> patches) {
        List<VerifiedPatch> list = new ArrayList<>(patches.values());
        java.util.Collections.reverse(list);
        return List.copyOf(list);
    }

    /** Numeric fields of the cumulative columns, nested objects flattened with dots. */
    private void readCounters(Row row) {
        for (String column : COUNTER_COLUMNS) {
            Object value = row.extraColumns().get(column);
            if (value != null) {
                collectNumbers(column, mapper.valueToTree(value));
            }
        }
    }

    private void collectNumbers(String path, JsonNode node) {
        if (node.isNumber()) {
            counters.put(path, node.doubleValue());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectNumbers(path + "." + field.getKey(), field.getValue());
            }
        }
    }

    static Instant instantOf(Row row) {
        return instantOf(row.timestamp());
    }

    static Instant instantOf(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> void bounded(Deque<T> deque, T value, int limit) {
        deque.addLast(value);
        while (deque.size() > limit) {
            deque.removeFirst();
        }
    }

    private final class PerspectiveState {
        private final String id;
        private String name;
        private long rows;
        private Row latest;
        private Row latestOk;
        /** The current result (newest ok row) by {@link #resultKey}: with a list of targets, each target's. */
        private final Map<String, Row> results = new LinkedHashMap<>();
        /** The findings of each current result, counted once when it comes. */
        private final Map<String, FindingCounts> counts = new HashMap<>();
        /** Groups of the counted results, made when a snapshot needs them: a rebuild then groups only the last rows. */
        private List<FindingGroup> groups = List.of();
        private List<String> groupsOf;
        private final Deque<SeriesPoint> scores = new ArrayDeque<>();
        /**
         * The last snapshot and open count, kept until a row of this perspective comes or the list changes (another
         * set of ids): a row changes one perspective, and making every perspective's again summed every listed
         * target's results at each row (README, "Row bookkeeping").
         */
        private PerspectiveAggregate snapshot;
        private Set<String> snapshotOf;
        private Integer open;
        private Set<String> openOf;

        PerspectiveState(String id) {
            this.id = id;
        }

        void add(Row row, Instant at, Set<String> listed) {
            snapshot = null;
            rows++;
            latest = row;
            if (row.perspectiveName() != null) {
                name = row.perspectiveName();
            }
            if (row.status() == Status.OK) {
                latestOk = row;
                result(resultKey(row), row);
                if (row.qualityScore() != null) {
                    Double mean = PerspectiveAggregate.meanScore(current(listed).values());
                    bounded(scores, new SeriesPoint(row.iteration(), at, mean == null ? row.qualityScore() : mean), seriesLimit);
                }
            }
        }

        void result(String key, Row result) {
            results.put(key, result);
            counts.put(key, FindingCounts.of(result));
            groupsOf = null;
            snapshot = null;
            open = null;
        }

        /** The current results of the counted targets, in the order they first came. */
        private Map<String, Row> current(Set<String> listed) {
            Map<String, Row> current = new LinkedHashMap<>();
            results.forEach((key, row) -> {
                if (counted(listed, key)) {
                    current.put(key, row);
                }
            });
            return current;
        }

        int openFindings(Set<String> listed) {
            if (open == null || openOf != listed) {
                int sum = 0;
                for (Map.Entry<String, FindingCounts> entry : counts.entrySet()) {
                    if (counted(listed, entry.getKey())) {
                        sum += entry.getValue().total(Scope.MAIN);
                    }
                }
                open = sum;
                openOf = listed;
            }
            return open;
        }

        PerspectiveAggregate snapshot(Set<String> listed, boolean acrossTargets) {
            if (snapshot != null && snapshotOf == listed) {
                return snapshot;
            }
            Map<String, Row> current = current(listed);
            Map<String, FindingCounts> currentCounts = new LinkedHashMap<>();
            FindingCounts sum = FindingCounts.of(null);
            for (String key : current.keySet()) {
                currentCounts.put(key, counts.get(key));
                sum = sum.plus(counts.get(key));
            }
            List<String> keys = List.copyOf(current.keySet());
            if (!keys.equals(groupsOf)) {
                groups = PerspectiveAggregate.groupsOf(current, acrossTargets);
                groupsOf = keys;
            }
            snapshot = new PerspectiveAggregate(id, name == null ? id : name, rows, latest, latestOk,
                    java.util.Collections.unmodifiableMap(current), java.util.Collections.unmodifiableMap(currentCounts),
                    acrossTargets, sum, groups, List.copyOf(scores));
            snapshotOf = listed;
            return snapshot;
        }
    }
}
