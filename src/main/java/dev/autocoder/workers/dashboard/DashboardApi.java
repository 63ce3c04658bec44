package dev.autocoder.workers.dashboard;

import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The JSON API: what each /api route answers, built from the live view; the route writes it. */
@Component("dashboardApi")
class DashboardApi {

    static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A task id as the implementation worker makes them ({@code task-3-ccec4636ad646687}): no dot, slash or space. */
    static final Pattern TASK_ID = Pattern.compile("task-[0-9]{1,18}-[A-Za-z0-9_-]{1,100}");
    static final String PATCH_SUFFIX = ".patch";

    private final DashboardView view;
    private final DashboardProperties properties;
    private final CsrfTokens csrf;

    public DashboardApi(DashboardView view, DashboardProperties properties, CsrfTokens csrf) {
        this.view = view;
        this.properties = properties;
        this.csrf = csrf;
    }

    /** GET /api/status: the overview, cheap enough to poll often. */
    public ApiAnswer status() {
        List<WorkerView> workers = view.workers();
        SystemStatus system = view.system(workers);
        DashboardView.AnalyzedRepository target = view.target(workers);
        Instant now = view.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", system.level());
        body.put("label", system.label());
        body.put("workers_up", system.workersUp());
        body.put("workers_total", system.workersTotal());
        body.put("started_at", view.startedAt().toString());
        body.put("uptime_seconds", Duration.between(view.startedAt(), now).toSeconds());
        body.put("repository", target.repository());
        body.put("commit", target.commit());
        body.put("workers", workers.stream().map(w -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("worker", w.worker());
            line.put("state", w.state());
            line.put("up", w.up());
            line.put("iterations", w.iterations());
            line.put("last_updated", w.lastUpdated() == null ? null : w.lastUpdated().toString());
            return line;
        }).toList());
        body.put("source", view.source());
        body.put("datasets", view.publishing().stream().map(p -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("dataset", p.dataset());
            line.put("repo_id", p.repoId());
            line.put("url", p.url());
            line.put("state", p.state());
            line.put("detail", p.detail());
            line.put("pending_rows", p.pendingRows());
            line.put("last_commit_at", p.lastCommitAt() == null ? null : p.lastCommitAt().toString());
            line.put("next_attempt_at", p.nextAttemptAt() == null ? null : p.nextAttemptAt().toString());
            return line;
        }).toList());
        body.put("store", Map.of("repaired_lines", view.repairedLines()));
        body.put("updated_at", now.toString());
        return ApiAnswer.ok(body);
    }

    /** GET /api/workers. */
    public ApiAnswer workers() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workers", view.workers());
        body.put("updated_at", view.now().toString());
        return ApiAnswer.ok(body);
    }

    /** GET /api/workers/{id}: status, insights and the latest row. */
    public ApiAnswer worker(String id) {
        return worker(id, TargetChoice.none(false));
    }

    /** The same over one target's rows ({@code ?target=}; with the single target, every row). */
    public ApiAnswer worker(String id, TargetChoice target) {
        Optional<WorkerView> worker = view.worker(id, target.filter());
        if (worker.isEmpty()) {
            return unknown(id);
        }
        WorkerAggregate aggregate = view.aggregate(id, target.filter()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        if (target.id() != null) {
            body.put("target_id", target.id());
        }
        body.put("worker", worker.get());
        body.put("insights", WorkerInsights.of(aggregate, worker.get().perspectives(), properties.getTopFindings()));
        body.put("latest_row", aggregate.lastRow());
        body.put("latest_plan", latestPlan(id, aggregate));
        body.put("verified_patches", aggregate.verifiedPatches().stream().map(p -> patchLine(id, p)).toList());
        body.put("updated_at", view.now().toString());
        return ApiAnswer.ok(body);
    }

    /** The newest plan, with the link to its patch when the .patch endpoint serves one for its task. */
    private static Map<String, Object> latestPlan(String worker, WorkerAggregate aggregate) {
        LatestPlan plan = aggregate.latestPlan();
        if (plan == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", plan.taskId());
        body.put("file", plan.file());
        body.put("rule", plan.rule());
        body.put("description", plan.description());
        body.put("plan_steps", plan.steps());
        body.put("diff", plan.diff());
        body.put("code", plan.code());
        body.put("code_scope", plan.codeScope());
        body.put("verified", plan.verified());
        body.put("verification", plan.verification());
        body.put("source", plan.source());
        body.put("commit", plan.commit());
        body.put("iteration", plan.iteration());
        body.put("patch_url", plan.verified() && aggregate.verifiedPatch(plan.taskId()).isPresent() ? patchHref(worker, plan.taskId()) : null);
        return body;
    }

    private static Map<String, Object> patchLine(String worker, VerifiedPatch patch) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("task_id", patch.taskId());
        line.put("file", patch.file());
        line.put("rule", patch.rule());
        line.put("description", patch.description());
        line.put("verification", patch.verification());
        line.put("source", patch.source());
        line.put("commit", patch.commit());
        line.put("iteration", patch.iteration());
        line.put("timestamp", patch.timestamp());
        line.put("patch_url", patchHref(worker, patch.taskId()));
        return line;
    }

    static String patchHref(String worker, String taskId) {
        return "/api/workers/" + URLEncoder.encode(worker, StandardCharsets.UTF_8)
                + "/patches/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8) + PATCH_SUFFIX;
    }

    /**
     * GET /api/workers/{id}/patches/{task_id}.patch: the verified patch of the task, from the worker's aggregate
     * (the newest {@code patches-kept}); the name is checked against {@link #TASK_ID} before anything looks it up.
     */
    public PatchAnswer patch(String id, String name) {
        if (view.worker(id).isEmpty()) {
            return PatchAnswer.failed(unknown(id));
        }
        String taskId = name != null && name.endsWith(PATCH_SUFFIX) ? name.substring(0, name.length() - PATCH_SUFFIX.length()) : null;
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            return PatchAnswer.failed(ApiAnswer.error(404, "no such patch: a patch is named <task_id>.patch, "
                    + "e.g. task-3-ccec4636ad646687.patch"));
        }
        return view.aggregate(id).orElseThrow().verifiedPatch(taskId)
                .map(p -> new PatchAnswer(null, p.patch(), taskId + PATCH_SUFFIX))
                .orElseGet(() -> PatchAnswer.failed(ApiAnswer.error(404, "no verified patch for task '" + taskId
                        + "' (unknown task, a plan without a verified patch, or older than the newest "
                        + properties.getPatchesKept() + " patches)")));
    }

    /** GET /api/workers/{id}/rows?limit=N: the newest rows first; N is capped at max-rows-limit. */
    public ApiAnswer rows(String id, String limitText) {
        return rows(id, limitText, TargetChoice.none(false));
    }

    /** The same over one target's rows ({@code ?target=}; with the single target, every row). */
    public ApiAnswer rows(String id, String limitText, TargetChoice target) {
        if (view.worker(id).isEmpty()) {
            return unknown(id);
        }
        BigInteger requested;
        try {
            // any size of number: one past the int range is capped like any other large limit
            requested = limitText == null || limitText.isBlank() ? BigInteger.valueOf(20) : new BigInteger(limitText.strip());
        } catch (NumberFormatException e) {
            return ApiAnswer.error(400, "limit must be a whole number from 1 to " + properties.getMaxRowsLimit());
        }
        if (requested.signum() < 1) {
            return ApiAnswer.error(400, "limit must be a whole number from 1 to " + properties.getMaxRowsLimit());
        }
        int limit = requested.min(BigInteger.valueOf(properties.getMaxRowsLimit())).intValueExact();
        RecentRows recent = view.aggregate(id, target.filter()).orElseThrow().recentRows();
        Map<String, Object> body = new LinkedHashMap<>();
        if (target.id() != null) {
            body.put("target_id", target.id());
        }
        body.put("worker", id);
        body.put("limit", limit);
        body.put("rows", recent.newestAsJson(limit));
        return ApiAnswer.ok(body);
    }

    static ApiAnswer unknown(String id) {
        return ApiAnswer.error(404, id != null && PRINTABLE_ID.matcher(id).matches()
                ? "unknown worker '" + id + "'" : "unknown worker");
    }

    /** GET /api/csrf: a form token for scripts on this machine when no admin token is configured. */
    public ApiAnswer csrf() {
        return ApiAnswer.ok(Map.of("field", AdminGuard.CSRF_FIELD, "token", csrf.issue()));
    }

    /** The answer to a request that failed inside a route (the cause is logged, never sent). */
    public ApiAnswer internalError() {
        return ApiAnswer.error(500, "internal error");
    }
}
