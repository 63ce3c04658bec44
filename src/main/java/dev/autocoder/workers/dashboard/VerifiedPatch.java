package dev.autocoder.workers.dashboard;

/**
 * A verified patch of an implementation plan, as {@code GET /api/workers/{id}/patches/{task_id}.patch} answers it.
 *
 * @param patch  the plan's diff with git's headers and a final newline ({@link GitPatches})
 * @param commit the commit of the plan's row: the patch applies there
 */
record VerifiedPatch(String taskId, String file, String rule, String description, String verification,
                            String source, String patch, String commit, long iteration, String timestamp) {
}
