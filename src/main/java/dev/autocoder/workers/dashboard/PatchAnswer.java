package dev.autocoder.workers.dashboard;

/**
 * What the .patch route answers: the patch, or (when {@code error} is set) a JSON error.
 *
 * @param filename the download name, {@code <task_id>.patch} (the task id matched {@link DashboardApi#TASK_ID})
 */
record PatchAnswer(ApiAnswer error, String patch, String filename) {

    static PatchAnswer failed(ApiAnswer error) {
        return new PatchAnswer(error, null, null);
    }
}
