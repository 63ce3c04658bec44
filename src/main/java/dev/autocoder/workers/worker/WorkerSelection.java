package dev.autocoder.workers.worker;

import dev.autocoder.workers.config.AutocoderProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which workers run in this process ({@code autocoder.workers.enabled}); the worker route template asks it in
 * its precondition, so a disabled worker's route is never created.
 */
@Component("workerSelection")
public class WorkerSelection {

    private final List<String> enabled;

    public WorkerSelection(AutocoderProperties properties) {
        this.enabled = properties.getWorkers().getEnabled().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isEnabled(String worker) {
        return enabled.isEmpty() || enabled.contains(worker);
    }

    /** True when this process runs no worker at all ({@code autocoder.workers.enabled=none}), e.g. a dashboard alone. */
    public boolean runsNoWorker() {
        return enabled.equals(List.of(dev.autocoder.workers.config.WorkerSelectionNames.NONE));
    }
}
