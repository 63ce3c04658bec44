package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.coverage.LineCoverage;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Row;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates the quality gate on an analysis history: resolves the new-code baseline (git when the target is at hand,
 * else the rows), tells each finding new or not (its stable id against the rows at the baseline commit, git blame of
 * its lines when those rows cannot say), and measures every condition.
 */
final class GateEvaluator {

    private final List<GateCondition> conditions;
    private final NewCodeSetting setting;
    private final Clock clock;
    private final ObjectMapper json;

    /** @param json the application's mapper ({@code AutocoderJson.MAPPER}): reads the rows' details */
    public GateEvaluator(List<GateCondition> conditions, NewCodeSetting setting, Clock clock, ObjectMapper json) {
        this.conditions = List.copyOf(conditions);
        this.setting = setting;
        this.clock = clock;
        this.json = json;
    }

    /** The gate; {@code git} may be null (no target at hand) or belong to another repository (then it is not used). */
    GateReport evaluate(AnalysisHistory history, GitHistory git) {
        Instant now = clock.instant();
        List<Row> rows = history.latestRows();
        if (rows.isEmpty()) {
            List<ConditionResult> none = conditions.stream()
                    .map(c -> ConditionResult.of(c, Measure.unknown("no ok analysis row yet"))).toList();
            return new GateReport(GateStatus.UNKNOWN, null, null, now.toString(), "no ok analysis row yet", null, none,
                    List.of(), List.of());
        }
        Row newest = rows.stream().max(Comparator.comparing(r -> AnalysisHistory.timestamp(r).orElse(Instant.EPOCH))).orElseThrow();
        String head = newest.commit();
        GitHistory usable = git != null && git.hasCommit(head) ? git : null;
        NewCodeBaseline baseline = usable != null ? usable.resolve(setting, head, now) : withoutGit(history, now, git != null);

        List<ClassifiedFinding> findings = new ArrayList<>();
        List<PerspectiveNewCode> perspectives = new ArrayList<>();
        Map<String, Row> byPerspective = new LinkedHashMap<>();
        Map<String, Boolean> complete = new LinkedHashMap<>();
        for (Row row : rows) {
            Optional<List<Finding>> all = history.completeFindingsOf(row.perspectiveId());
            List<Finding> current = all.orElse(row.findings());
            boolean isComplete = all.isPresent() || row.findings().size() >= row.issuesFound();
            byPerspective.put(row.perspectiveId(), row);
            complete.put(row.perspectiveId(), isComplete);
            Optional<RecordedResult> atBaseline = baseline.commit() == null ? Optional.empty()
                    : history.at(row.perspectiveId(), baseline.commit());
            int fresh = 0;
            int unchanged = 0;
            int undecided = 0;
            for (Finding finding : current) {
                ClassifiedFinding classified = classify(row, finding, baseline, atBaseline, usable);
                findings.add(classified);
                if (classified.isNew()) {
                    fresh++;
                } else if (classified.isUndecided()) {
                    undecided++;
                } else {
                    unchanged++;
                }
            }
            int absent = 0;
            if (isComplete && atBaseline.isPresent()) {
                Set<String> ids = new HashSet<>();
                current.forEach(f -> ids.add(f.id()));
                for (Finding gone : atBaseline.get().listed()) {
                    if (!ids.contains(gone.id())) {
                        findings.add(new ClassifiedFinding(row.perspectiveId(), gone, BaselineState.ABSENT, "finding id"));
                        absent++;
                    }
                }
            }
            undecided += Math.max(0, row.issuesFound() - current.size());
            perspectives.add(new PerspectiveNewCode(row.perspectiveId(), row.commit(), row.issuesFound(), fresh,
                    unchanged, undecided, absent));
        }

        Map<String, Set<Integer>> addedLines = null;
        String linesHead = byPerspective.containsKey("code-quality") ? byPerspective.get("code-quality").commit() : head;
        String noLinesReason;
        if (usable == null) {
            noLinesReason = "needs the target's git history to find the new lines (gate --target)";
        } else if (!baseline.isResolved()) {
            noLinesReason = baseline.unresolvedDetail();
        } else {
            noLinesReason = null;
            try {
                addedLines = usable.addedLines(baseline, linesHead);
            } catch (IOException | RuntimeException e) {
                noLinesReason = "git diff failed: " + e.getMessage();
            }
        }
        Function<List<String>, LineCoverage> lineCoverage = usable == null ? null
                : reports -> lineCoverage(usable, reports, linesHead, json);
        GateMeasures.Inputs inputs = new GateMeasures.Inputs(findings.stream()
                .filter(f -> f.state() != BaselineState.ABSENT).toList(), byPerspective, complete, addedLines, noLinesReason,
                lineCoverage, json);
        List<ConditionResult> results = conditions.stream()
                .map(c -> ConditionResult.of(c, baseline.isResolved() ? GateMeasures.of(c.metric(), inputs)
                        : Measure.unknown(baseline.unresolvedDetail())))
                .toList();
        if (usable != null) {
            usable.forgetBlames();
        }
        return new GateReport(verdict(results), newest.repository(), head, now.toString(), baseline.unresolvedDetail(),
                baseline, results, perspectives, findings);
    }

