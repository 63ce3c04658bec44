package dev.autocoder.workers.analysis.pmd;

/** Whether the heap has room now for work that needs {@code bytes} more of it at once. */
@FunctionalInterface
interface HeapRoom {

    /** Smaller work is not checked: it fits beside anything the application holds. */
    long CHECKED_FROM = 16L * 1024 * 1024;

    /**
     * The running JVM's heap: what is live now plus the work must stay within four fifths of the maximum, the rest
     * being the young generation's and the other workers' room. Knowing what is live takes a full collection, done
     * only for large work (a search of seconds).
     */
    HeapRoom RUNTIME = bytes -> {
        if (bytes < CHECKED_FROM) {
            return true;
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long live = runtime.totalMemory() - runtime.freeMemory();
        return live + bytes <= runtime.maxMemory() / 5 * 4;
    };

    boolean fits(long bytes);
}
