package dev.autocoder.workers.dashboard;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /workers/{id}/start, /stop and /run: checks the caller's verdict from {@link AdminGuard}, acts through
 * {@link WorkerControl}, and answers the page's form with a redirect back to the worker, a script with JSON.
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

    public ActionAnswer start(String worker, Caller caller) {
        return act(worker, caller, "start", () -> {
            control.start(worker);
            return 200;
        });
    }

    public ActionAnswer stop(String worker, Caller caller) {
        return act(worker, caller, "stop", () -> {
            control.stop(worker);
            return 200;
        });
    }

    /** 202: the iteration runs after the answer. */
    public ActionAnswer run(String worker, Caller caller) {
        return act(worker, caller, "run", () -> {
            control.runNow(worker);
            return 202;
        });
    }

    private ActionAnswer act(String worker, Caller caller, String action, java.util.function.IntSupplier change) {
        if (!caller.allowed()) {
            return caller.form() ? ActionAnswer.showing(pages.refused(caller, worker))
                    : ActionAnswer.answering(ApiAnswer.error(caller.status(), caller.reason()));
        }
        if (view.worker(worker).isEmpty()) {
            return caller.form() ? ActionAnswer.showing(pages.notFound("There is no such worker in this application."))
                    : ActionAnswer.answering(DashboardApi.unknown(worker));
        }
        if (view.worker(worker).get().remote()) {
            String reason = "worker " + worker + " runs in another process; start and stop it there";
            return caller.form() ? ActionAnswer.showing(pages.conflict(reason)) : ActionAnswer.answering(ApiAnswer.error(409, reason));
        }
        int status = change.getAsInt();
        if (caller.form()) {
            return ActionAnswer.redirectTo(Pages.href(worker));
        }
        WorkerView now = view.worker(worker).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("worker", worker);
        body.put("action", action);
        body.put("state", now.state());
        body.put("run_pending", now.runPending());
        return ActionAnswer.answering(new ApiAnswer(status, body));
    }
}
