package dev.autocoder.workers.worker;

import dev.autocoder.workers.config.DurationSetting;
import dev.autocoder.workers.config.InvalidConfigurationException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A worker as its route declares it: the template parameters of one {@code templatedRoute}.
 *
 * @param worker       worker id, e.g. {@code analysis}
 * @param routeId      the Camel route that runs it, e.g. {@code analysis-worker}
 * @param dataset      dataset name, e.g. {@code autocoder-analysis-results}
 * @param perspectives perspective ids in rotation order
 * @param periodMillis  time from the end of one iteration to the start of the next (a fixed delay)
 * @param delayMillis   time before the first tick
 * @param waitFor       worker whose first row on the target the first iteration waits for; null for none
 * @param maxWaitMillis longest that wait
 */
public record WorkerDefinition(String worker, String routeId, String dataset, List<String> perspectives,
                               long periodMillis, long delayMillis, String waitFor, long maxWaitMillis) {

    /** The {@code waitFor} parameter's value for "no wait". */
    static final String NO_WAIT = "none";
    static final long DEFAULT_MAX_WAIT_MILLIS = 600_000;

    public WorkerDefinition {
        perspectives = List.copyOf(perspectives);
        waitFor = waitFor == null || waitFor.isBlank() || waitFor.strip().equals(NO_WAIT) ? null : waitFor.strip();
    }

    /** A worker whose first iteration waits for nobody. */
    public WorkerDefinition(String worker, String routeId, String dataset, List<String> perspectives,
                            long periodMillis, long delayMillis) {
        this(worker, routeId, dataset, perspectives, periodMillis, delayMillis, null, 0);
    }

    /**
     * The worker a route made of the {@code autocoder-worker} template declares, from its (resolved) template
     * parameters; a parameter that cannot work is an {@link InvalidConfigurationException} naming route and parameter.
     */
    public static WorkerDefinition fromTemplateParameters(String routeId, Map<String, String> parameters,
                                                          PerspectiveCatalog catalog) {
        String worker = parameters.get("worker");
        String key = "route " + routeId + " parameter ";
        List<String> perspectives = Arrays.stream(parameters.getOrDefault("perspectives", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (perspectives.isEmpty()) {
            throw new InvalidConfigurationException(key + "perspectives", "names no perspective");
        }
        for (String id : perspectives) {
            if (catalog.find(worker, id).isEmpty()) {
                throw new InvalidConfigurationException(key + "perspectives", "unknown perspective '" + id + "' for worker " + worker);
            }
        }
        long period = DurationSetting.toMillis(key + "period", parameters.getOrDefault("period", "60s"));
        long delay = DurationSetting.toMillis(key + "delay", parameters.getOrDefault("delay", "5s"));
        String waitFor = parameters.get("waitFor");
        long maxWait = parameters.containsKey("maxWait") ? DurationSetting.toMillis(key + "maxWait", parameters.get("maxWait"))
                : DEFAULT_MAX_WAIT_MILLIS;
        return new WorkerDefinition(worker, routeId, parameters.get("dataset"), perspectives, period, delay, waitFor, maxWait);
    }

    /** The perspective after {@code previous} in the rotation; the first one when there is none. */
    public String perspectiveAfter(String previous) {
        int index = previous == null ? -1 : perspectives.indexOf(previous);
        return perspectives.get(index < 0 ? 0 : (index + 1) % perspectives.size());
    }
}
