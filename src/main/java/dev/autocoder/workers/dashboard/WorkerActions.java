package dev.autocoder.workers.dashboard;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /workers/{id}/start, /stop and /run (with {@code ?target=}: on that target of the list only): checks the
 * caller's verdict from {@link AdminGuard}, acts through {@link WorkerControl}, and answers the page's form with a
 * redirect back to the worker's page (on the same target), a script with JSON.
 */
@Component("workerActions")
public class WorkerActions {

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

    private ActionAnswer conflict(Caller caller, String reason) {
        return caller.form() ? ActionAnswer.showing(pages.conflict(reason)) : ActionAnswer.answering(ApiAnswer.error(409, reason));
    }

    private ActionAnswer act(String worker, Caller caller, TargetChoice target, String action,
                             java.util.function.IntSupplier change) {
        if (!caller.allowed()) {
            return caller.form() ? ActionAnswer.showing(pages.refused(caller, worker))
                    : ActionAnswer.answering(ApiAnswer.error(caller.status(), caller.reason()));
        }
        if (target.rejected()) {
            return caller.form() ? ActionAnswer.showing(pages.targetRefused(target))
                    : ActionAnswer.answering(ApiAnswer.error(target.status(), target.error()));
        }
        if (view.worker(worker).isEmpty()) {
            return caller.form() ? ActionAnswer.showing(pages.notFound("There is no such worker in this application."))
                    : ActionAnswer.answering(DashboardApi.unknown(worker));
        }
        if (view.worker(worker).get().remote()) {
            return conflict(caller, "worker " + worker + " runs in another process; start and stop it there");
        }
        if ("run".equals(action) && !control.runsHere(worker, target.filter())) {
            // Start and Stop reach every process through the control topic; one iteration belongs to the pair's owner
            return conflict(caller, "worker " + worker + " runs on " + target.filter()
                    + " in another process of the fleet now; use Run now on that process's dashboard");
        }
        int status;
        try {
            status = change.getAsInt();
        } catch (FleetControlUnavailableException e) {
            return caller.form() ? ActionAnswer.showing(pages.message(503, "Not now", e.getMessage()))
                    : ActionAnswer.answering(ApiAnswer.error(503, e.getMessage()));
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
}
