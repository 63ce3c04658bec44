package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.target.ListedTarget;
import dev.autocoder.workers.target.OwnedTargets;
import dev.autocoder.workers.target.TargetList;
import dev.autocoder.workers.worker.WorkerRegistry;
import dev.autocoder.workers.worker.WorkerState;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet overview and the repository picker: one line per target (status, score, findings by severity, last
 * row), and one target's workers when the request names it ({@code ?target=<target_id>}). Lines come from the
 * per-target aggregates ({@link Aggregates#of(String, String)}); with the single target there is one line.
 */
@Component("fleetOverview")
class FleetOverview {

    /** The worker whose rows give a target its score and findings. */
    static final String SCORED_WORKER = "analysis";

    private final TargetList targets;
    private final TargetRepository singleTarget;
    private final OwnedTargets owned;
    private final WorkerRegistry registry;
    private final Aggregates aggregates;
    private final Templates templates;
    private final WorkerControl control;

    public FleetOverview(TargetList targets, TargetRepository singleTarget, OwnedTargets owned, WorkerRegistry registry,
                         Aggregates aggregates, Templates templates, WorkerControl control) {
        this.control = control;
        this.targets = targets;
        this.singleTarget = singleTarget;
        this.owned = owned;
        this.registry = registry;
        this.aggregates = aggregates;
        this.templates = templates;
    }

    /** One target as the overview shows it. */
    public record TargetLine(String targetId, String repository, String status, boolean runHere, Double score,
                             Map<String, Integer> findings, LastRow lastRow, List<WorkerLine> workers) {

        public String href() {
            return "/fleet?target=" + targetId;
        }

        public String scoreText() {
            return score == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", score);
        }

        public List<Map.Entry<String, Integer>> severities() {
            return new ArrayList<>(findings.entrySet());
        }
    }

    /** The newest row of any worker on a target. */
    public record LastRow(String worker, long iteration, String perspectiveId, String status, String timestamp) {
    }

    /** A worker on one target: its rows, its last row, and each perspective's latest score and open findings. */
    public record WorkerLine(String worker, long rows, long iterations, LastRow lastRow, List<PerspectiveLine> perspectives) {
    }

    public record PerspectiveLine(String id, String name, Double score, int openFindings, String status) {
    }

    /** GET /api/fleet, and GET /api/fleet?target=...: the lines, or one target's line with its workers. */
    public ApiAnswer api(String target) {
        if (target == null || target.isBlank()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("targets", lines().stream().map(FleetOverview::withoutWorkers).toList());
            return ApiAnswer.ok(body);
        }
        if (!TargetIds.isWellFormed(target)) {
            return ApiAnswer.error(400, "target must be a target id, e.g. my-repository-0a1b2c3d");
        }
        return line(target).<ApiAnswer>map(ApiAnswer::ok)
                .orElseGet(() -> ApiAnswer.error(404, "unknown target '" + target + "'"));
    }

    /** GET /fleet: the page with the overview and, for ?target=..., that target's workers. */
    public Page page(String target) {
        return new Page(200, templates.render("fleet", model(target, true)));
    }

    /** GET /fragments/fleet: the same without the page around it. */
    public Page fragment(String target) {
        return new Page(200, templates.render("fleet-table", model(target, false)));
    }

    private Map<String, Object> model(String target, boolean page) {
        List<TargetLine> lines = lines();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Autocoder Workers — fleet");
        model.put("lines", lines);
        model.put("hasLines", !lines.isEmpty());
        boolean picked = target != null && TargetIds.isWellFormed(target);
        Optional<TargetLine> selected = picked ? lines.stream().filter(l -> l.targetId().equals(target)).findFirst() : Optional.empty();
        model.put("selected", selected.orElse(null));
        model.put("unknownTarget", target != null && !target.isBlank() && selected.isEmpty());
        model.put("fragmentUrl", "/fragments/fleet" + (selected.isPresent() ? "?target=" + selected.get().targetId() : ""));
        model.put("page", page);
        return model;
    }

    /** Every target, in configuration order (the single target when there is no list). */
    public List<TargetLine> lines() {
        List<TargetLine> lines = new ArrayList<>();
        if (targets.isFleet()) {
            for (ListedTarget target : targets.current()) {
                // run here when this process runs at least one of its workers on it (Kafka mode shares the pairs out)
                String id = target.id();
                boolean runHere = registry.all().stream().anyMatch(w -> owned.owns(w.definition().worker(), id));
                lines.add(line(id, target.repository(), runHere));
            }
        } else {
            lines.add(line(singleTarget.targetId(), singleTarget.displayName(), true));
        }
        return lines;
    }

    private Optional<TargetLine> line(String targetId) {
        return lines().stream().filter(l -> l.targetId().equals(targetId)).findFirst();
    }

    private TargetLine line(String targetId, String repository, boolean runHere) {
        List<WorkerLine> workers = new ArrayList<>();
        Row newest = null;
        boolean error = false;
        Double score = null;
        Map<String, Integer> findings = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            findings.put(severity.label(), 0);
        }
        for (WorkerState state : registry.all()) {
            String worker = state.definition().worker();
            Optional<WorkerAggregate> found = aggregates.of(worker, targetId);
            if (found.isEmpty()) {
                continue;
            }
            WorkerAggregate aggregate = found.get();
            List<PerspectiveLine> perspectives = new ArrayList<>();
            double scoreSum = 0;
            int scored = 0;
            for (PerspectiveAggregate perspective : aggregate.perspectives()) {
                perspectives.add(new PerspectiveLine(perspective.id(), perspective.name(), perspective.qualityScore(),
                        perspective.openFindings(), perspective.latest() == null ? null : perspective.latest().status().label()));
                if (SCORED_WORKER.equals(worker)) {
                    if (perspective.qualityScore() != null) {
                        scoreSum += perspective.qualityScore();
                        scored++;
                    }
                    FindingCounts counts = perspective.counts();
                    for (Severity severity : Severity.values()) {
                        findings.merge(severity.label(), counts.count(Scope.MAIN, severity), Integer::sum);
                    }
                }
            }
            if (SCORED_WORKER.equals(worker) && scored > 0) {
                score = Math.round(scoreSum / scored * 10_000) / 10_000.0;
            }
            Row last = aggregate.lastRow();
            if (last != null) {
                error |= last.status() == Status.ERROR;
                if (newest == null || last.timestamp().compareTo(newest.timestamp()) > 0) {
                    newest = last;
                }
            }
            workers.add(new WorkerLine(worker, aggregate.rows(), aggregate.iterations(), lastRow(last), perspectives));
        }
        String status = !runHere ? "elsewhere" : stoppedOn(targetId) ? "stopped" : newest == null ? "waiting" : error ? "error" : "ok";
        return new TargetLine(targetId, repository, status, runHere, score, findings, lastRow(newest), workers);
    }

    /** Every worker this process runs on the target is stopped there (or everywhere). */
    private boolean stoppedOn(String targetId) {
        String filter = targets.isFleet() ? targetId : null;
        List<String> runHere = registry.all().stream().filter(w -> !w.isRemote())
                .map(w -> w.definition().worker()).filter(w -> owned.owns(w, targetId)).toList();
        return !runHere.isEmpty() && runHere.stream().noneMatch(w -> control.isRunning(w, filter));
    }

    private static LastRow lastRow(Row row) {
        return row == null ? null : new LastRow(row.worker(), row.iteration(), row.perspectiveId(), row.status().label(), row.timestamp());
    }

    private static Map<String, Object> withoutWorkers(TargetLine line) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target_id", line.targetId());
        out.put("repository", line.repository());
        out.put("status", line.status());
        out.put("score", line.score());
        out.put("findings", line.findings());
        out.put("last_row", line.lastRow());
        return out;
    }
}
