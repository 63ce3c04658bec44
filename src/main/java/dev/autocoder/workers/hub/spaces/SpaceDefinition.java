package dev.autocoder.workers.hub.spaces;

import java.util.List;

/**
 * One Space of the deployment: its folder under {@code spaces/}, its name on the Hub, and the worker it runs
 * ({@code none} for the dashboard, which reads the Hub instead).
 */
record SpaceDefinition(String folder, String name, String workers, boolean readsHub) {

    public static final List<SpaceDefinition> ALL = List.of(
            new SpaceDefinition("analysis-worker", "autocoder-analysis-worker", "analysis", false),
            new SpaceDefinition("test-planning-worker", "autocoder-test-planning-worker", "test-planning", false),
            new SpaceDefinition("implementation-worker", "autocoder-implementation-worker", "implementation", false),
            new SpaceDefinition("dashboard", "autocoder-dashboard", "none", true));

    public boolean runsAWorker() {
        return !readsHub;
    }
}
