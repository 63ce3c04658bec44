package dev.autocoder.workers.gate;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analysis rows the gate needs, kept small: each perspective's latest ok row, and per perspective and commit
 * the findings of its latest ok row there (the rows at a baseline commit). At most {@value #COMMITS_KEPT}
 * commits per perspective are remembered, the oldest forgotten first; every finding of a result this process
 * computed is kept for the newest commit only, older ones keep what a row lists (the heap is small).
 */
final class AnalysisHistory {

    static final String WORKER = "analysis";
    static final int COMMITS_KEPT = 50;
    static final int LISTED_KEPT = 100;

    private final Map<String, Row> latest = new TreeMap<>();
    private final Map<String, List<Finding>> latestComplete = new TreeMap<>();
    private final Map<String, LinkedHashMap<String, RecordedResult>> byCommit = new TreeMap<>();
    private final TreeMap<Instant, String> commitsByTime = new TreeMap<>();
    private long newestIteration = -1;

    /** Takes an analysis row into account; other workers' rows and rows that are not ok are ignored. */
    synchronized void add(Row row) {
        if (!WORKER.equals(row.worker()) || row.status() != Status.OK) {
            return;
        }
        newestIteration = Math.max(newestIteration, row.iteration());
        if (row.commit() != null) {
            Set<String> ids = new HashSet<>();
            row.findings().forEach(f -> ids.add(f.id()));
            remember(row.perspectiveId(), new RecordedResult(row.commit(), ids, row.findings(),
                    row.findings().size() >= row.issuesFound()));
            timestamp(row).ifPresent(t -> commitsByTime.put(t, row.commit()));
        }
        Row previous = latest.get(row.perspectiveId());
        if (previous == null || !isBefore(row, previous)) {
            latest.put(row.perspectiveId(), row);
            // the complete findings this process computed for this very result, when it did
            Optional<RecordedResult> known = at(row.perspectiveId(), row.commit());
            if (known.isPresent() && known.get().complete() && known.get().ids().size() == row.issuesFound()) {
                latestComplete.put(row.perspectiveId(), known.get().listed());
            } else {
                latestComplete.remove(row.perspectiveId());
            }
        }
    }

    /** Every finding of a perspective's result at a commit, as this process computed it (rows list at most a cap). */
    synchronized void addComplete(String perspective, String commit, List<Finding> findings) {
        if (commit == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        findings.forEach(f -> ids.add(f.id()));
        remember(perspective, new RecordedResult(commit, ids, List.copyOf(findings), true));
    }

    private void remember(String perspective, RecordedResult result) {
        LinkedHashMap<String, RecordedResult> commits = byCommit.computeIfAbsent(perspective, p -> new LinkedHashMap<>());
        RecordedResult known = commits.remove(result.commit());
        // a complete result is not replaced by a capped row of the same commit
        commits.replaceAll((commit, kept) -> kept.listed().size() <= LISTED_KEPT ? kept
                : shortened(kept));
        commits.put(result.commit(), known != null && known.complete() && !result.complete() ? known : result);
        while (commits.size() > COMMITS_KEPT) {
            commits.remove(commits.keySet().iterator().next());
        }
    }

    /** The newest analysis iteration taken in; -1 before the first ok row. */
    synchronized long newestIteration() {
        return newestIteration;
    }

    /**
     * The history as it stands, for a checkpoint. The commits by time keep an instant only where the commit changed:
     * the commit analyzed at any instant, and whether any row came before it, read the same.
     */
    synchronized GateCheckpoint checkpoint(Instant writtenAt) {
        Map<String, List<RecordedResult>> results = new TreeMap<>();
        byCommit.forEach((perspective, commits) -> results.put(perspective, List.copyOf(commits.values())));
        List<GateCheckpoint.CommitAnalyzed> commits = new ArrayList<>();
        String previous = null;
        for (Map.Entry<Instant, String> entry : commitsByTime.entrySet()) {
            if (!entry.getValue().equals(previous)) {
                commits.add(new GateCheckpoint.CommitAnalyzed(entry.getKey(), entry.getValue()));
                previous = entry.getValue();
            }
        }
        return new GateCheckpoint(GateCheckpoint.FORMAT, writtenAt, newestIteration, List.copyOf(latest.values()),
                new TreeMap<>(latestComplete), results, commits);
    }

    /** Takes a checkpoint's history in place of this one's (which is empty: a gate restores before it reads rows). */
    synchronized void restore(GateCheckpoint checkpoint) {
        latest.clear();
        checkpoint.latest().forEach(row -> latest.put(row.perspectiveId(), row));
        latestComplete.clear();
        latestComplete.putAll(checkpoint.latestComplete());
        byCommit.clear();
        checkpoint.results().forEach((perspective, results) -> {
            LinkedHashMap<String, RecordedResult> commits = new LinkedHashMap<>();
            results.forEach(result -> commits.put(result.commit(), result));
            byCommit.put(perspective, commits);
        });
        commitsByTime.clear();
        checkpoint.commits().forEach(c -> commitsByTime.put(c.at(), c.commit()));
        newestIteration = checkpoint.newestIteration();
    }

    private static RecordedResult shortened(RecordedResult kept) {
        List<Finding> listed = List.copyOf(kept.listed().subList(0, LISTED_KEPT));
        return new RecordedResult(kept.commit(), idsOf(listed), listed, false);
    }

    private static Set<String> idsOf(List<Finding> findings) {
        Set<String> ids = new HashSet<>();
        findings.forEach(f -> ids.add(f.id()));
        return ids;
    }

    synchronized Optional<RecordedResult> at(String perspective, String commit) {
        LinkedHashMap<String, RecordedResult> commits = byCommit.get(perspective);
        return commits == null || commit == null ? Optional.empty() : Optional.ofNullable(commits.get(commit));
    }

    /** The commit of the newest ok row written at or before the instant (the baseline of days:N without git). */
    synchronized Optional<String> commitAnalyzedBy(Instant limit) {
        Map.Entry<Instant, String> entry = commitsByTime.floorEntry(limit);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** Whether any ok row was written after the instant, i.e. the dataset is older than the window. */
    synchronized boolean hasRowsBefore(Instant limit) {
        return commitsByTime.floorKey(limit) != null;
    }

    /** Each perspective's latest ok row, in perspective order. */
    synchronized List<Row> latestRows() {
        List<Row> rows = new ArrayList<>(latest.values());
        rows.sort(Comparator.comparingInt(Row::perspectiveNumber));
        return rows;
    }

    /** Every finding of the perspective's latest row when this process knows them all, else empty. */
    synchronized Optional<List<Finding>> completeFindingsOf(String perspective) {
        return Optional.ofNullable(latestComplete.get(perspective));
    }

    /** Iterations rise by one per row of the worker, so they order its rows; timestamps only when they tie. */
    private static boolean isBefore(Row row, Row other) {
        if (row.iteration() != other.iteration()) {
            return row.iteration() < other.iteration();
        }
        Optional<Instant> a = timestamp(row);
        Optional<Instant> b = timestamp(other);
        return a.isPresent() && b.isPresent() && a.get().isBefore(b.get());
    }

    static Optional<Instant> timestamp(Row row) {
        try {
            return row.timestamp() == null ? Optional.empty() : Optional.of(Instant.parse(row.timestamp()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
