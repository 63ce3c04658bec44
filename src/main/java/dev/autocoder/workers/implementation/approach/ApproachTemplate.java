package dev.autocoder.workers.implementation.approach;

import java.util.List;

/**
 * A candidate fix of a rule family's catalogue.
 *
 * @param mechanical the worker's mechanical fixes can make this change (only for the rules they support)
 */
record ApproachTemplate(String name, String description, FixReach scope, List<String> pros, List<String> cons,
                               boolean mechanical) {

    static ApproachTemplate manual(String name, String description, FixReach scope, List<String> pros, List<String> cons) {
        return new ApproachTemplate(name, description, scope, pros, cons, false);
    }

    static ApproachTemplate mechanical(String name, String description, FixReach scope, List<String> pros, List<String> cons) {
        return new ApproachTemplate(name, description, scope, pros, cons, true);
    }
}
