package dev.autocoder.workers.worker;

import dev.autocoder.workers.config.AutocoderProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which workers run in this process ({@code autocoder.workers.enabled}); the worker route template asks it in
 * its precondition, so a disabled worker's route is never created. A dashboard reading the Hub
 * ({@code autocoder.dashboard.source=hub}) creates every declared worker's route, to learn the workers it shows,
 * and keeps the ones that run elsewhere stopped.
 */
@Component("workerSelection")
public class WorkerSelection {

    private final List<String> enabled;
    private final boolean showsRemoteWorkers;

    public WorkerSelection(AutocoderProperties properties, Environment environment) {
        this.enabled = properties.getWorkers().getEnabled().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        // read here rather than from DashboardProperties (which validates it): the dashboard depends on workers,
        // not the other way round
        this.showsRemoteWorkers = "hub".equalsIgnoreCase(environment.getProperty("autocoder.dashboard.source", "local").strip());
    }

    /** Route precondition: whether a worker's route is created at all. */
    public boolean isDeclaredHere(String worker) {
        return isEnabled(worker) || showsRemoteWorkers;
    }

    public boolean isEnabled(String worker) {
        return enabled.isEmpty() || enabled.contains(worker);
    }

    /** True when this process runs no worker at all ({@code autocoder.workers.enabled=none}), e.g. a dashboard alone. */
    public boolean runsNoWorker() {
        return enabled.equals(List.of(dev.autocoder.workers.config.WorkerSelectionNames.NONE));
    }
}
