package dev.autocoder.workers.dashboard;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * POST /workers/{id}/start, /stop and /run (with {@code ?target=}: on that target of the list only): checks the
 * caller's verdict from {@link AdminGuard}, acts through {@link WorkerControl}, and answers the page's form with a
 * redirect back to the worker's page (on the same target), a script with JSON.
 */
@Component("workerActions")
class WorkerActions {

    private final WorkerControl control;
    private final DashboardView view;
    private final Pages pages;

    public WorkerActions(WorkerControl control, DashboardView view, Pages pages) {
        this.control = control;
        this.view = view;
        this.pages = pages;
    }

    public ActionAnswer start(String worker, Caller caller, TargetChoice target) {
        return act(worker, caller, target, "start", () -> {
            control.start(worker, target.filter());
            return 200;
        });
    }

    public ActionAnswer stop(String worker, Caller caller, TargetChoice target) {
        return act(worker, caller, target, "stop", () -> {
            control.stop(worker, target.filter());
            return 200;
        });
    }

    /** 202: the iteration runs after the answer. */
    public ActionAnswer run(String worker, Caller caller, TargetChoice target) {
        return act(worker, caller, target, "run", () -> {
            control.runNow(worker, target.filter());
            return 202;
        });
    }

    private ActionAnswer act(String worker, Caller caller, TargetChoice target, String action,
                             java.util.function.IntSupplier change) {
        Optional<ActionAnswer> refusal = refusal(worker, caller, target, action);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        int status;
        try {
            status = change.getAsInt();
        } catch (FleetControlUnavailableException e) {
            return refused(caller, pages.message(503, "Not now", e.getMessage()), ApiAnswer.error(503, e.getMessage()));
        }
        if (caller.form()) {
            return ActionAnswer.redirectTo(Pages.href(worker) + target.query());
        }
        WorkerView now = view.worker(worker, target.filter()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("worker", worker);
        if (target.filter() != null) {
            body.put("target", target.filter());
        }
        body.put("action", action);
        body.put("state", now.state());
        body.put("run_pending", now.runPending());
        return ActionAnswer.answering(new ApiAnswer(status, body));
    }

    /** Why the action may not run: the caller, the target, the worker, or where the pair runs. */
    private Optional<ActionAnswer> refusal(String worker, Caller caller, TargetChoice target, String action) {
        if (!caller.allowed()) {
            return Optional.of(refused(caller, pages.refused(caller, worker), ApiAnswer.error(caller.status(), caller.reason())));
        }
        if (target.rejected()) {
            return Optional.of(refused(caller, pages.targetRefused(target), target.answer()));
        }
        Optional<WorkerView> found = view.worker(worker);
        if (found.isEmpty()) {
            return Optional.of(refused(caller, pages.notFound("There is no such worker in this application."),
                    DashboardApi.unknown(worker)));
        }
        if (found.get().remote()) {
            return Optional.of(conflict(caller, "worker " + worker + " runs in another process; start and stop it there"));
        }
        if ("run".equals(action) && !control.runsHere(worker, target.filter())) {
            // Start and Stop reach every process through the control topic; one iteration belongs to the pair's owner
            return Optional.of(conflict(caller, "worker " + worker + " runs on " + target.filter()
                    + " in another process of the fleet now; use Run now on that process's dashboard"));
        }
        return Optional.empty();
    }

    private ActionAnswer conflict(Caller caller, String reason) {
        return refused(caller, pages.conflict(reason), ApiAnswer.error(409, reason));
    }

    /** The page a form gets, the JSON a script gets. */
    private static ActionAnswer refused(Caller caller, Page page, ApiAnswer answer) {
        return caller.form() ? ActionAnswer.showing(page) : ActionAnswer.answering(answer);
    }
}
