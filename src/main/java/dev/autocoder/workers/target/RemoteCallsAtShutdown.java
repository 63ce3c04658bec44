package dev.autocoder.workers.target;

import dev.autocoder.workers.repository.TargetRepository;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * At the start of shutdown, before Camel waits for the iterations in progress: a clone or fetch that waits on an
 * unanswering remote is abandoned ({@link TargetRepository#abandonRemoteCalls()}), so its iteration ends now with an
 * error row instead of holding the shutdown until the git timeout. An iteration that is reading or analyzing
 * files still finishes and writes its row.
 */
class RemoteCallsAtShutdown implements ApplicationListener<ContextClosedEvent> {

    private final TargetList targets;
    private final TargetRepository singleTarget;

    RemoteCallsAtShutdown(TargetList targets, TargetRepository singleTarget) {
        this.targets = targets;
        this.singleTarget = singleTarget;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        singleTarget.abandonRemoteCalls();
        for (ListedTarget target : targets.current()) {
            target.target().abandonRemoteCalls();
        }
    }
}