    /** The target's coverage reports line by line, resolved against the files of the commit the new lines are of. */
    private static LineCoverage lineCoverage(GitHistory git, List<String> reports, String head, ObjectMapper json) {
        List<String> files;
        try {
            files = git.files(head);
        } catch (IOException | RuntimeException e) {
            files = List.of();
        }
        return LineCoverage.read(git.root(), reports, files, json);
    }

    /** Failed when any condition failed; else unknown when any could not be told; else passed. */
    static GateStatus verdict(List<ConditionResult> results) {
        if (results.stream().anyMatch(r -> r.status() == GateStatus.FAILED)) {
            return GateStatus.FAILED;
        }
        if (results.stream().anyMatch(r -> r.status() == GateStatus.UNKNOWN)) {
            return GateStatus.UNKNOWN;
        }
        return GateStatus.PASSED;
    }

    private static ClassifiedFinding classify(Row row, Finding finding, NewCodeBaseline baseline,
                                              Optional<RecordedResult> atBaseline, GitHistory git) {
        String perspective = row.perspectiveId();
        if (baseline.beforeHistory()) {
            return new ClassifiedFinding(perspective, finding, BaselineState.NEW, "history");
        }
        if (!baseline.isResolved()) {
            return new ClassifiedFinding(perspective, finding, null, "no new-code baseline");
        }
        if (atBaseline.isPresent()) {
            if (atBaseline.get().ids().contains(finding.id())) {
                return new ClassifiedFinding(perspective, finding, BaselineState.UNCHANGED, "finding id");
            }
            if (atBaseline.get().complete()) {
                return new ClassifiedFinding(perspective, finding, BaselineState.NEW, "finding id");
            }
        }
        if (git != null && finding.file() != null && finding.line() != null) {
            int end = finding.endLine() == null ? finding.line() : finding.endLine();
            Optional<Boolean> changed = git.changedAfter(baseline, row.commit(), finding.file(), finding.line(), end);
            if (changed.isPresent()) {
                return new ClassifiedFinding(perspective, finding,
                        changed.get() ? BaselineState.NEW : BaselineState.UNCHANGED, "git blame");
            }
        }
        String why = atBaseline.isEmpty() ? "no row at the baseline commit" : "the row at the baseline commit was capped";
        return new ClassifiedFinding(perspective, finding, null, why + (git == null ? " and no git history at hand"
                : " and git blame cannot place it"));
    }

    /** The baseline from the rows alone: a named commit, or the commit analyzed N days ago. */
    private NewCodeBaseline withoutGit(AnalysisHistory history, Instant now, boolean otherRepository) {
        String why = otherRepository ? "the target's git history does not hold the analyzed commit"
                : "no git history at hand (gate --target)";
        return switch (setting.kind()) {
            case COMMIT -> setting.value().matches("[0-9a-f]{40}")
                    ? NewCodeBaseline.at(setting, setting.value(), "commit " + setting.value())
                    : NewCodeBaseline.unresolved(setting, why + " to resolve '" + setting.value() + "'");
            case BRANCH -> NewCodeBaseline.unresolved(setting, why + " to find branch " + setting.value());
            case DAYS, PREVIOUS_TAG -> {
                Instant limit = now.minusSeconds(setting.days() * 86_400L);
                String prefix = setting.kind() == NewCodeSetting.Kind.PREVIOUS_TAG ? "tags need git history: " : "";
                yield history.commitAnalyzedBy(limit)
                        .map(c -> NewCodeBaseline.at(setting, c, prefix + "commit analyzed " + Plural.of(setting.days(), "day")
                                + " ago (" + c + ")"))
                        .orElseGet(() -> NewCodeBaseline.unresolved(setting, prefix + "no analysis row is "
                                + Plural.of(setting.days(), "day") + " old, and " + why));
            }
        };
    }
}
