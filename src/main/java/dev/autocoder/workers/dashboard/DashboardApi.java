package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.worker.Row;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The JSON API: what each /api route answers, built from the live view; the route writes it. */
@Component("dashboardApi")
public class DashboardApi {

    static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
        DashboardView.Target target = view.target(workers);
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
        Optional<WorkerView> worker = view.worker(id);
        if (worker.isEmpty()) {
            return unknown(id);
        }
        WorkerAggregate aggregate = view.aggregate(id).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("worker", worker.get());
        body.put("insights", WorkerInsights.of(aggregate, worker.get().perspectives(), properties.getTopFindings()));
        body.put("latest_row", aggregate.lastRow());
        body.put("updated_at", view.now().toString());
        return ApiAnswer.ok(body);
    }

    /** GET /api/workers/{id}/rows?limit=N: the newest rows first; N is capped at max-rows-limit. */
    public ApiAnswer rows(String id, String limitText) {
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
        List<Row> recent = view.aggregate(id).orElseThrow().recentRows();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("worker", id);
        body.put("limit", limit);
        body.put("rows", recent.subList(0, Math.min(limit, recent.size())));
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
