package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.row.FindingCounts;
import dev.autocoder.workers.dashboard.PageModels.DashboardPage;
import dev.autocoder.workers.dashboard.PageModels.DiffLine;
import dev.autocoder.workers.dashboard.PageModels.PatchLine;
import dev.autocoder.workers.dashboard.PageModels.PlanPart;
import dev.autocoder.workers.dashboard.PageModels.FindingSection;
import dev.autocoder.workers.dashboard.PageModels.InsightsPart;
import dev.autocoder.workers.dashboard.PageModels.Message;
import dev.autocoder.workers.dashboard.PageModels.NameValue;
import dev.autocoder.workers.dashboard.PageModels.PerspectiveLine;
import dev.autocoder.workers.dashboard.PageModels.PublishLine;
import dev.autocoder.workers.dashboard.PageModels.Result;
import dev.autocoder.workers.dashboard.PageModels.RowLine;
import dev.autocoder.workers.dashboard.PageModels.StatusPart;
import dev.autocoder.workers.dashboard.PageModels.WorkerDetailsPart;
import dev.autocoder.workers.dashboard.PageModels.WorkerInsightsPart;
import dev.autocoder.workers.dashboard.PageModels.WorkerLine;
import dev.autocoder.workers.dashboard.PageModels.WorkerPage;
import dev.autocoder.workers.dashboard.PageModels.WorkerStatusPart;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.target.ListedTarget;
import org.springframework.stereotype.Component;

import dev.autocoder.workers.gate.GatePanel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML pages and the fragments the pages reload: the dashboard ({@code /}), a worker's page
 * ({@code /workers/{id}}), and error pages. The models are built here, the markup is in the templates.
 */
@Component("dashboardPages")
class Pages {

    private static final int RECENT_ROWS = 15;
    /** Verified patches listed per worker, newest first (the API lists every kept one). */
    static final int RECENT_PATCHES = 10;

    private final DashboardView view;
    private final DashboardProperties properties;
    private final Templates templates;
    private final CsrfTokens csrf;
    /** Insights (with their charts) of the latest aggregate of each worker: they change only when a row is written. */
    private final Map<String, CachedInsights> insights = new ConcurrentHashMap<>();
    private final Map<String, CachedResult> results = new ConcurrentHashMap<>();
    private final GatePanel gatePanel;

    private final TargetParameter targets;

    public Pages(DashboardView view, DashboardProperties properties, Templates templates, CsrfTokens csrf,
                 GatePanel gatePanel, TargetParameter targets) {
        this.targets = targets;
        this.gatePanel = gatePanel;
        this.view = view;
        this.properties = properties;
        this.templates = templates;
        this.csrf = csrf;
    }

    /** GET / (every target's rows, or one target's with {@code ?target=}). */
    public Page dashboard() {
        return dashboard(TargetChoice.none(false));
    }

    public Page dashboard(TargetChoice target) {
        List<WorkerView> workers = view.workers(target.filter());
        List<PageModels.PickerLine> picker = picker(target);
        DashboardPage page = new DashboardPage("Autocoder Workers", properties.getStatusRefresh().toMillis(),
                properties.getInsightsRefresh().toMillis(), ReadableTimes.human(properties.getStatusRefresh()),
                ReadableTimes.human(properties.getInsightsRefresh()), statusPart(workers, target),
                gatePart(target), insightsPart(workers, target), target.query(),
                picker, !picker.isEmpty());
        return new Page(200, templates.render("dashboard", page));
    }

    /** The repository picker: with a list of targets, "All targets" and each target, the shown one selected. */
    private List<PageModels.PickerLine> picker(TargetChoice target) {
        if (!target.fleet()) {
            return List.of();
        }
        List<PageModels.PickerLine> lines = new ArrayList<>();
        lines.add(new PageModels.PickerLine("All targets", "/", "", target.id() == null));
        for (ListedTarget listed : targets.listed()) {
            lines.add(new PageModels.PickerLine(listed.repository(), "/" + new TargetChoice(listed.id(), true, 200, null).query(),
                    listed.id(), listed.id().equals(target.id())));
        }
        return lines;
    }

    /** GET /fragments/status: the overview and the worker table. */
    public Page statusFragment(TargetChoice target) {
        return new Page(200, templates.render("status", statusPart(view.workers(target.filter()), target)));
    }

