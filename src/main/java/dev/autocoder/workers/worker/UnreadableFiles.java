package dev.autocoder.workers.worker;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.repository.Snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the files the inventory could not read into a row's {@code skipped_files} detail, so no perspective's row
 * is silent about them: a perspective never sees such a file, since it is not in {@link Snapshot#files()}.
 */
final class UnreadableFiles {

    static final String DETAIL = "skipped_files";

    private UnreadableFiles() {
    }

    /**
     * The details with one {@code {path, reason}} entry per unreadable file of the snapshot appended to
     * {@code skipped_files} (after the perspective's own entries, a path listed once); unchanged when there is none.
     */
    static Map<String, Object> addedTo(Map<String, Object> details, Snapshot snapshot) {
        if (snapshot == null || snapshot.unreadableFiles().isEmpty()) {
            return details;
        }
        List<Object> entries = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        if (details.get(DETAIL) instanceof List<?> own) {
            for (Object entry : own) {
                entries.add(entry);
                if (entry instanceof Map<?, ?> map && map.get("path") instanceof String path) {
                    listed.add(path);
                }
            }
        }
        for (SkippedFile file : snapshot.unreadableFiles()) {
            if (listed.add(file.path())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", file.path());
                entry.put("reason", "unreadable: " + file.reason());
                entries.add(entry);
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(details);
        merged.put(DETAIL, entries);
        return merged;
    }
}
