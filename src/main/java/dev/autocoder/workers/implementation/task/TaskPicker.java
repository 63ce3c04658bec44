package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.implementation.patch.FixOutcome;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.row.GroupedFinding;
import dev.autocoder.workers.implementation.row.TaskInfo;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Row;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the task of a new cycle: the highest-priority finding ({@link TaskPriority}) of the latest analysis rows that
 * no earlier cycle took on and that is still present at HEAD. Findings without a file cannot be changed and are
 * passed over, and findings in generated or fixture code are never candidates; at most
 * {@code autocoder.implementation.max-presence-checks} candidates are re-checked per pick (those whose mechanical fix
 * refuses do not count, up to four times that many).
 * <p>
 * A finding ranked as mechanically fixable is tried: the fix is proposed on the file at HEAD, and when it refuses
 * there or its patch does not verify, the finding competes on with the priority of a change by hand (or by the
 * model), so a cycle is not spent on a plan the worker cannot deliver while a patch it can deliver waits.
 */
@Component
public class TaskPicker {

    private static final String CODE_QUALITY = "code-quality";

    private final FindingPresence presence;
    private final MechanicalFixes fixes;
    private final int maxChecks;
    /** At most this many findings come along with a task, as many as a list of its row holds (max-items-per-row). */
    private final int maxGrouped;
    /** Fixes proposed in vain per pick, as a multiple of the re-check budget: each parses one file. */
    private static final int MAX_REFUSALS_PER_CHECK = 4;

    public TaskPicker(FindingPresence presence, MechanicalFixes fixes, AutocoderProperties properties) {
        this.presence = presence;
        this.fixes = fixes;
        this.maxChecks = Math.max(1, properties.getImplementation().getMaxPresenceChecks());
        this.maxGrouped = Math.max(1, properties.getImplementation().getMaxItemsPerRow());
    }

    /** A present finding whose mechanical fix refused here, with the priority it keeps as a change by hand. */
    private record Refused(Candidate candidate, TaskInfo task, Presence presence, double priority, String reason) {
    }

