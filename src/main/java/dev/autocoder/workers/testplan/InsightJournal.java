package dev.autocoder.workers.testplan;

import dev.autocoder.workers.dataset.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plan item ids a ledger took as new, appended as it takes them, one line each ({@code counter number}), in
 * {@code {store}/.state/insights/{dataset}[@{target}].ids}. A row lists at most a capped number of items of a kind while its
 * result may hold thousands (edge cases of a large target), so after a restart the rows alone cannot tell the
 * unlisted ids of earlier results from new ones: without this file, every restart counted them again.
 */
final class InsightJournal {

    private static final Logger log = LoggerFactory.getLogger(InsightJournal.class);

    private final Path file;

    private InsightJournal(Path file) {
        this.file = file;
    }

    /**
     * The journal of the ledger of a dataset, or of one target's rows in it; null when a name cannot be a file name
     * ({@link StateFile#isPlainName}): then a restart counts unlisted ids again.
     */
    static InsightJournal of(Path storeRoot, String dataset, String targetId) {
        if (!StateFile.isPlainName(dataset) || targetId != null && !StateFile.isPlainName(targetId)) {
            return null;
        }
        String name = targetId == null ? dataset : dataset + "@" + targetId;
        return new InsightJournal(storeRoot.resolve(".state").resolve("insights").resolve(name + ".ids"));
    }

    /** Counter name → the numbers recorded for it; empty when there is no journal yet. A line not understood is skipped. */
    Map<String, long[]> read() {
        Map<String, List<Long>> read = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    String[] parts = line.split(" ");
                    if (parts.length == 2) {
                        try {
                            read.computeIfAbsent(parts[0], c -> new ArrayList<>()).add(Long.parseUnsignedLong(parts[1], 16));
                        } catch (NumberFormatException e) {
                            // a line cut by a crash
                        }
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                log.warn("Cannot read {} ({}); the insight totals may count again ids the rows do not list", file,
                        e.getMessage());
            }
        }
        Map<String, long[]> numbers = new HashMap<>();
        read.forEach((counter, list) -> numbers.put(counter, list.stream().mapToLong(Long::longValue).toArray()));
        return numbers;
    }

    /** Appends what the counters took as new; a disk that refuses only means a later restart may count them again. */
    void append(Map<String, long[]> fresh) {
        if (fresh.values().stream().allMatch(n -> n.length == 0)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (Map.Entry<String, long[]> entry : fresh.entrySet()) {
                    for (long number : entry.getValue()) {
                        out.write(entry.getKey() + " " + Long.toHexString(number) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot append to {} ({}); a restart may count these insight ids again", file, e.getMessage());
        }
    }
}