    /** GET /fragments/gate: the quality gate and new against overall findings per perspective. */
    public Page gateFragment(TargetChoice target) {
        return new Page(200, templates.render("gate", gatePart(target)));
    }

    /** One target's gate, the single target's, or with a list of targets and none picked, the fleet's. */
    private GatePanel.GatePart gatePart(TargetChoice target) {
        if (target.everyTarget()) {
            return gatePanel.fleetPart(targets.repositories());
        }
        return gatePanel.part(target.filter(), target.query());
    }

    /** GET /fragments/insights: insights, charts and findings of every worker. */
    public Page insightsFragment(TargetChoice target) {
        return new Page(200, templates.render("insights", insightsPart(view.workers(target.filter()), target)));
    }

    /** GET /workers/{id} (its rows on one target with {@code ?target=}). */
    public Page workerPage(String id, TargetChoice target) {
        Optional<WorkerView> worker = view.worker(id, target.filter());
        if (worker.isEmpty()) {
            return notFound(unknownWorker(id));
        }
        String query = target.query();
        String repository = target.filter() == null ? "" : targets.repositories().getOrDefault(target.filter(), target.filter());
        WorkerPage page = new WorkerPage("Worker " + id + (repository.isEmpty() ? "" : " on " + repository) + " · Autocoder Workers", id,
                properties.getStatusRefresh().toMillis(), properties.getInsightsRefresh().toMillis(),
                ReadableTimes.human(properties.getStatusRefresh()), ReadableTimes.human(properties.getInsightsRefresh()),
                csrf.issue(), properties.hasAdminToken(), href(id), fragments(id) + "/status" + query,
                fragments(id) + "/details" + query, worker.get().remote(), workerStatus(worker.get(), target),
                workerDetails(worker.get(), target), "/" + query, query, controlsScope(target, repository), repository);
        return new Page(200, templates.render("worker", page));
    }

    /** What the controls act on, in words: with a list of targets, the picked one or every one. */
    private static String controlsScope(TargetChoice target, String repository) {
        if (!target.fleet()) {
            return "";
        }
        if (target.filter() == null) {
            return "They act on every repository of the list; pick one on the dashboard to act on it alone.";
        }
        return "They act on " + repository + " only; the worker goes on on the other repositories.";
    }

    /** GET /fragments/workers/{id}/status. */
    public Page workerStatusFragment(String id, TargetChoice target) {
        return view.worker(id, target.filter()).map(w -> new Page(200, templates.render("worker-status", workerStatus(w, target))))
                .orElseGet(() -> notFound(unknownWorker(id)));
    }

    /** GET /fragments/workers/{id}/details. */
    public Page workerDetailsFragment(String id, TargetChoice target) {
        return view.worker(id, target.filter()).map(w -> new Page(200, templates.render("worker-details", workerDetails(w, target))))
                .orElseGet(() -> notFound(unknownWorker(id)));
    }

    /** The page a refused {@code ?target=} gets (400 not a target id, 404 unknown). */
    public Page targetRefused(TargetChoice target) {
        return message(target.status(), target.status() == 404 ? "Not found" : "Bad request", target.error());
    }

    public Page notFound(String message) {
        return message(404, "Not found", message);
    }

    public Page conflict(String message) {
        return message(409, "Not here", message);
    }

    public Page message(int status, String title, String message) {
        return new Page(status, templates.render("message", new Message(title, Integer.toString(status), message, "/")));
    }

    /** The page a form gets back when it was refused (the reason, a link back to the worker). */
    public Page refused(Caller caller, String worker) {
        String back = view.worker(worker).isPresent() ? href(worker) : "/";
        return new Page(caller.status(), templates.render("message", new Message(
                caller.status() == 401 ? "Admin token required" : "Not allowed",
                Integer.toString(caller.status()), caller.reason(), back)));
    }

