package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.repository.TargetIds;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.target.ListedTarget;
import dev.autocoder.workers.target.TargetList;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads {@code ?target=<target_id>} once per request (the route configuration dashboard-http): a target id of the
 * list of targets (or the single target's own id) is taken; a value that is no target id is a 400 and an unknown
 * one a 404, each with a message that never repeats a malformed value.
 */
@Component("targetParameter")
class TargetParameter {

    private final TargetList targets;
    private final TargetRepository singleTarget;

    public TargetParameter(TargetList targets, TargetRepository singleTarget) {
        this.targets = targets;
        this.singleTarget = singleTarget;
    }

    public TargetChoice parse(String raw) {
        boolean fleet = targets.isFleet();
        if (raw == null || raw.isBlank()) {
            return TargetChoice.none(fleet);
        }
        if (!TargetIds.isWellFormed(raw)) {
            return TargetChoice.refused(fleet, 400, "target must be a target id, e.g. my-repository-0a1b2c3d");
        }
        if (known().contains(raw)) {
            return new TargetChoice(raw, fleet, 200, null);
        }
        // well formed: lower-case letters, digits and '-', safe to repeat
        return TargetChoice.refused(fleet, 404, "unknown target '" + raw + "'");
    }

    /** The target ids a request may name, in configuration order. */
    public List<String> known() {
        return targets.isFleet() ? targets.current().stream().map(ListedTarget::id).toList() : List.of(singleTarget.targetId());
    }

    /** Target id → repository of each target of the list, in list order. */
    public java.util.Map<String, String> repositories() {
        java.util.Map<String, String> repositories = new java.util.LinkedHashMap<>();
        targets.current().forEach(t -> repositories.put(t.id(), t.repository()));
        return repositories;
    }

    /** The repository of each target (for the picker). */
    public List<ListedTarget> listed() {
        return targets.current();
    }
}
