package dev.autocoder.workers.config;

/** Special values of {@code autocoder.workers.enabled}. */
public final class WorkerSelectionNames {

    /** Runs no worker in this process (a dashboard on its own). */
    public static final String NONE = "none";

    private WorkerSelectionNames() {
    }
}