    private StatusPart statusPart(List<WorkerView> workers, TargetChoice choice) {
        Instant now = view.now();
        List<PublishLine> publishing = view.publishing().stream().map(p -> new PublishLine(p.dataset(), p.url(),
                p.url() != null, p.state(), p.detail(), p.detail() != null, p.pendingRows(),
                p.lastCommitAt() == null ? "never" : ReadableTimes.absolute(p.lastCommitAt()))).toList();
        SystemStatus system = view.system(workers);
        // every target of a list together has no one repository and commit: say how many it is
        int listed = choice.everyTarget() ? targets.known().size() : 0;
        DashboardView.AnalyzedRepository target = listed > 0
                ? new DashboardView.AnalyzedRepository(listed + (listed == 1 ? " repository" : " repositories") + " (pick one above)", "—")
                : view.target(workers, choice.filter());
        return new StatusPart(system.level().label(), system.label(), ReadableTimes.absolute(view.startedAt()),
                ReadableTimes.human(Duration.between(view.startedAt(), now)), target.repository(),
                target.commit() == null ? "unknown" : target.commit(),
                workers.stream().map(w -> line(w, now, choice.query())).toList(), !workers.isEmpty(), ReadableTimes.clock(now), now.toString(),
                view.source(), !publishing.isEmpty(), publishing, view.repairedLines(), view.repairedLines() > 0);
    }

    private InsightsPart insightsPart(List<WorkerView> workers, TargetChoice target) {
        Instant now = view.now();
        List<WorkerInsightsPart> parts = new ArrayList<>();
        for (WorkerView worker : workers) {
            view.aggregate(worker.worker(), target.filter()).ifPresent(a -> parts.add(insights(worker, a, target.query())));
        }
        return new InsightsPart(parts, !parts.isEmpty(), ReadableTimes.clock(now), now.toString());
    }

    private WorkerStatusPart workerStatus(WorkerView worker, TargetChoice target) {
        Instant now = view.now();
        return new WorkerStatusPart(line(worker, now, target.query()), ReadableTimes.clock(now), now.toString());
    }

    private WorkerDetailsPart workerDetails(WorkerView worker, TargetChoice target) {
        Instant now = view.now();
        WorkerAggregate aggregate = view.aggregate(worker.worker(), target.filter())
                .orElse(WorkerAggregate.empty(worker.worker(), worker.dataset()));
        CachedResult cached = results.get(worker.worker());
        if (cached == null || cached.aggregate() != aggregate) {
            Row last = aggregate.lastRow();
            cached = new CachedResult(aggregate, last == null ? null : result(last), plan(worker.worker(), aggregate),
                    aggregate.recentRows().newest(RECENT_ROWS).stream().map(Pages::rowLine).toList());
            results.put(worker.worker(), cached);
        }
        return new WorkerDetailsPart(cached.latest() != null, cached.latest(), cached.plan() != null, cached.plan(),
                !cached.rows().isEmpty(), cached.rows(), worker.reportsFindings(), insights(worker, aggregate, target.query()),
                ReadableTimes.clock(now), now.toString());
    }

    private static WorkerLine line(WorkerView w, Instant now, String query) {
        return new WorkerLine(w.worker(), href(w.worker()) + query, w.state().label(), w.iterations(),
                orDash(w.currentPerspective()), orDash(w.nextPerspective()), w.iterating(), w.runPending(),
                ReadableTimes.ago(w.lastUpdated(), now), ReadableTimes.absolute(w.lastUpdated()),
                w.lastUpdated() == null ? "" : w.lastUpdated().toString(), w.up(), w.health(), w.lastError() != null,
                w.lastError() == null ? "" : w.lastError(), w.lastErrorIteration() == null ? "" : "#" + w.lastErrorIteration(),
                ReadableTimes.human(Duration.ofMillis(w.periodMs())), String.join(" → ", w.perspectives()));
    }

    private WorkerInsightsPart insights(WorkerView worker, WorkerAggregate aggregate, String query) {
        // keyed by the query as well: the part's links carry it
        String key = worker.worker() + query;
        CachedInsights cached = insights.get(key);
        if (cached != null && cached.aggregate() == aggregate) {
            return cached.part();
        }
        WorkerInsightsPart part = buildInsights(worker, aggregate, query);
        insights.put(key, new CachedInsights(aggregate, part));
        return part;
    }

    private record CachedInsights(WorkerAggregate aggregate, WorkerInsightsPart part) {
    }

    private record CachedResult(WorkerAggregate aggregate, Result latest, PlanPart plan, List<RowLine> rows) {
    }

