package dev.autocoder.workers.analysis.pmd;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autocoder.workers.analysis.cache.AnalysisCaches;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceEncoding;
import dev.autocoder.workers.repository.SourceFile;
import jakarta.annotation.PreDestroy;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.cpd.CPDConfiguration;
import net.sourceforge.pmd.cpd.CPDReport;
import net.sourceforge.pmd.cpd.CpdAnalysis;
import net.sourceforge.pmd.cpd.Mark;
import net.sourceforge.pmd.cpd.Match;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.document.FileLocation;
import net.sourceforge.pmd.lang.document.TextFile;
import net.sourceforge.pmd.reporting.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PMD's copy-paste detector over the snapshot's Java files and the other languages whose PMD modules are on the
 * classpath (JavaScript, TypeScript, Python, Kotlin). Duplicates are only found within one language.
 * <p>
 * The whole result is cached per {@link Snapshot#key()} (the last 16 trees, so each of a list of targets keeps
 * its own): an unchanged tree costs nothing, any change
 * reruns CPD (CPD compares every file with every other, so there is no exact per-file reuse). CPD is only given
 * the files that can hold a duplicate ({@link CpdCandidates}), which keeps its memory to a fraction.
 * <p>
 * With a disk cache ({@code autocoder.analysis.disk-cache}, in {@code {store}/.state/cache/cpd/}) each tree's last
 * result is also kept on disk (the snapshot key, the minimum token count, the time budget and which files
 * were over the size limit), so a restart on an unchanged tree does not run CPD again.
 */
@Component
public class CpdRunner {

    /** Snapshot languages and the CPD language id that tokenizes them. */
    static final Map<Language, String> CPD_LANGUAGES = Map.of(
            Language.JAVA, "java",
            Language.JAVASCRIPT, "ecmascript",
            Language.TYPESCRIPT, "typescript",
            Language.PYTHON, "python",
            Language.KOTLIN, "kotlin");

    private static final Logger log = LoggerFactory.getLogger(CpdRunner.class);
    private static final int SNIPPET_CHARS = 2000;
    /** Trees whose last result stays in memory (a few duplication blocks each). */
    private static final int TREES_KEPT_IN_MEMORY = 16;
    /**
     * Comparisons of repeated runs a search is granted per millisecond of its budget: CPD's pace on one core of the
     * 2-core machine with C1 (1.6 × 10^5 up to a few hundred million comparisons, 0.7 × 10^5 at two billion, where
     * its tables outgrow the caches). A faster machine may be refused a search it would finish; what the search
     * would find there is that the file repeats itself, which the reason says.
     */
    private static final long COMPARISONS_PER_MILLISECOND = 100_000;

    /**
     * Heap a search takes per token of its group: CPD keeps an object per token plus its match tables (on twisted's
     * group of 138 Python files, 671,000 tokens, the search needed about 55 MB of old generation: 85 bytes a token).
     */
    static final long SEARCH_BYTES_PER_TOKEN = 100;

