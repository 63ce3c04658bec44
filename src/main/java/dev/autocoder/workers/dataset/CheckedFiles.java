package dev.autocoder.workers.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data files of a dataset whose every line was found to be a row, each with its size and modification time then
 * ({@code {store}/.state/checked/{dataset}.json}): a file unchanged since is not read again when the next process
 * opens the dataset, so a start checks what the last run wrote, not the whole history. A file changed in any way
 * (an append, a crash's cut line, an edit) is checked whole again.
 */
final class CheckedFiles {

    private final Path dataDir;
    private final StateFile<Map<String, String>> file;
    private final Map<String, String> checked;

    CheckedFiles(Path storeRoot, Path dataDir, String dataset, ObjectMapper mapper) {
        this.dataDir = dataDir;
        this.file = new StateFile<>(storeRoot, "checked/" + dataset + ".json", mapper, new TypeReference<>() {
        }, TreeMap::new);
        this.checked = new TreeMap<>(file.read());
    }

    /** Whether the file is as it was when its lines were last all found to be rows. */
    boolean unchangedSinceChecked(Path dataFile) {
        String now = stamp(dataFile);
        return now != null && now.equals(checked.get(key(dataFile)));
    }

    /** Notes that every line of the file is a row now (after its repair). */
    void checked(Path dataFile) {
        String now = stamp(dataFile);
        if (now != null) {
            checked.put(key(dataFile), now);
        }
    }

    /** Writes what was noted, for the files that are still there. */
    void save(List<Path> files) {
        Set<String> present = new HashSet<>();
        files.forEach(f -> present.add(key(f)));
        checked.keySet().retainAll(present);
        file.write(checked);
    }

    private String key(Path dataFile) {
        return dataDir.relativize(dataFile).toString().replace('\\', '/');
    }

    /** Size and modification time to the nanosecond where the file system keeps it. */
    private static String stamp(Path dataFile) {
        try {
            return Files.size(dataFile) + "@" + Files.getLastModifiedTime(dataFile).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
