package dev.autocoder.workers.target;

import dev.autocoder.workers.repository.TargetRepository;

import java.util.List;
import java.util.Map;

/**
 * One repository of the list of targets, resolved: its stable id, its name as rows carry it in {@code repository},
 * the repository itself, and the perspectives and periods it overrides per worker.
 *
 * @param id           stable target id ({@link dev.autocoder.workers.repository.TargetIds}); the dataset folder and Hub config
 * @param repository   the folder's real path or the git URL without credentials
 * @param key          the setting it came from, e.g. {@code autocoder.targets[1]}, for messages
 * @param perspectives worker id → perspective ids in rotation order (only the workers it overrides)
 * @param periodMillis worker id → fixed delay between its iterations on this target (only the workers it overrides)
 */
public record ListedTarget(String id, String repository, String key, TargetRepository target,
                           Map<String, List<String>> perspectives, Map<String, Long> periodMillis) {

    public ListedTarget {
        perspectives = Map.copyOf(perspectives);
        periodMillis = Map.copyOf(periodMillis);
    }

    @Override
    public String toString() {
        // the repository is already without credentials; the token is only ever named, never held here
        return "ListedTarget[" + id + " " + repository + "]";
    }
}
