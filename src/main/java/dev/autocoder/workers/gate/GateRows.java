package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.dataset.RowLines;
import dev.autocoder.workers.hub.HubClient;
import dev.autocoder.workers.hub.RepoType;
import dev.autocoder.workers.row.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads an analysis dataset for the gate command: a folder of the local store, or a dataset on the Hub. */
final class GateRows {

    static final String DATASET = "autocoder-analysis-results";

    private GateRows() {
    }

    /**
     * The dataset folder a local path names: the dataset itself (it has {@code data/}), or a store root holding one
     * {@code {owner}/autocoder-analysis-results}; null when neither.
     */
    static Path localDataset(Path path) throws IOException {
        if (Files.isDirectory(path.resolve("data"))) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            return null;
        }
        try (Stream<Path> owners = Files.list(path)) {
            List<Path> found = owners.map(owner -> owner.resolve(DATASET)).filter(Files::isDirectory).toList();
            return found.size() == 1 ? found.get(0) : null;
        }
    }

    /**
     * Hands every row of a local dataset folder to the action, in file order, one row in memory at a time (read
     * only: the command never repairs a store).
     */
    static void local(Path dataset, ObjectMapper mapper, Consumer<Row> action) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataset.resolve("data"))) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path file : files) {
            RowLines.forEach(file, mapper, action);
        }
    }

    /** Hands every row of a dataset on the Hub ({@code owner/name}) to the action, files in path order (chronological). */
    static void hub(HubClient client, String repoId, ObjectMapper mapper, Consumer<Row> action) {
        List<HubClient.TreeEntry> entries = new ArrayList<>(client.tree(RepoType.DATASET, repoId, "data", true));
        entries.sort(Comparator.comparing(HubClient.TreeEntry::path));
        for (HubClient.TreeEntry entry : entries) {
            if (!"directory".equals(entry.type()) && entry.path().endsWith(".jsonl")) {
                RowLines.forEach(client.download(RepoType.DATASET, repoId, "main", entry.path()), mapper,
                        entry.path() + " of " + repoId + " on the Hub", action);
            }
        }
    }
}
