package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregated insights of one worker: totals, findings by severity and by scope, by perspective, the latest
 * quality score per perspective, cumulative counters of later workers' rows, and the current finding groups.
 * Headline counts are about main code and count every finding of the latest results, not only the listed ones.
 *
 * @param openFindings       findings in main code of every perspective's latest ok result, summed
 * @param findingsBySeverity those findings by severity (they add up to {@code openFindings} when
 *                           {@code countsComplete})
 * @param countsComplete     false when some latest result predates per-scope counts and lists fewer findings than it
 *                           found: its severities are then counted from the listed findings only
 * @param findingsByScope    findings of the latest ok results by scope, every scope present
 * @param findingScopes      per scope with findings: how many findings and groups, and how many groups are shown
 * @param topFindingGroups   the groups shown: per scope at most {@code top}, main first, then by severity and size
 * @param counters           cumulative counters (any numeric field of {@code cumulative_*} extra columns)
 * @param topFindings        single findings, main code first, then the most severe (kept for older API clients)
 */
record WorkerInsights(String worker, long rows, long okRows, long errorRows, long skippedRows,
                             long newFindings, long resolvedFindings, int openFindings,
                             Map<String, Integer> findingsBySeverity, boolean countsComplete,
                             Map<String, Integer> findingsByScope, List<PerspectiveInsight> perspectives,
                             Map<String, Double> counters, List<ScopeFindings> findingScopes,
                             List<TopFindingGroup> topFindingGroups, List<TopFinding> topFindings) {

    /** The latest state of one perspective; {@code openFindings} is main code, {@code findingsByScope} all. */
    public record PerspectiveInsight(String id, String name, long rows, Double qualityScore, int openFindings,
                                     boolean truncated, Map<String, Integer> findingsByScope, String latestStatus,
                                     Instant latestAt) {
    }

    /**
     * The findings of one scope.
     *
     * @param findings        all findings in the scope
     * @param groups          groups the latest rows list in the scope (a row lists a bounded number of groups)
     * @param groupedFindings findings in those groups: less than {@code findings} when the rows' lists are capped
     * @param groupsShown     groups shown, at most {@code top}
     */
    public record ScopeFindings(String scope, int findings, int groups, int groupedFindings, int groupsShown) {
        public boolean groupsComplete() {
            return groupedFindings >= findings;
        }
    }

    /** A current group of findings with the perspective that found them. */
    public record TopFindingGroup(String perspective, String perspectiveName, String rule, String category,
                                  String severity, String scope, int count, String message, List<String> locations) {
        static TopFindingGroup of(String perspective, String perspectiveName, FindingGroup g) {
            return new TopFindingGroup(perspective, perspectiveName, g.rule(), g.category(),
                    (g.severity() == null ? Severity.INFO : g.severity()).label(),
                    (g.scope() == null ? Scope.MAIN : g.scope()).label(), g.count(), g.message(),
                    g.locations() == null ? List.of() : g.locations());
        }

        FindingGroup asGroup() {
            return new FindingGroup(rule, category, Severity.of(severity), Scope.of(scope), count, message, locations);
        }
    }

    /** Per scope with findings, its counts, and the groups to show (at most {@code top} per scope, in order). */
    record Grouped(List<ScopeFindings> scopes, List<TopFindingGroup> shown) {
    }

    /** Orders the groups, main first, then by severity and size, and keeps at most {@code top} per scope. */
    static Grouped grouped(List<TopFindingGroup> groups, Map<String, Integer> findingsByScope, int top) {
        List<TopFindingGroup> ordered = new ArrayList<>(groups);
        ordered.sort(GROUP_ORDER);
        List<ScopeFindings> scopes = new ArrayList<>();
        List<TopFindingGroup> shown = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            List<TopFindingGroup> inScope = ordered.stream().filter(g -> g.scope().equals(scope.label())).toList();
            int total = findingsByScope.getOrDefault(scope.label(), 0);
            if (total == 0 && inScope.isEmpty()) {
                continue;
            }
            List<TopFindingGroup> first = inScope.subList(0, Math.min(top, inScope.size()));
            scopes.add(new ScopeFindings(scope.label(), total, inScope.size(),
                    inScope.stream().mapToInt(TopFindingGroup::count).sum(), first.size()));
            shown.addAll(first);
        }
        return new Grouped(List.copyOf(scopes), List.copyOf(shown));
    }

    /** A current finding with the perspective that found it. */
    public record TopFinding(String perspective, String perspectiveName, String severity, String scope, String rule,
                             String file, Integer line, String message) {
        public String location() {
            return file == null ? "" : line == null ? file : file + ":" + line;
        }
    }

    static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::scopeOrMain)
            .thenComparing(f -> f.severity() == null ? Severity.INFO : f.severity())
            .thenComparing(f -> f.file() == null ? "" : f.file())
            .thenComparingInt(Finding::lineOrZero);

    /** The rows' own group order ({@link FindingGroup#ORDER}), across perspectives. */
    private static final Comparator<TopFindingGroup> GROUP_ORDER = Comparator.comparing(TopFindingGroup::asGroup,
            FindingGroup.ORDER);

    /** Builds the insights, perspectives in rotation order (others after), with at most {@code top} groups per scope. */
    static WorkerInsights of(WorkerAggregate aggregate, List<String> rotation, int top) {
        List<PerspectiveAggregate> ordered = new ArrayList<>(aggregate.perspectives());
        ordered.sort(Comparator.comparingInt(p -> {
            int index = rotation.indexOf(p.id());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.label(), 0);
        }
        Map<String, Integer> byScope = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            byScope.put(scope.label(), 0);
        }
        List<PerspectiveInsight> perspectives = new ArrayList<>();
        List<TopFindingGroup> groups = new ArrayList<>();
        List<TopFinding> findings = new ArrayList<>();
        int open = 0;
        boolean complete = true;
        for (PerspectiveAggregate p : ordered) {
            FindingCounts counts = p.counts();
            for (Severity severity : Severity.values()) {
                bySeverity.merge(severity.label(), counts.count(Scope.MAIN, severity), Integer::sum);
            }
            Map<String, Integer> perspectiveScopes = new LinkedHashMap<>();
            for (Scope scope : Scope.values()) {
                perspectiveScopes.put(scope.label(), counts.total(scope));
                byScope.merge(scope.label(), counts.total(scope), Integer::sum);
            }
            open += p.openFindings();
            complete &= counts.complete();
            Row latest = p.latest();
            perspectives.add(new PerspectiveInsight(p.id(), p.name(), p.rows(), p.qualityScore(), p.openFindings(),
                    p.truncated(), perspectiveScopes, latest == null || latest.status() == null ? null : latest.status().label(),
                    latest == null ? null : WorkerAccumulator.instantOf(latest)));
            p.groups().forEach(g -> groups.add(TopFindingGroup.of(p.id(), p.name(), g)));
            p.results().forEach((target, result) -> result.findings().stream().sorted(MOST_SEVERE_FIRST).limit(top)
                    .forEach(f -> findings.add(new TopFinding(p.id(), p.name(),
                            f.severity() == null ? null : f.severity().label(), f.scopeOrMain().label(), f.rule(),
                            f.file() == null ? null : p.place(target, f.file()), f.line(), f.message()))));
        }
        Grouped grouped = grouped(groups, byScope, top);
        findings.sort(Comparator.comparing((TopFinding f) -> f.scope() == null ? Scope.MAIN : Scope.of(f.scope()))
                .thenComparing(f -> f.severity() == null ? Severity.INFO : Severity.of(f.severity()))
                .thenComparing(f -> f.file() == null ? "" : f.file())
                .thenComparing(f -> f.line() == null ? 0 : f.line()));
        return new WorkerInsights(aggregate.worker(), aggregate.rows(), aggregate.okRows(), aggregate.errorRows(),
                aggregate.skippedRows(), aggregate.newFindings(), aggregate.resolvedFindings(), open, bySeverity, complete,
                byScope, perspectives, aggregate.counters(), grouped.scopes(), grouped.shown(),
                findings.size() > top ? List.copyOf(findings.subList(0, top)) : findings);
    }
}