    /**
     * @param handled    finding ids earlier cycles took on
     * @param delivered  the {@link PatchIdentity identities} of the verified patches earlier cycles delivered: a
     *                   finding whose fix is one of them is answered already
     * @param taskNumber the number of the task this pick starts (1 for the first)
     */
    public PickedTask pick(Snapshot snapshot, LatestAnalysis latest, Set<String> handled, Set<String> delivered,
                           long taskNumber) {
        List<String> notes = new ArrayList<>();
        if (latest.isEmpty()) {
            return new PickedTask(TaskInfo.none(latest.readProblem() != null
                    ? "The analysis rows could not be read: " + latest.readProblem()
                    : "No analysis rows yet: the analysis worker has not written an ok row, so there is no finding to work on."),
                    null, notes);
        }
        if (latest.hotspotsNote() != null) {
            notes.add("Priority without hotspots: " + latest.hotspotsNote() + ".");
        }
        List<Candidate> candidates = withUnlisted(latest.candidates(), snapshot, latest, notes);
        int withoutFile = 0;
        int handledBefore = 0;
        int checked = 0;
        int refusals = 0;
        List<String> gone = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        Refused refused = null;
        boolean stoppedEarly = false;
        Map<String, List<String>> refusedByRule = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Finding finding = candidate.finding();
            if (refused != null && candidate.priority() < refused.priority()) {
                break; // candidates come by priority: none further beats the refused one as a change by hand
            }
            if (finding.file() == null) {
                withoutFile++;
                continue;
            }
            if (handled.contains(finding.id())) {
                handledBefore++;
                continue;
            }
            if (checked == maxChecks) {
                notes.add("Stopped after re-checking " + Plural.of(maxChecks, "candidate")
                        + " at HEAD (autocoder.implementation.max-presence-checks).");
                stoppedEarly = true;
                break;
            }
            checked++;
            TaskInfo task = task(candidate, taskNumber);
            Presence now = presence.check(snapshot, task, latest);
            if (!now.present()) {
                gone.add(finding.rule() + " at " + finding.file() + ": " + now.how());
                continue;
            }
            if (candidate.delivery() == TaskPriority.Delivery.MECHANICAL) {
                FixOutcome outcome = propose(snapshot, finding, now);
                String refusal = refusal(outcome);
                if (refusal == null && delivered.contains(PatchIdentity.of(outcome.patch().unifiedDiff()))) {
                    checked--;
                    answered.add(finding.rule() + " at " + finding.file() + ":" + now.line());
                    continue;
                }
                if (refusal != null) {
                    // a refusal does not use up the re-check budget, or one rule the fix keeps refusing (32
                    // PreserveStackTrace on project exceptions, say) would hide the fixable findings after it
                    checked--;
                    if (++refusals > MAX_REFUSALS_PER_CHECK * maxChecks) {
                        notes.add("Stopped after " + Plural.of(refusals - 1, "finding") + " whose mechanical fix refused.");
                        stoppedEarly = true;
                        break;
                    }
                    double asByHand = candidate.priority() / TaskPriority.deliverabilityFactor(candidate.delivery())
                            * TaskPriority.deliverabilityFactor(latest.deliveryWithoutMechanicalFix());
                    refusedByRule.computeIfAbsent(finding.rule(), rule -> new ArrayList<>())
                            .add(finding.file() + ":" + now.line() + " (its mechanical fix " + refusal + ")");
                    if (refused == null || asByHand > refused.priority()) {
                        refused = new Refused(candidate, task, now, asByHand, refusal);
                    }
                    continue;
                }
            }
            addNotes(notes, withoutFile, handledBefore, gone, answered);
            addRefusals(notes, refusedByRule);
            notes.add(why(candidate, latest));
            TaskInfo picked = task.at(now.line(), now.endLine());
            if (candidate.delivery() == TaskPriority.Delivery.BY_HAND) {
                picked = picked.withGrouped(sameChange(candidate, candidates, handled, snapshot, latest, taskNumber));
            }
            return new PickedTask(picked, now, notes);
        }
        addNotes(notes, withoutFile, handledBefore, gone, answered);
        addRefusals(notes, refusedByRule);
        if (refused != null) {
            notes.add(why(refused.candidate(), latest) + " As a change by hand its priority is " + refused.priority()
                    + ": its mechanical fix " + refused.reason() + (stoppedEarly
                    ? ", and no finding looked at before the search stopped ranks higher."
                    : ", and no finding the worker can fix ranks higher."));
            return new PickedTask(refused.task().at(refused.presence().line(), refused.presence().endLine()),
                    refused.presence(), notes);
        }
        long outOfScope = latest.outOfScope();
        String reason;
        if (candidates.isEmpty()) {
            reason = outOfScope > 0
                    ? "The latest analysis rows (" + String.join(", ", latest.rows().keySet()) + ") list only findings in "
                    + "generated or fixture code (" + outOfScope + "), which the worker never changes: nothing to work on."
                    : "The latest analysis rows (" + String.join(", ", latest.rows().keySet()) + ") list no findings: nothing to work on.";
        } else {
            reason = "None of the " + Plural.of(candidates.size(), "finding") + " of the latest analysis rows can be taken on: "
                    + handledBefore + " handled by earlier cycles, " + (answered.isEmpty() ? "" : answered.size()
                    + " answered by a patch an earlier cycle delivered, ") + gone.size() + " no longer present at HEAD, "
                    + withoutFile + " without a file" + (outOfScope > 0 ? " (and " + outOfScope
                    + " in generated or fixture code, never taken on)" : "") + ".";
        }
        return new PickedTask(TaskInfo.none(reason), null, notes);
    }

    /**
     * A row lists at most {@code max-findings-per-row} findings, most severe first, so on a large repository the
     * code-quality row may list none of the medium findings the worker can fix; PMD's result at HEAD (shared and
     * cached) still holds them, with the ids a row gives them.
     */
    private List<Candidate> withUnlisted(List<Candidate> listed, Snapshot snapshot, LatestAnalysis latest,
                                         List<String> notes) {
        Row quality = latest.row(CODE_QUALITY).orElse(null);
        if (quality == null || quality.findings().size() >= quality.issuesFound()) {
            return listed;
        }
        Set<String> ids = new HashSet<>();
        listed.forEach(c -> ids.add(c.finding().id()));
        List<Candidate> all = new ArrayList<>(listed);
        int added = 0;
        for (Finding finding : presence.fixableInMainCode(snapshot, latest::mechanical)) {
            if (ids.add(finding.id())) {
                all.add(latest.candidate(finding, CODE_QUALITY, snapshot.commit()));
                added++;
            }
        }
        if (added > 0) {
            notes.add("The " + CODE_QUALITY + " row lists " + quality.findings().size() + " of its "
                    + Plural.of(quality.issuesFound(), "finding") + "; " + added + " more in main code that "
                    + (added == 1 ? "has a mechanical fix comes" : "have a mechanical fix come") + " from PMD's result at HEAD.");
            all.sort(LatestAnalysis.PRIORITY_ORDER);
        }
        return all;
    }

    /**
     * The other findings of the picked one's rule and severity in its file (as a finding group on the dashboard),
     * present at HEAD and not taken on before, that a person changes in the same go: a repeated pattern (five
     * {@code os.system} calls of one module, each its own S605) is one change by hand, not five cycles. Findings that
     * state a measure (a complex function, a long method) are about their own unit and stay one task each, as are
     * findings a patch or the model answers one place at a time. At most {@code max-items-per-row} come along, in line
     * order; the rest are tasks of later cycles.
     */
    private List<GroupedFinding> sameChange(Candidate picked, List<Candidate> candidates, Set<String> handled,
                                            Snapshot snapshot, LatestAnalysis latest, long taskNumber) {
        Finding first = picked.finding();
        if (picked.measure() >= 0) {
            return List.of();
        }
        // candidates hold each finding once (LatestAnalysis and the unlisted ones are keyed by id)
        List<Candidate> sameGroup = candidates.stream().filter(other -> {
            Finding f = other.finding();
            return first.rule().equals(f.rule()) && first.severity() == f.severity() && first.file().equals(f.file())
                    && !f.id().equals(first.id()) && !handled.contains(f.id())
                    && other.delivery() == TaskPriority.Delivery.BY_HAND && other.measure() < 0;
        }).sorted(Comparator.comparingInt(c -> c.finding().lineOrZero())).toList();
        List<GroupedFinding> grouped = new ArrayList<>();
        for (Candidate other : sameGroup) {
            if (grouped.size() == maxGrouped) {
                break;
            }
            Presence now = presence.check(snapshot, task(other, taskNumber), latest);
            if (now.present()) {
                grouped.add(new GroupedFinding(other.finding().id(), now.line() != null ? now.line() : other.finding().line()));
            }
        }
        grouped.sort(Comparator.comparing(GroupedFinding::line, Comparator.nullsLast(Integer::compare)));
        return grouped;
    }

    /** One note per rule whose fix refused: how many findings, and the first of them with the reason. */
    private static void addRefusals(List<String> notes, Map<String, List<String>> refusedByRule) {
        refusedByRule.forEach((rule, places) -> notes.add("Passed over for now " + Plural.of(places.size(), rule + " finding")
                + " ranked as fixable, first " + places.get(0) + "."));
    }

    /** The mechanical fix proposed for the finding at HEAD; null when the finding has no line. */
    private FixOutcome propose(Snapshot snapshot, Finding finding, Presence now) {
        Integer line = now.line() != null ? now.line() : finding.line();
        return line == null ? null : fixes.propose(snapshot.root(), finding.file(), finding.rule(), line,
                now.line() != null ? now.endLine() : finding.endLine());
    }

    /** Null when the mechanical fix gave a verified patch, else why not. */
    private static String refusal(FixOutcome outcome) {
        if (outcome == null) {
            return "needs a line and the finding has none";
        }
        if (!outcome.fixable()) {
            return "refuses here (" + outcome.reason() + ")";
        }
        return outcome.proposedPatch().filter(p -> p.verification().ok()).isPresent() ? null
                : "made a patch that did not verify";
    }

    /** The priority of the picked finding, factor by factor. */
    static String why(Candidate candidate, LatestAnalysis latest) {
        Finding f = candidate.finding();
        double defect = TaskPriority.defectFactor(f);
        return "Priority " + candidate.priority() + " = severity " + f.severity().label() + " ("
                + dev.autocoder.workers.analysis.pmd.SeverityWeights.of(f.severity()) + ") × "
                + (defect > 1 ? "likely defect" : "maintainability advice") + " (" + defect + ") × scope " + f.scopeOrMain().label()
                + " (" + TaskPriority.scopeFactor(f.scopeOrMain()) + ") × deliverability " + candidate.delivery().label()
                + " (" + TaskPriority.deliverabilityFactor(candidate.delivery()) + ") × hotspot factor "
                + Math.round(latest.hotspotFactor(f.file()) * 10_000) / 10_000.0 + ".";
    }

    private static void addNotes(List<String> notes, int withoutFile, int handledBefore, List<String> gone,
                                 List<String> answered) {
        if (handledBefore > 0) {
            notes.add(Plural.of(handledBefore, "higher-priority finding") + " " + (handledBefore == 1 ? "was" : "were")
                    + " taken on by earlier cycles.");
        }
        if (!answered.isEmpty()) {
            notes.add(higherPriority(answered, "has", "have") + " the very patch an earlier cycle delivered: " + firstThree(answered));
        }
        if (withoutFile > 0) {
            notes.add(Plural.of(withoutFile, "finding") + " " + (withoutFile == 1 ? "names" : "name")
                    + " no file and cannot be changed.");
        }
        if (!gone.isEmpty()) {
            notes.add(higherPriority(gone, "is", "are") + " no longer present at HEAD: " + firstThree(gone));
        }
    }

    /** "1 higher-priority finding is", "3 higher-priority findings are". */
    private static String higherPriority(List<String> findings, String singularVerb, String pluralVerb) {
        return Plural.of(findings.size(), "higher-priority finding") + " " + (findings.size() == 1 ? singularVerb : pluralVerb);
    }

    /** The first three places, "; …" when there are more, and a full stop. */
    private static String firstThree(List<String> places) {
        return String.join("; ", places.subList(0, Math.min(3, places.size()))) + (places.size() > 3 ? "; …" : "") + ".";
    }

    static TaskInfo task(Candidate candidate, long taskNumber) {
        Finding f = candidate.finding();
        return new TaskInfo("task-" + taskNumber + "-" + f.id(), f.id(), f.rule(), f.category(), f.severity().label(),
                f.file(), f.line(), f.endLine(), f.message(), candidate.perspective(), candidate.commit(),
                candidate.priority(), candidate.hotspotRank(), TaskInfo.ACTIVE, null, List.of());
    }
}
