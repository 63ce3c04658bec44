package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdProcessingError;
import dev.autocoder.workers.analysis.pmd.PmdReport;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Row;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks whether an analysis finding is still present at HEAD.
 * <ul>
 *     <li>The file is gone: the finding is gone.</li>
 *     <li>A PMD rule of the configured ruleset on a Java file: PMD's result at HEAD (the shared, content-cached
 *     {@link PmdEngine}) must still hold a violation with the same finding id (rule, file and offending code; the
 *     same {@code -2}, {@code -3} suffixes for repeats); its line is where the finding is now.</li>
 *     <li>Any other rule: an analysis row of the finding's perspective made at HEAD that lists all its findings
 *     decides; else a file unchanged since the analysis commit (same git blob) still has it; else (changed file,
 *     no git history) it counts as present but unconfirmed, and the row says so.</li>
 * </ul>
 */
@Component
public class FindingPresence {

    private final PmdEngine pmd;

    public FindingPresence(PmdEngine pmd) {
        this.pmd = pmd;
    }

    public Presence check(Snapshot snapshot, TaskInfo task, LatestAnalysis latest) {
        String file = task.file();
        if (file == null) {
            return Presence.unconfirmed(task.line(), task.endLine(), "the finding names no file");
        }
        Optional<SourceFile> current = snapshot.file(file);
        if (current.isEmpty()) {
            return Presence.gone(file + " no longer exists at HEAD");
        }
        if (file.endsWith(".java") && pmd.ruleset().getRuleByName(task.rule()) != null) {
            return checkWithPmd(snapshot, task);
        }
        Optional<Row> newest = latest.row(task.sourcePerspective());
        if (newest.isPresent() && snapshot.commit() != null && snapshot.commit().equals(newest.get().commit())
                && newest.get().findings().size() == newest.get().issuesFound()) {
            Optional<Finding> again = newest.get().findings().stream().filter(f -> f.id().equals(task.findingId())).findFirst();
            return again.map(f -> Presence.confirmed(f.line(), f.endLine(), "the " + task.sourcePerspective()
                            + " analysis row made at HEAD still lists it"))
                    .orElseGet(() -> Presence.gone("the " + task.sourcePerspective() + " analysis row made at HEAD no longer lists it"));
        }
        GitBlobs.Lookup then = GitBlobs.blobAt(snapshot.root(), task.analysisCommit(), file);
        if (then.blobId() != null && then.blobId().equals(current.get().contentHash())) {
            return Presence.confirmed(task.line(), task.endLine(), file + " is unchanged since the analysis at "
                    + task.analysisCommit());
        }
        String why = then.blobId() != null ? file + " changed since the analysis at " + task.analysisCommit()
                : then.problem();
        return Presence.unconfirmed(task.line(), task.endLine(), why + "; " + task.rule() + " comes from the "
                + task.sourcePerspective() + " analysis, which this worker does not re-run, so presence is not confirmed");
    }

    private Presence checkWithPmd(Snapshot snapshot, TaskInfo task) {
        PmdReport report = pmd.analyze(snapshot);
        for (PmdProcessingError error : report.processingErrors()) {
            if (error.unparseable() && error.path().equals(task.file())) {
                return Presence.gone(task.file() + " does not parse at HEAD (" + error.message() + "), so PMD cannot confirm "
                        + task.rule());
            }
        }
        List<PmdViolation> same = report.violations().stream()
                .filter(v -> v.path().equals(task.file()) && v.rule().equals(task.rule())).toList();
        Map<String, Finding> byId = uniqueIds(PmdFindings.of(same));
        Finding now = byId.get(task.findingId());
        if (now == null) {
            return Presence.gone("PMD at HEAD no longer reports this " + task.rule() + " in " + task.file()
                    + " (" + same.size() + " other " + task.rule() + " there)");
        }
        return Presence.confirmed(now.line(), now.endLine(), "PMD at HEAD still reports it at line " + now.line());
    }

    /**
     * PMD's findings at HEAD of the rules with a mechanical fix, in main code, with the ids a row gives them: what a
     * capped analysis row (most severe first) may not list. PMD's result is the shared, content-cached one.
     */
    public List<Finding> fixableInMainCode(Snapshot snapshot, Predicate<String> mechanicalRule) {
        List<PmdViolation> fixable = pmd.analyze(snapshot).violations().stream()
                .filter(v -> mechanicalRule.test(v.rule()) && v.path().endsWith(".java")
                        && snapshot.scopeOf(v.path()) == Scope.MAIN)
                .toList();
        return uniqueIds(PmdFindings.of(fixable)).values().stream().map(f -> f.withScope(Scope.MAIN)).toList();
    }

    /** The ids a row gives these findings: repeats of the same id get -2, -3, … in line order (as the row factory does). */
    static Map<String, Finding> uniqueIds(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        findings.forEach(f -> groups.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f));
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (List<Finding> group : groups.values()) {
            group.sort(Comparator.comparingInt(Finding::lineOrZero).thenComparing(f -> f.message() == null ? "" : f.message()));
            for (int i = 0; i < group.size(); i++) {
                String id = i == 0 ? group.get(i).id() : group.get(i).id() + "-" + (i + 1);
                byId.put(id, group.get(i));
            }
        }
        return byId;
    }
}
