package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.analysis.javamodel.JavaFileModel;
import dev.autocoder.workers.analysis.javamodel.JavaModel;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceEncoding;
import dev.autocoder.workers.repository.SourceFile;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.document.TextFile;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.FileAnalysisListener;
import net.sourceforge.pmd.reporting.GlobalAnalysisListener;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs PMD over the Java files of a snapshot, as a library, parsing each file content once.
 * <p>
 * One pass runs the ruleset and {@link JavaModelCollectorRule} together, so the violations and the Java model come
 * from the same parse. Results are cached per (ruleset fingerprint, content hash): a warm call on an unchanged tree
 * runs no PMD at all, and a one-file change analyzes that one file. Per-file caching is exact because PMD runs
 * without an auxclasspath: a file's violations do not depend on the other files of the run. After each call the
 * cache keeps only the contents of the current snapshot.
 * <p>
 * PMD settings: each file's Java language version is the level its build declares
 * ({@link Snapshot#javaLanguageLevel(String)}; the newest PMD and JavaParser both parse when none), and the level
 * is part of the cache key; each file is read in the charset {@link Snapshot#encoding} gives (a file it cannot
 * decode is skipped with the reason); {@code autocoder.analysis.pmd-threads} threads, no analysis cache file, and the JDK's
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

    private final RuleSet ruleset;
    private final SeverityTable severities;
    private final String cachePrefix;
    private final int threads;
    private final Map<String, FileAnalysis> cache = new ConcurrentHashMap<>();

    @Autowired
    public PmdEngine(AutocoderProperties properties) {
        this(PmdRulesets.load(properties.getAnalysis().getPmdRuleset()), properties.getAnalysis());
    }

    private PmdEngine(RuleSet ruleset, AutocoderProperties.Analysis analysis) {
        this(ruleset, PmdRulesets.severities(ruleset, analysis), analysis.getPmdThreads());
    }

    /** An engine for the curated ruleset, or any ruleset whose severities the shipped table describes. */
    public PmdEngine(RuleSet ruleset, int threads) {
        this(ruleset, SeverityTable.shipped(), threads);
    }

    public PmdEngine(RuleSet ruleset, SeverityTable severities, int threads) {
        this.ruleset = ruleset;
        this.severities = severities;
        this.threads = Math.max(0, threads);
        this.cachePrefix = PmdRulesets.fingerprint(ruleset) + ":";
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
        return ruleset;
    }

    /** Severity and applicability of the ruleset's rules, applied to violations after PMD ({@link PmdFindings}). */
    public SeverityTable severities() {
        return severities;
    }

    /** Violations, processing errors and the Java model of every Java file of the snapshot. */
    public synchronized PmdReport analyze(Snapshot snapshot) {
        long start = System.nanoTime();
        List<SourceFile> javaFiles = snapshot.files(Language.JAVA);
        Map<String, SourceFile> pending = new LinkedHashMap<>();
        Set<String> cachedBefore = new HashSet<>();
        for (SourceFile file : javaFiles) {
            if (!file.isAnalyzableText()) {
                continue;
            }
            String key = cacheKey(snapshot, file);
            if (cache.containsKey(key)) {
                cachedBefore.add(key);
            } else {
                pending.putIfAbsent(key, file);
            }
        }
        // one PMD run per language version: PMD refuses a file whose version is not the run's default
        Map<LanguageVersion, List<SourceFile>> byVersion = new LinkedHashMap<>();
        pending.values().forEach(file -> byVersion.computeIfAbsent(
                javaVersion(snapshot.javaLanguageLevel(file.path())), v -> new ArrayList<>()).add(file));
        Map<String, String> unreadable = new LinkedHashMap<>();
        byVersion.forEach((version, files) -> unreadable.putAll(runPmd(snapshot, version, files)));
        PmdReport report = assemble(snapshot, javaFiles, cachedBefore, unreadable, Duration.ofNanos(System.nanoTime() - start));
        evictAllBut(snapshot, javaFiles);
        log.debug("PMD: {} files analyzed, {} from cache, in {} ms", report.filesAnalyzed(), report.filesFromCache(),
                report.duration().toMillis());
        return report;
    }

    /** Analyzes the given files in one PMD run and caches the results; returns unreadable files with reasons. */
    private Map<String, String> runPmd(Snapshot snapshot, LanguageVersion version, Iterable<SourceFile> files) {
        Map<String, SourceFile> byFileId = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, ParsedJavaFile> models = new ConcurrentHashMap<>();
        CollectingListener listener = new CollectingListener(snapshot, byFileId);
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration(threads, version));
             JavaModelCollectorRule.Run collector = JavaModelCollectorRule.open((id, model) -> models.put(key(id), model))) {
            pmd.addRuleSet(RuleSet.copy(ruleset));
            pmd.addRuleSet(RuleSet.forSingleRule(collector.rule()));
            pmd.addListener(listener);
            for (SourceFile file : files) {
                Path path = snapshot.resolve(file);
                SourceEncoding encoding;
                try {
                    encoding = snapshot.encoding(file);
                } catch (IOException e) {
                    unreadable.put(file.path(), "unreadable: " + e.getClass().getSimpleName());
                    continue;
                }
                if (encoding.problem() != null) {
                    unreadable.put(file.path(), encoding.problem() + "; not parsed");
                    continue;
                }
                // PMD reads each file when it gets to it, so only the files in analysis are in memory
                byFileId.put(key(FileId.fromPath(path)), file);
                pmd.files().addFile(TextFile.builderForPath(path, encoding.charset(), version).build());
            }
            pmd.performAnalysis();
        }
        byFileId.forEach((id, file) -> cache.put(cacheKey(snapshot, file), result(id, models.get(id), listener)));
        return unreadable;
    }

    private static FileAnalysis result(String id, ParsedJavaFile model, CollectingListener listener) {
        List<FileAnalysis.Violation> violations = new ArrayList<>(listener.violations.getOrDefault(id, List.of()));
        violations.sort(Comparator.comparingInt(FileAnalysis.Violation::beginLine)
                .thenComparing(FileAnalysis.Violation::rule)
                .thenComparingInt(FileAnalysis.Violation::endLine));
        List<String> errors = listener.errors.getOrDefault(id, List.of());
        if (model == null) {
            String reason = errors.isEmpty() ? "PMD produced no syntax tree for this file" : errors.get(0);
            return new FileAnalysis(List.copyOf(violations), null, List.of(), reason);
        }
        return new FileAnalysis(List.copyOf(violations), model, List.copyOf(errors), null);
    }

    private PmdReport assemble(Snapshot snapshot, List<SourceFile> javaFiles, Set<String> cachedBefore,
                               Map<String, String> unreadable, Duration duration) {
        List<PmdViolation> violations = new ArrayList<>();
        List<PmdProcessingError> errors = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<JavaFileModel> models = new ArrayList<>();
        List<LoopNesting> loops = new ArrayList<>();
        int analyzed = 0;
        int fromCache = 0;
        for (SourceFile file : javaFiles) {
            String reason = skipReason(file, unreadable);
            String key = cacheKey(snapshot, file);
            FileAnalysis result = reason == null ? cache.get(key) : null;
            if (result == null) {
                reason = reason == null ? "not analyzed" : reason;
                skipped.add(new SkippedFile(file.path(), reason));
                models.add(JavaFileModel.skipped(file.path(), file.contentHash(), reason));
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
            if (result.parsed() != null) {
                result.parsed().loops().forEach(l -> loops.add(new LoopNesting(file.path(), l.type(), l.signature(),
                        l.beginLine(), l.endLine(), l.depth())));
            }
        }
        return new PmdReport(snapshot.key(), ruleset.getName(), List.copyOf(violations), List.copyOf(errors),
                List.copyOf(skipped), new JavaModel(snapshot.key(), List.copyOf(models)), List.copyOf(loops),
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

    private void evictAllBut(Snapshot snapshot, List<SourceFile> javaFiles) {
        Set<String> live = new HashSet<>();
        javaFiles.forEach(f -> live.add(cacheKey(snapshot, f)));
        cache.keySet().retainAll(live);
    }

    /** Ruleset, language level, declared encoding and content decide a file's result: a build that changes them reparses. */
    private String cacheKey(Snapshot snapshot, SourceFile file) {
        return cachePrefix + snapshot.javaLanguageLevel(file.path()).pmdVersion() + ":"
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

    /** Gathers violations and errors per file; PMD calls it from its worker threads. */
    private static final class CollectingListener implements GlobalAnalysisListener {
        final Map<String, List<FileAnalysis.Violation>> violations = new ConcurrentHashMap<>();
        final Map<String, List<String>> errors = new ConcurrentHashMap<>();
        private final Snapshot snapshot;
        private final Map<String, SourceFile> byFileId;

        CollectingListener(Snapshot snapshot, Map<String, SourceFile> byFileId) {
            this.snapshot = snapshot;
            this.byFileId = byFileId;
        }

        /** The file's lines for snippets, read while PMD analyzes it and dropped with it. */
        private String[] lines(String id) {
            try {
                return snapshot.read(byFileId.get(id)).split("\\R", -1);
            } catch (IOException e) {
                return new String[0];
            }
        }

        @Override
        public FileAnalysisListener startFileAnalysis(TextFile file) {
            String id = key(file.getFileId());
            String[] lines = lines(id);
            List<FileAnalysis.Violation> fileViolations = violations.computeIfAbsent(id,
                    k -> Collections.synchronizedList(new ArrayList<>()));
            List<String> fileErrors = errors.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()));
            return new FileAnalysisListener() {
                @Override
                public void onRuleViolation(RuleViolation violation) {
                    if (JavaModelCollectorRule.NAME.equals(violation.getRule().getName())) {
                        return;
                    }
                    fileViolations.add(new FileAnalysis.Violation(violation.getRule().getName(),
                            violation.getRule().getRuleSetName(), violation.getRule().getPriority().getPriority(),
                            violation.getBeginLine(), violation.getEndLine(), violation.getDescription(),
                            snippet(lines, violation.getBeginLine(), violation.getEndLine())));
                }

                @Override
                public void onError(Report.ProcessingError error) {
                    fileErrors.add(errorMessage(error));
                }
            };
        }

        @Override
        public void onConfigError(Report.ConfigurationError error) {
            log.warn("PMD rule {} is not usable: {}", error.rule().getName(), error.issue());
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
