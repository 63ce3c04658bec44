package dev.autocoder.workers.implementation;

import dev.autocoder.workers.implementation.row.CodeChanges;

import java.nio.charset.StandardCharsets;

/** The {@code code} of a plan: the patched file, or for a large file the changed region with some lines around it. */
public final class PlanCode {

    /** A patched file up to this size goes into the row whole. */
    static final int WHOLE_FILE_BYTES = 64 * 1024;
    /** Lines shown either side of the changed region of a larger file. */
    static final int REGION_CONTEXT = 10;

    private PlanCode() {
    }

    public static CodeChanges of(String taskId, String file, String description, String diff, String patched,
                                 boolean verified, String verification, String source) {
        if (patched == null) {
            return new CodeChanges(taskId, file, description, diff, null, null, verified, verification, source);
        }
        if (patched.getBytes(StandardCharsets.UTF_8).length <= WHOLE_FILE_BYTES) {
            return new CodeChanges(taskId, file, description, diff, patched, "file", verified, verification, source);
        }
        String[] lines = patched.split("\n", -1);
        int[] region = DiffLines.newRegion(diff);
        int from = region == null ? 1 : Math.max(1, region[0] - REGION_CONTEXT);
        int to = region == null ? Math.min(lines.length, 2 * REGION_CONTEXT) : Math.min(lines.length, region[1] + REGION_CONTEXT);
        String excerpt = String.join("\n", java.util.Arrays.copyOfRange(lines, from - 1, to));
        return new CodeChanges(taskId, file, description, diff, excerpt, "excerpt lines " + from + "-" + to, verified,
                verification, source);
    }
}
