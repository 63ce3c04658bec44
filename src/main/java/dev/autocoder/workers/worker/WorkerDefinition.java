package dev.autocoder.workers.worker;

import java.util.List;

/**
 * A worker as its route declares it: the template parameters of one {@code templatedRoute}.
 *
 * @param worker       worker id, e.g. {@code analysis}
 * @param routeId      the Camel route that runs it, e.g. {@code analysis-worker}
 * @param dataset      dataset name, e.g. {@code autocoder-analysis-results}
 * @param perspectives perspective ids in rotation order
 * @param periodMillis time between iterations
 * @param delayMillis  time before the first iteration
 */
public record WorkerDefinition(String worker, String routeId, String dataset, List<String> perspectives,
                               long periodMillis, long delayMillis) {

    public WorkerDefinition {
        perspectives = List.copyOf(perspectives);
    }

    /** The perspective after {@code previous} in the rotation; the first one when there is none. */
    public String perspectiveAfter(String previous) {
        int index = previous == null ? -1 : perspectives.indexOf(previous);
        return perspectives.get(index < 0 ? 0 : (index + 1) % perspectives.size());
    }
}
