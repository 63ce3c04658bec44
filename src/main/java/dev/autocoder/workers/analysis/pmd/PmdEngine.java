package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.analysis.cache.AnalysisCaches;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.analysis.secrets.rules.SecurityRuleClasses;
import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.FileModelBuilder;
import dev.autocoder.workers.javamodel.JavaMethodModel;
import dev.autocoder.workers.javamodel.JavaTypeModel;
import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.javamodel.JavaFileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceEncoding;
import dev.autocoder.workers.repository.SourceFile;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs PMD over the Java files of a snapshot, as a library, parsing each file content once.
 * <p>
 * One pass runs the ruleset and {@link JavaModelCollectorRule} together, so the violations and the Java model come
 * from the same parse. Results are cached per (ruleset fingerprint, content hash): a warm call on an unchanged tree
 * runs no PMD at all, and a one-file change analyzes that one file. Per-file caching is exact because PMD runs
 * without an auxclasspath: a file's violations do not depend on the other files of the run. After each call the
 * memory keeps the contents of the current snapshot, and of the trees analyzed before it as long as they fit.
 * <p>
 * With a disk cache ({@code autocoder.analysis.disk-cache}, in {@code {store}/.state/cache/pmd/}) each result is
 * also written to disk as it comes, and a content missing from memory is looked up there before PMD runs, so the
 * first call after a restart analyzes only what changed. The disk cache is keyed like the memory one and stamped
 * with the PMD version, the ruleset's fingerprint, the JDK (type resolution) and our own classes that build the
 * result; a file skipped for the time budget is only trusted under the same budget.
 * <p>
 * PMD settings: each file's Java language version is the level its build declares
 * ({@link Snapshot#javaLanguageLevel(String)}; the newest PMD and JavaParser both parse when none), and the level
 * is part of the cache key; each file is read in the charset {@link Snapshot#encoding} gives (a file it cannot
 * decode is skipped with the reason); {@code autocoder.analysis.pmd-threads} batches on threads of their own ({@link PmdBatch}),
 * each file under {@code autocoder.analysis.file-time-budget}, no analysis cache file, and the JDK's
 * platform class loader for type resolution, so results depend on the JDK only, never on the libraries this
 * application happens to bundle.
 */
@Component
public class PmdEngine {

    /** A violation's snippet is at most this many source lines... */
    static final int SNIPPET_LINES = 5;
    /** ...and this many characters. */
    static final int SNIPPET_CHARS = 600;

    private static final Logger log = LoggerFactory.getLogger(PmdEngine.class);

    /**
     * The ruleset and what it decides, once loaded: the shipped ruleset is loaded on a thread of its own while the
     * application starts (reading it resolves every rule reference against PMD's category files: about 2.5 s of a
     * cold start), a user's ruleset or severity file before start-up ends, so that a broken one stops it.
     */
    private final CompletableFuture<Rules> rules;
    private final DiskGate gate;
    private final int threads;
    private final Duration fileBudget;
    private final Map<String, FileAnalysis> cache = new ConcurrentHashMap<>();
    /**
     * Results kept in memory, in files: a quarter of the heap at ~20 KB a file (the large corpus's 1,884 files held
     * 36 MB). The tree just analyzed is always kept whole; the trees analyzed before it (a fleet's other targets)
     * as long as they fit, most recent first, so a fleet's next tick on a target reads nothing from disk.
     */
    private static final long FILES_IN_MEMORY = Runtime.getRuntime().maxMemory() / 4 / 20_000;
    /** The cache keys of each tree's last analysis, least recently analyzed first; guarded by itself. */
    private final Map<Path, Set<String>> keysByTree = new LinkedHashMap<>(16, 0.75f, true);
    /** Contents a batch is analyzing now, so a second caller waits for that batch instead of starting its own. */
    private final Map<String, CompletableFuture<FileAnalysis>> inFlight = new ConcurrentHashMap<>();
    /** Batches running now, each with the release of the PMD turn it holds. */
    private final Map<PmdBatch, Runnable> running = new ConcurrentHashMap<>();
    /**
     * One turn per PMD thread, shared by every caller: a fleet's passes over several trees at once run no more PMD
     * batches together than one pass does, so their memory is that of one pass. An abandoned batch gives its turn
     * back at once, though its thread still finishes the file it is in.
     */
    private final Semaphore turns;
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("pmd-run"));
    private ScheduledExecutorService watchdog;

    /**
     * @param ruleset    the rules PMD runs
     * @param severities severity and applicability of its rules
     * @param cachePrefix the ruleset's fingerprint, the start of every cache key
     * @param disk       results of earlier runs of the application; null without a disk cache
     */
    private record Rules(RuleSet ruleset, SeverityTable severities, String cachePrefix, DiskCache<StoredAnalysis> disk) {

        static Rules of(RuleSet ruleset, SeverityTable severities, Path diskCache, DiskGate gate) {
            String fingerprint = PmdRulesets.fingerprint(ruleset);
            return new Rules(ruleset, severities, fingerprint + ":", diskCache == null ? null
                    : gate.open(() -> DiskCache.open(diskCache, Map.of("pmd", PMDVersion.VERSION,
                            "ruleset", fingerprint,
                            "jdk", Runtime.version().toString(),
                            "code", DiskCache.codeFingerprint(codeClasses())), StoredAnalysis.class)));
        }
    }

    /**
     * Opens the disk cache unless the engine has stopped. The shipped ruleset loads in the background and opens the
     * cache in the store when it is done; a start-up that fails at once on a bad setting must leave nothing writing
     * into the store, so stopping waits for an opening under way and forbids a later one.
     */
    private static final class DiskGate {
        private boolean closed;

        synchronized <T> T open(Supplier<T> opening) {
            return closed ? null : opening.get();
        }

        synchronized void close() {
            closed = true;
        }
    }

    @Autowired
    public PmdEngine(AutocoderProperties properties) {
        this(properties, new DiskGate());
    }

    private PmdEngine(AutocoderProperties properties, DiskGate gate) {
        this(rules(properties.getAnalysis(), AnalysisCaches.folder(properties, "pmd"), gate),
                properties.getAnalysis().getPmdThreads(), properties.getAnalysis().getFileTimeBudget(), gate);
    }

    private static CompletableFuture<Rules> rules(AutocoderProperties.Analysis analysis, Path diskCache, DiskGate gate) {
        if (analysis.getPmdRuleset() == null && analysis.getSeverityFile() == null) {
            return CompletableFuture.supplyAsync(() -> Rules.of(PmdRulesets.load(null, analysis.isPmdCostlyRules()),
                    SeverityTable.shipped(), diskCache, gate), task -> daemon("pmd-ruleset").newThread(task).start());
        }
        RuleSet ruleset = PmdRulesets.load(analysis.getPmdRuleset(), analysis.isPmdCostlyRules());
        return CompletableFuture.completedFuture(Rules.of(ruleset, PmdRulesets.severities(ruleset, analysis), diskCache, gate));
    }

    /** An engine for the curated ruleset, or any ruleset whose severities the shipped table describes. */
    public PmdEngine(RuleSet ruleset, int threads) {
        this(ruleset, SeverityTable.shipped(), threads);
    }

    public PmdEngine(RuleSet ruleset, SeverityTable severities, int threads) {
        this(ruleset, severities, threads, new AutocoderProperties.Analysis().getFileTimeBudget());
    }

    /** An engine that skips a file PMD analyzes for longer than {@code fileBudget}. */
    public PmdEngine(RuleSet ruleset, SeverityTable severities, int threads, Duration fileBudget) {
        this(ruleset, severities, threads, fileBudget, null);
    }

    /** An engine that also keeps its results in the disk cache in {@code diskCache} (none when null). */
    public PmdEngine(RuleSet ruleset, SeverityTable severities, int threads, Duration fileBudget, Path diskCache) {
        this(ruleset, severities, threads, fileBudget, diskCache, new DiskGate());
    }

    private PmdEngine(RuleSet ruleset, SeverityTable severities, int threads, Duration fileBudget, Path diskCache,
                      DiskGate gate) {
        this(CompletableFuture.completedFuture(Rules.of(ruleset, severities, diskCache, gate)), threads, fileBudget, gate);
    }

    private PmdEngine(CompletableFuture<Rules> rules, int threads, Duration fileBudget, DiskGate gate) {
        this.rules = rules;
        this.gate = gate;
        this.threads = Math.max(0, threads);
        this.turns = new Semaphore(Math.max(1, threads));
        this.fileBudget = fileBudget;
    }

    /** The ruleset and what it decides; waits for the shipped ruleset while it is still loading. */
    private Rules rules() {
        return rules.join();
    }

    /**
     * The classes whose code decides a cached result: the engine's, the Java model's and our own PMD rules' (the
     * ruleset fingerprint names a Java rule but cannot see its code).
     */
    static Class<?>[] codeClasses() {
        return Stream.of(Stream.of(PmdEngine.class, PmdBatch.class, JavaModelCollectorRule.class,
                        JavaFileModelBuilder.class, FileAnalysis.class, FileAnalysis.Violation.class, ParsedJavaFile.class,
                        ParsedJavaFile.MethodLoops.class, JavaTypeModel.class, JavaMethodModel.class, StoredAnalysis.class),
                FileModelBuilder.codeClasses().stream(), SecurityRuleClasses.codeClasses().stream())
                .flatMap(classes -> classes).toArray(Class<?>[]::new);
    }

    /** The PMD configuration the engine uses for code without a declared level, to run PMD the same way. */
    public static PMDConfiguration configuration(int threads) {
        return configuration(threads, javaVersion(JavaLanguageLevel.newestSupported()));
    }

    /** The PMD configuration the engine uses for the files of one Java language version. */
    static PMDConfiguration configuration(int threads, LanguageVersion javaVersion) {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setDefaultLanguageVersion(javaVersion);
        configuration.setThreads(threads);
        configuration.setIgnoreIncrementalAnalysis(true);
        configuration.setClassLoader(ClassLoader.getPlatformClassLoader());
        configuration.setReporter(new EscapingReporter("net.sourceforge.pmd.PmdAnalysis"));
        return configuration;
    }

    /** The PMD language version of a Java level. */
    public static LanguageVersion javaVersion(JavaLanguageLevel level) {
        return LanguageRegistry.PMD.getLanguageVersionById("java", level.pmdVersion());
    }

    public RuleSet ruleset() {
        return rules().ruleset();
    }

    /** Severity and applicability of the ruleset's rules, applied to violations after PMD ({@link PmdFindings}). */
    public SeverityTable severities() {
        return rules().severities();
    }

    /**
     * Violations, processing errors and the Java model of every Java file of the snapshot. No lock is held while
     * PMD runs: callers that need the same content wait for the one batch analyzing it, and no file keeps anyone
     * waiting for longer than the per-file time budget.
     */
    public PmdReport analyze(Snapshot snapshot) {
        long start = System.nanoTime();
        List<SourceFile> javaFiles = snapshot.files(Language.JAVA);
        Map<String, FileAnalysis> results = new HashMap<>();
        Map<String, CompletableFuture<FileAnalysis>> awaited = new LinkedHashMap<>();
        Map<String, SourceFile> mine = new LinkedHashMap<>();
        Map<String, Charset> charsets = new HashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Set<String> cachedBefore = new HashSet<>();
        Map<SourceFile, String> keyOf = new LinkedHashMap<>();
        javaFiles.stream().filter(SourceFile::isAnalyzableText).forEach(f -> keyOf.put(f, cacheKey(snapshot, f)));
        Set<String> keys = new HashSet<>(keyOf.values());
        DiskCache<StoredAnalysis> disk = rules().disk();
        if (disk != null) {
            // before PMD runs: another tree's pass at the same time must not delete what this one writes
            disk.retainForTree(snapshot.root(), keys);
        }
        for (Map.Entry<SourceFile, String> keyed : keyOf.entrySet()) {
            SourceFile file = keyed.getKey();
            String key = keyed.getValue();
            FileAnalysis cached = cache.get(key);
            if (cached == null) {
                cached = fromDisk(key);
            }
            if (cached != null) {
                cachedBefore.add(key);
                results.put(key, cached);
                continue;
            }
            SourceEncoding encoding = encoding(snapshot, file);
            if (encoding.problem() != null) {
                unreadable.put(file.path(), encoding.problem());
            } else if (!awaited.containsKey(key)) {
                CompletableFuture<FileAnalysis> own = new CompletableFuture<>();
                CompletableFuture<FileAnalysis> other = inFlight.putIfAbsent(key, own);
                awaited.put(key, other == null ? own : other);
                if (other == null) {
                    mine.put(key, file);
                    charsets.put(key, encoding.charset());
                }
            }
        }
        // one PMD run per language version: PMD refuses a file whose version is not the run's default
        Map<LanguageVersion, Map<String, SourceFile>> byVersion = new LinkedHashMap<>();
        mine.forEach((key, file) -> byVersion.computeIfAbsent(
                javaVersion(snapshot.javaLanguageLevel(file.path())), v -> new LinkedHashMap<>()).put(key, file));
        byVersion.forEach((version, files) -> submit(snapshot, version, files, charsets));
        awaited.forEach((key, future) -> results.put(key, future.join()));
        PmdReport report = assemble(snapshot, javaFiles, keyOf, results, cachedBefore, unreadable,
                Duration.ofNanos(System.nanoTime() - start));
        keepInMemory(snapshot.root(), keys);
        log.debug("PMD: {} files analyzed, {} from cache, in {} ms", report.filesAnalyzed(), report.filesFromCache(),
                report.duration().toMillis());
        return report;
    }

    /** The result an earlier run stored for the key, now also in memory; null when there is none to trust. */
    private FileAnalysis fromDisk(String key) {
        DiskCache<StoredAnalysis> disk = rules().disk();
        if (disk == null) {
            return null;
        }
        StoredAnalysis stored = disk.read(key);
        if (stored == null || !stored.trustedUnder(fileBudget)) {
            return null;
        }
        cache.put(key, stored.result());
        return stored.result();
    }

    /** How long PMD may take over one file before it is skipped. */
    Duration fileBudget() {
        return fileBudget;
    }

    /** The disk cache in use; null without one. */
    DiskCache<?> diskCache() {
        return rules().disk();
    }

    /** How PMD reads the file; its problem says why PMD cannot (unreadable, or not decodable in its encoding). */
    private static SourceEncoding encoding(Snapshot snapshot, SourceFile file) {
        try {
            SourceEncoding encoding = snapshot.encoding(file);
            return encoding.problem() == null ? encoding
                    : new SourceEncoding(encoding.charset(), encoding.problem() + "; not parsed");
        } catch (IOException e) {
            return new SourceEncoding(StandardCharsets.UTF_8, "unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** Starts {@code threads} batches over the files, each on a thread of its own, all watched against the budget. */
    private void submit(Snapshot snapshot, LanguageVersion version, Map<String, SourceFile> files,
                        Map<String, Charset> charsets) {
        int batchCount = Math.max(1, Math.min(threads, files.size()));
        List<Map<String, SourceFile>> batches = new ArrayList<>();
        for (int i = 0; i < batchCount; i++) {
            batches.add(new LinkedHashMap<>());
        }
        int next = 0;
        for (Map.Entry<String, SourceFile> file : files.entrySet()) {
            batches.get(next++ % batchCount).put(file.getKey(), file.getValue());
        }
        startWatchdog();
        for (Map<String, SourceFile> batch : batches) {
            start(new PmdBatch(snapshot, version, rules().ruleset(), batch, charsets, new BatchOutcome(snapshot, version, charsets)));
        }
    }

    private void start(PmdBatch batch) {
        runs.execute(() -> {
            turns.acquireUninterruptibly();
            AtomicBoolean holding = new AtomicBoolean(true);
            Runnable release = () -> {
                if (holding.compareAndSet(true, false)) {
                    turns.release();
                }
            };
            running.put(batch, release);
            try {
                batch.run();
            } finally {
                running.remove(batch);
                release.run();
            }
        });
    }

    private synchronized void startWatchdog() {
        if (watchdog == null) {
            long period = Math.max(10, Math.min(500, fileBudget.toMillis() / 5));
            watchdog = Executors.newSingleThreadScheduledExecutor(daemon("pmd-budget"));
            watchdog.scheduleWithFixedDelay(this::enforceBudget, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void enforceBudget() {
        long now = System.nanoTime();
        String reason = "PMD took longer than the per-file time budget (" + fileBudget.toMillis()
                + " ms, autocoder.analysis.file-time-budget); skipped until the file changes";
        for (Map.Entry<PmdBatch, Runnable> batch : List.copyOf(running.entrySet())) {
            if (batch.getKey().abandonIfOver(fileBudget.toNanos(), now, reason)) {
                running.remove(batch.getKey());
                batch.getValue().run();
            }
        }
    }

    /**
     * Stops the engine's threads; an abandoned PMD run still in a file is a daemon and does not hold the JVM. A
     * ruleset still loading opens no disk cache afterwards ({@link DiskGate}).
     */
    @PreDestroy
    public void close() {
        runs.shutdownNow();
        synchronized (this) {
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
        }
        gate.close();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Caches each file's result as it comes and hands the files an ended batch did not reach to a new one. */
    private final class BatchOutcome implements PmdBatch.Outcome {
        private final Snapshot snapshot;
        private final LanguageVersion version;
        private final Map<String, Charset> charsets;

        BatchOutcome(Snapshot snapshot, LanguageVersion version, Map<String, Charset> charsets) {
            this.snapshot = snapshot;
            this.version = version;
            this.charsets = charsets;
        }

        @Override
        public void finished(String cacheKey, FileAnalysis result) {
            cache.put(cacheKey, result);
            DiskCache<StoredAnalysis> disk = rules().disk();
            if (disk != null) {
                disk.write(cacheKey, StoredAnalysis.of(result, fileBudget));
            }
            CompletableFuture<FileAnalysis> future = inFlight.remove(cacheKey);
            if (future != null) {
                future.complete(result);
            }
        }

        @Override
        public void leftOver(PmdBatch batch, Map<String, SourceFile> files) {
            start(new PmdBatch(snapshot, version, rules().ruleset(), files, charsets, this));
        }
    }

    private PmdReport assemble(Snapshot snapshot, List<SourceFile> javaFiles, Map<SourceFile, String> keyOf,
                               Map<String, FileAnalysis> results, Set<String> cachedBefore,
                               Map<String, String> unreadable, Duration duration) {
        List<PmdViolation> violations = new ArrayList<>();
        List<PmdProcessingError> errors = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<JavaFileModel> models = new ArrayList<>();
        List<FileModel> details = new ArrayList<>();
        Set<String> abandoned = new HashSet<>();
        List<LoopNesting> loops = new ArrayList<>();
        int analyzed = 0;
        int fromCache = 0;
        for (SourceFile file : javaFiles) {
            String reason = skipReason(file, unreadable);
            String key = keyOf.get(file);
            FileAnalysis result = reason == null ? results.get(key) : null;
            if (result != null && result.skipReason() != null) {
                reason = result.skipReason();
                result = null;
                abandoned.add(file.path());
            }
            if (result == null) {
                reason = reason == null ? "not analyzed" : reason;
                skipped.add(new SkippedFile(file.path(), reason));
                models.add(JavaFileModel.skipped(file.path(), file.contentHash(), reason));
                details.add(FileModelBuilder.failed(file.path(), file.contentHash(), reason));
                continue;
            }
            if (cachedBefore.contains(key)) {
                fromCache++;
            } else {
                analyzed++;
            }
            result.violations().forEach(v -> violations.add(v.at(file.path())));
            if (result.parseError() != null) {
                errors.add(new PmdProcessingError(file.path(), result.parseError(), true));
            }
            result.ruleErrors().forEach(e -> errors.add(new PmdProcessingError(file.path(), e, false)));
            models.add(result.modelAt(file.path(), file.contentHash()));
            details.add(result.detailAt(file.path(), file.contentHash()));
            if (result.parsed() != null) {
                result.parsed().loops().forEach(l -> loops.add(new LoopNesting(file.path(), l.type(), l.signature(),
                        l.beginLine(), l.endLine(), l.depth(), l.growthDepth())));
            }
        }
        return new PmdReport(snapshot.key(), rules().ruleset().getName(), List.copyOf(violations), List.copyOf(errors),
                List.copyOf(skipped), new JavaModel(snapshot.key(), List.copyOf(models)),
                new CodeModel(List.copyOf(details)), Set.copyOf(abandoned), List.copyOf(loops),
                analyzed, fromCache, duration);
    }

    private static String skipReason(SourceFile file, Map<String, String> unreadable) {
        if (file.binary()) {
            return "binary file; not parsed";
        }
        if (file.oversized()) {
            return "larger than the size limit; not parsed";
        }
        return unreadable.get(file.path());
    }

    /** Keeps this tree's results in memory, and the other trees' most recent first while they fit. */
    private void keepInMemory(Path root, Set<String> keys) {
        Set<String> kept = new HashSet<>(keys);
        synchronized (keysByTree) {
            keysByTree.put(root, keys);
            var eldest = keysByTree.keySet().iterator();
            while (keysByTree.size() > DiskCache.TREES_KEPT) {
                eldest.next();
                eldest.remove();
            }
            List<Set<String>> newestFirst = new ArrayList<>(keysByTree.values());
            Collections.reverse(newestFirst);
            for (Set<String> other : newestFirst.subList(1, newestFirst.size())) {
                if (kept.size() + other.size() > FILES_IN_MEMORY) {
                    break;
                }
                kept.addAll(other);
            }
        }
        cache.keySet().retainAll(kept);
    }

    /** Ruleset, language level, declared encoding and content decide a file's result: a build that changes them reparses. */
    private String cacheKey(Snapshot snapshot, SourceFile file) {
        return rules().cachePrefix() + snapshot.javaLanguageLevel(file.path()).pmdVersion() + ":"
                + snapshot.declaredEncoding(file.path()) + ":" + file.contentHash();
    }

    private static String key(FileId id) {
        return id.getAbsolutePath();
    }

    /** First line of PMD's message, without the file name (the result is cached for the content, not the path). */
    static String errorMessage(Report.ProcessingError error) {
        String message = error.getMsg() == null ? error.getError().toString() : error.getMsg();
        message = message.replace(" in file '" + error.getFileId().getOriginalPath() + "'", "")
                .replace(" in file '" + error.getFileId().getAbsolutePath() + "'", "");
        String firstLine = message.lines().findFirst().orElse("").strip();
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }

    static String snippet(String[] lines, int beginLine, int endLine) {
        int from = Math.max(1, beginLine);
        int to = Math.min(Math.min(lines.length, Math.max(from, endLine)), from + SNIPPET_LINES - 1);
        StringBuilder text = new StringBuilder();
        for (int line = from; line <= to; line++) {
            text.append(lines[line - 1]).append('\n');
        }
        return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) : text.toString();
    }
}