    private final int minimumTokens;
    private final Duration fileBudget;
    private final HeapRoom heap;
    /** Content hashes of files a search ran over the budget with, left out of every later search. */
    private final Set<String> overBudget = new HashSet<>();
    private final ExecutorService searches = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cpd-search");
        thread.setDaemon(true);
        return thread;
    });
    /** Results by snapshot key: with a list of targets, each target's unchanged tree costs nothing on its next tick. */
    private final Cache<String, CpdResult> cached = Caffeine.newBuilder().maximumSize(TREES_KEPT_IN_MEMORY).build();
    /** The last result of an earlier run of the application; null without a disk cache. */
    private final DiskCache<CpdResult> disk;

    @Autowired
    public CpdRunner(AutocoderProperties properties) {
        this(properties.getAnalysis().getCpdMinimumTokens(), properties.getAnalysis().getFileTimeBudget(),
                AnalysisCaches.folder(properties, "cpd"));
    }

    public CpdRunner(int minimumTokens) {
        this(minimumTokens, new AutocoderProperties.Analysis().getFileTimeBudget());
    }

    /** A runner whose search of a group of n files may take n times {@code fileBudget}. */
    public CpdRunner(int minimumTokens, Duration fileBudget) {
        this(minimumTokens, fileBudget, null);
    }

    /** A runner that also keeps its last result in the disk cache in {@code diskCache} (none when null). */
    public CpdRunner(int minimumTokens, Duration fileBudget, Path diskCache) {
        this(minimumTokens, fileBudget, diskCache, HeapRoom.RUNTIME);
    }

    /** With {@code heap} answering whether a search of so many bytes fits in the heap now. */
    CpdRunner(int minimumTokens, Duration fileBudget, Path diskCache, HeapRoom heap) {
        this.minimumTokens = minimumTokens;
        this.fileBudget = fileBudget;
        this.heap = heap;
        this.disk = diskCache == null ? null : DiskCache.open(diskCache, Map.of(
                "pmd", PMDVersion.VERSION,
                "code", DiskCache.codeFingerprint(CpdRunner.class, CpdCandidates.class, CpdResult.class,
                        CpdResult.LanguageDuplication.class, CpdResult.DuplicateBlock.class, CpdResult.Occurrence.class,
                        SkippedFile.class)), CpdResult.class);
    }

    public synchronized CpdResult duplication(Snapshot snapshot) {
        CpdResult result = cached.getIfPresent(snapshot.key());
        if (result == null) {
            String key = diskKey(snapshot);
            result = disk == null ? null : disk.read(key);
            if (result == null) {
                result = run(snapshot);
                if (disk != null && result.notSearched() == null) { // after a restart the heap may have room
                    disk.write(key, result);
                }
            }
            if (disk != null) {
                disk.retainForTree(snapshot.root(), Set.of(key));
            }
            cached.put(snapshot.key(), result);
        }
        return result;
    }

    /** The disk cache in use; null without one. */
    DiskCache<CpdResult> diskCache() {
        return disk;
    }

    /** What decides the result besides the code: the tree's contents, the settings, the files over the size limit. */
    private String diskKey(Snapshot snapshot) {
        StringBuilder notRead = new StringBuilder();
        snapshot.files().stream().filter(f -> f.oversized() || f.binary())
                .forEach(f -> notRead.append(f.path()).append(f.binary() ? " binary\n" : " oversized\n"));
        return snapshot.key() + ':' + minimumTokens + ':' + fileBudget.toMillis() + ':' + DiskCache.sha256(notRead.toString());
    }

    /** The CPD configuration the runner uses, for anyone who wants to run CPD the same way. */
    public static CPDConfiguration configuration(int minimumTokens) {
        CPDConfiguration configuration = new CPDConfiguration();
        configuration.setMinimumTileSize(minimumTokens);
        // A file CPD cannot tokenize is reported and left out instead of ending the whole run.
        configuration.setSkipLexicalErrors(true);
        // the default for files added without their own charset; the JVM's may be plain ASCII in a container
        configuration.setSourceEncoding(StandardCharsets.UTF_8);
        configuration.setReporter(new EscapingReporter("net.sourceforge.pmd.cpd.CpdAnalysis"));
        return configuration;
    }

    private CpdResult run(Snapshot snapshot) {
        Map<String, SourceFile> byFileId = new LinkedHashMap<>();
        List<SkippedFile> skipped = new ArrayList<>();
        CPDConfiguration configuration = configuration(minimumTokens);
        Map<Path, net.sourceforge.pmd.lang.Language> files = new LinkedHashMap<>();
        Map<Path, Charset> charsets = new HashMap<>();
        for (SourceFile file : snapshot.files()) {
            net.sourceforge.pmd.lang.Language language = cpdLanguage(file.language(), configuration);
            if (language == null) {
                continue;
            }
            if (!file.isAnalyzableText()) {
                skipped.add(new SkippedFile(file.path(), file.binary() ? "binary file" : "larger than the size limit"));
                continue;
            }
            SourceEncoding encoding = encoding(snapshot, file);
            if (encoding.problem() != null) {
                skipped.add(new SkippedFile(file.path(), encoding.problem()));
                continue;
            }
            if (overBudget.contains(file.contentHash())) {
                skipped.add(new SkippedFile(file.path(), overBudgetReason()));
                continue;
            }
            // CPD reads the file itself, so its text is held once, not also as a String of ours
            Path path = snapshot.resolve(file);
            byFileId.put(FileId.fromPath(path).getAbsolutePath(), file);
            files.put(path, language);
            charsets.put(path, encoding.charset());
        }
        List<CpdResult.DuplicateBlock> blocks = new ArrayList<>();
        Map<String, SourceFile> analyzed = new LinkedHashMap<>(byFileId);
        List<List<Path>> groups;
        List<String> notSearched = new ArrayList<>();
        try {
            // creating an analysis sets the language properties (ignore literals, annotations …) the lexers read
            CpdAnalysis.create(configuration).close();
            CpdCandidates candidates = new CpdCandidates(configuration);
            groups = candidates.groups(files, charsets);
            for (List<Path> group : groups) {
                List<Path> searched = withinBudget(new ArrayList<>(group), candidates, analyzed, skipped);
                if (fitsInHeap(searched, candidates, analyzed, skipped, notSearched)) {
                    search(configuration, searched, files, charsets, analyzed, skipped, blocks);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overBudget.retainAll(snapshot.files().stream().map(SourceFile::contentHash).toList());
        log.debug("CPD searched {} of {} files in {} groups", groups.stream().mapToInt(List::size).sum(), files.size(),
                groups.size());
        CpdResult result = summarize(analyzed, skipped, blocks, notSearched.isEmpty() ? null : String.join(" ", notSearched));
        log.debug("CPD: {} duplicated lines of {} in {} blocks", result.duplicatedLines(), result.totalLines(),
                result.blocks().size());
        return result;
    }

    /** How the file is decoded; a file that cannot be read is left to CPD, which reports it as a processing error. */
    private static SourceEncoding encoding(Snapshot snapshot, SourceFile file) {
        try {
            return snapshot.encoding(file);
        } catch (IOException e) {
            return new SourceEncoding(StandardCharsets.UTF_8, null);
        }
    }

    /**
     * Leaves out of the group, before CPD sees it, the files whose repeated runs would make the search compare more
     * pairs than it can in the group's budget (largest first): CPD cannot be stopped, and a search given up at its
     * budget would go on in the background for minutes on such a file (a 20,000-line method of one repeated statement:
     * 2.0 billion comparisons, 29 s of a core on the 2-core machine; 50,000 lines: 12.5 billion). The count comes
     * from the candidates' run hashes, so the same tree gets the same answer at any load; the time budget stays
     * for what the count does not foresee.
     */
    private List<Path> withinBudget(List<Path> group, CpdCandidates candidates, Map<String, SourceFile> analyzed,
                                    List<SkippedFile> skipped) {
        long total = group.stream().mapToLong(candidates::comparisons).sum();
        // in double: a budget of days times a large group must not wrap around to a negative allowance
        while (!group.isEmpty() && total > (double) COMPARISONS_PER_MILLISECOND * fileBudget.toMillis() * group.size()) {
            Path heaviest = group.stream().max(Comparator.comparingLong(candidates::comparisons)).orElseThrow();
            long comparisons = candidates.comparisons(heaviest);
            String count = String.format(Locale.ROOT, "%,d", comparisons);
            SourceFile file = leaveOut(heaviest, group, analyzed, skipped, "its runs of " + minimumTokens + " tokens repeat"
                    + " so often that CPD would compare about " + count + " pairs of them, more than it can in the per-file"
                    + " time budget (" + fileBudget.toMillis() + " ms, autocoder.analysis.file-time-budget); skipped until the"
                    + " file changes");
            log.warn("CPD would compare {} pairs of repeated {}-token runs with {} in the search; the file is left out",
                    count, minimumTokens, file.path());
            // at most what is left: the other files' runs lose the places they had in this one
            total -= comparisons;
        }
        return group;
    }

    /**
     * Leaves the whole group out when its search would not fit in the heap beside what the application holds now:
     * CPD's tables for a group of hundreds of thousands of tokens take tens of megabytes at once, and a full heap
     * ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}, bin/jvm-options), every worker with it. The files are
     * listed as skipped with the reason; the result is kept in memory only, so a restart tries again.
     */
    private boolean fitsInHeap(List<Path> group, CpdCandidates candidates, Map<String, SourceFile> analyzed,
                               List<SkippedFile> skipped, List<String> notSearched) {
        long tokens = group.stream().mapToLong(candidates::tokens).sum();
        if (group.isEmpty() || heap.fits(tokens * SEARCH_BYTES_PER_TOKEN)) {
            return true;
        }
        long megabytes = tokens * SEARCH_BYTES_PER_TOKEN / (1024 * 1024);
        String reason = String.format(Locale.ROOT, CpdResult.NOT_SEARCHED + " the search of its group of %d files "
                + "(%,d tokens) needs about %d MB of heap at once, more than there was room for", group.size(), tokens, megabytes);
        notSearched.add(String.format(Locale.ROOT, "%d files (%,d tokens) not searched for duplicates: CPD's search of "
                + "them needs about %d MB of heap at once, more than there was room for beside what the application "
                + "holds (they are searched again when the tree changes or after a restart; a larger heap, -Xmx in "
                + "JAVA_OPTS after bin/jvm-options, makes room).", group.size(), tokens, megabytes));
        log.warn("CPD would need about {} MB of heap for a group of {} files ({} tokens), more than the heap has room "
                + "for now; the group is not searched", megabytes, group.size(), tokens);
        List.copyOf(group).forEach(path -> leaveOut(path, group, analyzed, skipped, reason));
        return false;
    }

    /**
     * Searches one group on a thread of its own for at most the per-file budget times its files. A group over it
     * loses its largest file, which is skipped (and remembered by content, so it costs the budget once), and is
     * searched again: CPD cannot be interrupted, the abandoned search ends in the background, unseen.
     */
    private void search(CPDConfiguration configuration, List<Path> group, Map<Path, net.sourceforge.pmd.lang.Language> files,
                        Map<Path, Charset> charsets, Map<String, SourceFile> analyzed, List<SkippedFile> skipped, List<CpdResult.DuplicateBlock> blocks) {
        while (!group.isEmpty()) {
            Map<String, SourceFile> groupFiles = new LinkedHashMap<>();
            group.forEach(path -> groupFiles.put(FileId.fromPath(path).getAbsolutePath(),
                    analyzed.get(FileId.fromPath(path).getAbsolutePath())));
            Map<String, SourceFile> groupAnalyzed = new LinkedHashMap<>(groupFiles);
            List<SkippedFile> groupSkipped = new ArrayList<>();
            List<CpdResult.DuplicateBlock> groupBlocks = new ArrayList<>();
            List<Path> searched = List.copyOf(group);
            Future<?> search = searches.submit(() -> {
                try (CpdAnalysis cpd = CpdAnalysis.create(configuration)) {
                    searched.forEach(path -> cpd.files().addFile(TextFile.builderForPath(path, charsets.get(path),
                            configuration.getLanguageVersionDiscoverer().getDefaultLanguageVersion(files.get(path)))
                            .build()));
                    cpd.performAnalysis(report -> collect(report, groupAnalyzed, groupSkipped, groupBlocks));
                }
                return null;
            });
            try {
                search.get(fileBudget.toMillis() * group.size(), TimeUnit.MILLISECONDS);
                groupFiles.keySet().stream().filter(id -> !groupAnalyzed.containsKey(id)).forEach(analyzed::remove);
                skipped.addAll(groupSkipped);
                blocks.addAll(groupBlocks);
                return;
            } catch (TimeoutException e) {
                search.cancel(true);
                Path largest = group.stream().max(Comparator.comparingLong(
                        path -> groupFiles.get(FileId.fromPath(path).getAbsolutePath()).lines())).orElseThrow();
                SourceFile file = leaveOut(largest, group, analyzed, skipped, overBudgetReason());
                log.warn("CPD ran over its time budget with {} in the search; the file is skipped until it changes",
                        file.path());
                overBudget.add(file.contentHash());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted during the duplication search");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Takes the file out of the group and out of the files analyzed, and lists it as skipped for the reason. */
    private static SourceFile leaveOut(Path path, List<Path> group, Map<String, SourceFile> analyzed,
                                       List<SkippedFile> skipped, String reason) {
        SourceFile file = analyzed.remove(FileId.fromPath(path).getAbsolutePath());
        skipped.add(new SkippedFile(file.path(), reason));
        group.remove(path);
        return file;
    }

    private String overBudgetReason() {
        return "CPD took longer than the per-file time budget (" + fileBudget.toMillis()
                + " ms, autocoder.analysis.file-time-budget); skipped until the file changes";
    }

    /** Stops the search threads; a search past its budget is a daemon and does not hold the JVM. */
    @PreDestroy
    public void close() {
        searches.shutdownNow();
    }

    private static net.sourceforge.pmd.lang.Language cpdLanguage(Language language, CPDConfiguration configuration) {
        String id = CPD_LANGUAGES.get(language);
        return id == null ? null : configuration.getLanguageRegistry().getLanguageById(id);
    }

    /** Takes what is needed from one CPD report while it is open: snippets are read from its source files. */
    private static void collect(CPDReport report, Map<String, SourceFile> analyzed, List<SkippedFile> skipped,
                                List<CpdResult.DuplicateBlock> blocks) {
        for (Report.ProcessingError error : report.getProcessingErrors()) {
            SourceFile file = analyzed.remove(error.getFileId().getAbsolutePath());
            if (file != null) {
                skipped.add(new SkippedFile(file.path(), PmdEngine.errorMessage(error)));
            }
        }
        for (Match match : report.getMatches()) {
            List<CpdResult.Occurrence> occurrences = new ArrayList<>();
            for (Mark mark : match) {
                FileLocation location = mark.getLocation();
                SourceFile file = analyzed.get(location.getFileId().getAbsolutePath());
                if (file != null) {
                    occurrences.add(new CpdResult.Occurrence(file.path(), location.getStartLine(), location.getEndLine()));
                }
            }
            if (occurrences.size() < 2) {
                continue;
            }
            occurrences.sort(Comparator.comparing(CpdResult.Occurrence::path).thenComparingInt(CpdResult.Occurrence::beginLine));
            String snippet = report.getSourceCodeSlice(match.getFirstMark()).toString();
            blocks.add(new CpdResult.DuplicateBlock(match.getLineCount(), match.getTokenCount(), List.copyOf(occurrences),
                    snippet.length() > SNIPPET_CHARS ? snippet.substring(0, SNIPPET_CHARS) : snippet));
        }
    }

    private CpdResult summarize(Map<String, SourceFile> analyzed, List<SkippedFile> skipped,
                                List<CpdResult.DuplicateBlock> blocks, String notSearched) {
        Map<String, BitSet> duplicatedLinesByFile = new HashMap<>();
        for (CpdResult.DuplicateBlock block : blocks) {
            for (CpdResult.Occurrence occurrence : block.occurrences()) {
                duplicatedLinesByFile.computeIfAbsent(occurrence.path(), p -> new BitSet())
                        .set(occurrence.beginLine(), occurrence.endLine() + 1);
            }
        }
        blocks.sort(Comparator.comparingInt(CpdResult.DuplicateBlock::lines).reversed()
                .thenComparing(Comparator.comparingInt(CpdResult.DuplicateBlock::tokens).reversed())
                .thenComparing(b -> b.occurrences().get(0).path())
                .thenComparingInt(b -> b.occurrences().get(0).beginLine()));
        Map<String, CpdResult.LanguageDuplication> languages = new TreeMap<>();
        long totalLines = 0;
        long duplicatedLines = 0;
        for (SourceFile file : analyzed.values()) {
            BitSet lines = duplicatedLinesByFile.get(file.path());
            long duplicated = lines == null ? 0 : lines.cardinality();
            totalLines += file.lines();
            duplicatedLines += duplicated;
            languages.merge(CPD_LANGUAGES.get(file.language()), new CpdResult.LanguageDuplication(1, file.lines(), duplicated),
                    (a, b) -> new CpdResult.LanguageDuplication(a.files() + b.files(), a.lines() + b.lines(),
                            a.duplicatedLines() + b.duplicatedLines()));
        }
        return new CpdResult(minimumTokens, languages, totalLines, duplicatedLines, List.copyOf(blocks), List.copyOf(skipped),
                notSearched);
    }
}
