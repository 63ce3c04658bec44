package dev.autocoder.workers.implementation.task;

import dev.autocoder.workers.implementation.row.TaskInfo;

import java.util.List;

/**
 * What Deep Understanding's pick found: the task (with its presence at HEAD) or, with none, the reason.
 *
 * @param notes what was passed over on the way (handled before, gone at HEAD, no file)
 */
public record PickedTask(TaskInfo task, Presence presence, List<String> notes) {

    public boolean found() {
        return task.hasTask();
    }
}