    private static PlanPart plan(String worker, WorkerAggregate aggregate) {
        LatestPlan plan = aggregate.latestPlan();
        if (plan == null) {
            return null;
        }
        List<DiffLine> diff = plan.diff() == null ? List.of() : diffLines(plan.diff());
        boolean hasPatch = plan.verified() && aggregate.verifiedPatch(plan.taskId()).isPresent();
        String verification = plan.verification() != null ? plan.verification()
                : plan.diff() == null ? "No patch: the plan gives the steps only." : "";
        String source = patchSource(plan.source());
        return new PlanPart(plan.taskId(), orDash(plan.file()), orDash(plan.rule()), orDash(plan.description()),
                plan.steps(), !plan.steps().isEmpty(), plan.verified(), plan.verified() ? "verified" : "not verified",
                verification, source, !source.isEmpty(),
                plan.commit() == null ? "unknown" : plan.commit(), !diff.isEmpty(), diff, plan.code() != null,
                plan.code() == null ? "" : plan.code(), orDash(plan.codeScope()), hasPatch,
                hasPatch ? DashboardApi.patchHref(worker, plan.taskId()) : "");
    }

    /** How the plan's patch was made ({@code code_changes.source}, README "Rows"), in words; "" for a plan without one. */
    private static String patchSource(String source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case "mechanical" -> "patch made mechanically (syntax-tree edit or the linter's safe fix)";
            case "model" -> "patch written by the language model";
            case "none" -> "";
            default -> "patch source " + source;
        };
    }

    /** The diff's lines, each with its kind, a newline kept at the end of each so the block copies as a diff. */
    static List<DiffLine> diffLines(String diff) {
        List<DiffLine> lines = new ArrayList<>();
        String text = diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
        boolean inHunk = false;
        for (String line : text.split("\n", -1)) {
            String kind;
            if (line.startsWith("@@")) {
                kind = "hunk";
                inHunk = true;
            } else if (!inHunk || line.startsWith("\\")) {
                kind = "meta";
            } else if (line.startsWith("+")) {
                kind = "add";
            } else if (line.startsWith("-")) {
                kind = "del";
            } else {
                kind = "context";
            }
            lines.add(new DiffLine(kind, line + "\n"));
        }
        return lines;
    }

    private WorkerInsightsPart buildInsights(WorkerView worker, WorkerAggregate aggregate, String query) {
        WorkerInsights insights = WorkerInsights.of(aggregate, worker.perspectives(), properties.getTopFindings());
        List<NameValue> totals = new ArrayList<>(List.of(
                new NameValue("Rows written", Long.toString(insights.rows()), ""),
                new NameValue("OK", Long.toString(insights.okRows()), "ok"),
                new NameValue("Errors", Long.toString(insights.errorRows()), insights.errorRows() > 0 ? "error" : ""),
                new NameValue("Skipped", Long.toString(insights.skippedRows()), "")));
        if (worker.reportsFindings()) {
            totals.addAll(List.of(
                    new NameValue("Open findings (main code)", Integer.toString(insights.openFindings()), "open-findings"),
                    new NameValue("New findings (all time)", Long.toString(insights.newFindings()), ""),
                    new NameValue("Resolved findings (all time)", Long.toString(insights.resolvedFindings()), "")));
        }
        List<NameValue> bySeverity = insights.findingsBySeverity().entrySet().stream()
                .map(e -> new NameValue(e.getKey(), Integer.toString(e.getValue()), "severity-" + e.getKey())).toList();
        int severityTotal = insights.findingsBySeverity().values().stream().mapToInt(Integer::intValue).sum();
        String severityNote = insights.countsComplete() ? "" : "Counted from the listed findings only ("
                + severityTotal + " of " + insights.openFindings() + "): older results list at most the most severe findings.";
        List<NameValue> byScope = insights.findingsByScope().entrySet().stream()
                .filter(e -> e.getValue() > 0 || Scope.MAIN.label().equals(e.getKey()))
                .map(e -> new NameValue(FindingSections.title(Scope.of(e.getKey())), Integer.toString(e.getValue()),
                        "scope-" + e.getKey())).toList();
        List<PerspectiveLine> perspectives = insights.perspectives().stream().map(p -> new PerspectiveLine(p.id(), p.name(),
                p.rows(), p.qualityScore() == null ? "—" : String.format(Locale.ROOT, "%.2f", p.qualityScore()),
                p.openFindings(), p.truncated(), p.findingsByScope().entrySet().stream()
                        .filter(e -> !Scope.MAIN.label().equals(e.getKey())).mapToInt(Map.Entry::getValue).sum(),
                orDash(p.latestStatus()))).toList();
        List<NameValue> counters = new ArrayList<>();
        for (Map.Entry<String, Double> counter : insights.counters().entrySet()) {
            counters.add(new NameValue(counterLabel(counter.getKey()), number(counter.getValue()), ""));
        }
        List<FindingSection> findings = FindingSections.of(insights.findingScopes(), insights.topFindingGroups(), true);
        List<PatchLine> patches = aggregate.verifiedPatches().stream().limit(RECENT_PATCHES)
                .map(p -> patchLine(worker.worker(), p)).toList();
        int kept = aggregate.verifiedPatches().size();
        String patchesNote = kept > patches.size() ? "The newest " + patches.size() + " of " + kept
                + " kept; all of them are listed by /api/workers/" + worker.worker() + "." : "";
        return new WorkerInsightsPart(worker.worker(), href(worker.worker()) + query, totals, worker.reportsFindings(),
                bySeverity, !severityNote.isEmpty(), severityNote, byScope, perspectives, !counters.isEmpty(), counters,
                !findings.isEmpty(), findings, Charts.qualityScores(aggregate, worker.perspectives()),
                worker.reportsFindings() ? Charts.openFindings(aggregate) : null, !patches.isEmpty(), patches, patchesNote);
    }

    private static PatchLine patchLine(String worker, VerifiedPatch patch) {
        Instant at = patch.timestamp() == null ? null : WorkerAccumulator.instantOf(patch.timestamp());
        return new PatchLine(patch.taskId(), orDash(patch.file()), orDash(patch.rule()), orDash(patch.verification()),
                at == null ? "—" : ReadableTimes.absolute(at), patch.commit().length() > 12 ? patch.commit().substring(0, 12) : patch.commit(),
                DashboardApi.patchHref(worker, patch.taskId()));
    }

    private Result result(Row row) {
        FindingCounts counts = FindingCounts.of(row);
        Map<String, Integer> byScope = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            byScope.put(scope.label(), counts.total(scope));
        }
        WorkerInsights.Grouped grouped = WorkerInsights.grouped(PerspectiveAggregate.groupsOf(row).stream()
                .map(g -> WorkerInsights.TopFindingGroup.of(row.perspectiveId(), row.perspectiveName(), g)).toList(),
                byScope, properties.getTopFindings());
        List<FindingSection> findings = FindingSections.of(grouped.scopes(), grouped.shown(), false);
        List<NameValue> metrics = new ArrayList<>();
        for (Metric metric : row.metrics()) {
            metrics.add(new NameValue(metric.name(), number(metric.value()), ""));
        }
        return new Result(orDash(row.perspectiveName()), row.iteration(), row.status() == null ? "—" : row.status().label(),
                ReadableTimes.absolute(WorkerAccumulator.instantOf(row)), orDash(row.summary()),
                row.reason() != null && !row.reason().isBlank(), row.reason() == null ? "" : row.reason(),
                row.error() != null && !row.error().isBlank(), row.error() == null ? "" : row.error(),
                row.qualityScore() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.qualityScore()),
                findings, !findings.isEmpty(), row.issuesFound(), row.recommendations(),
                !row.recommendations().isEmpty(), metrics, !metrics.isEmpty());
    }

    private static RowLine rowLine(Row row) {
        String summary = row.summary() == null ? "" : row.summary();
        return new RowLine(row.iteration(), ReadableTimes.absolute(WorkerAccumulator.instantOf(row)), orDash(row.perspectiveId()),
                row.status() == null ? "—" : row.status().label(),
                row.qualityScore() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.qualityScore()),
                row.issuesFound(), row.newFindings() == null ? "—" : row.newFindings().toString(),
                ReadableTimes.human(Duration.ofMillis(row.durationMs())),
                summary.length() > 160 ? summary.substring(0, 157) + "..." : summary);
    }

    /** "cumulative_progress.tests_written" → "tests written (cumulative progress)". */
    static String counterLabel(String key) {
        int dot = key.indexOf('.');
        String group = dot < 0 ? key : key.substring(0, dot);
        String field = dot < 0 ? key : key.substring(dot + 1);
        return field.replace('_', ' ').replace('.', ' ') + " (" + group.replace('_', ' ') + ")";
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    static String fragments(String worker) {
        return "/fragments/workers/" + URLEncoder.encode(worker, StandardCharsets.UTF_8);
    }

    static String href(String worker) {
        return "/workers/" + URLEncoder.encode(worker, StandardCharsets.UTF_8);
    }

    private static String unknownWorker(String id) {
        return "There is " + (id != null && DashboardApi.PRINTABLE_ID.matcher(id).matches() ? "no worker '" + id + "'" : "no such worker")
                + " in this application.";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
