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
import java.util.Arrays;
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

    /** Appends of every journal of the process: a ledger's and a seeding of the same file never mix their lines. */
    private static final Object WRITES = new Object();

    private final Path file;
    /** Present once the journal holds every id the rows of its ledger listed (see {@link #complete}). */
    private final Path completeMarker;

    private InsightJournal(Path file) {
        this.file = file;
        this.completeMarker = file.resolveSibling(file.getFileName() + "-complete");
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
            write(fresh);
        } catch (IOException e) {
            log.warn("Cannot append to {} ({}); a restart may count these insight ids again", file, e.getMessage());
        }
    }

    /**
     * Whether the journal holds every id its ledger knows, those the rows list included: the rows may then go (the
     * store's retention) without their ids being counted again. A journal begun before this was kept lacks the ids
     * of the rows of that time until a ledger {@link #complete completes} it.
     */
    boolean isComplete() {
        return Files.exists(completeMarker);
    }

    /** Appends the known ids the journal lacks (the ones only rows listed) and marks it complete. */
    void complete(Map<String, long[]> known) throws IOException {
        synchronized (WRITES) {
            Map<String, long[]> journaled = read();
            Map<String, long[]> missing = new HashMap<>();
            known.forEach((counter, numbers) -> {
                long[] have = journaled.getOrDefault(counter, new long[0]).clone();
                Arrays.sort(have);
                missing.put(counter, Arrays.stream(numbers).filter(n -> Arrays.binarySearch(have, n) < 0).toArray());
            });
            write(missing);
            Files.write(completeMarker, new byte[0]);
        }
    }

    private void write(Map<String, long[]> numbers) throws IOException {
        synchronized (WRITES) {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (Map.Entry<String, long[]> entry : numbers.entrySet()) {
                    for (long number : entry.getValue()) {
                        out.write(entry.getKey() + " " + Long.toHexString(number) + "\n");
                    }
                }
            }
        }
    }
}
