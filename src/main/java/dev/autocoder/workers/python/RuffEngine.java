package dev.autocoder.workers.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.cache.AnalysisCaches;
import dev.autocoder.workers.analysis.cache.DiskCache;
import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs ruff ({@link RuffProcess}) over the Python files of a snapshot with the curated selection and the
 * repository's own settings ({@link RuffSettings}), caching each file's result per (ruff version, settings, file
 * name, content hash) in memory and, with {@code autocoder.analysis.disk-cache}, on disk under
 * {@code {store}/.state/cache/ruff/}: a warm call on an unchanged tree starts no process.
 * <p>
 * Files ruff has not seen run in batches of {@value #BATCH} per process, each under a budget of
 * {@code file-time-budget × (1 + files / 5)}; a batch over its budget or one ruff fails on is split in halves until
 * the file responsible is alone, and that file is skipped with the reason until its content changes.
 */
@Component
public class RuffEngine {

    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(RuffEngine.class);
    private static final Duration VERSION_BUDGET = Duration.ofSeconds(30);

    private final RuffProcess ruff;
    private final Duration fileBudget;
    private final Path diskFolder;
    private final Map<String, RuffFileResult> cache = new ConcurrentHashMap<>();
    private final Map<String, DiskCache<RuffFileResult>> disks = new HashMap<>();
    private final TypingModules typingModules = new TypingModules();
    private String version;
    /** Why ruff cannot be run; null while it can. */
    private String unavailable;

    @Autowired
    public RuffEngine(AutocoderProperties properties, @Qualifier(AutocoderJson.MAPPER) ObjectMapper json) {
        this(properties.getPython().getRuffPath(), properties.getAnalysis().getFileTimeBudget(),
                AnalysisCaches.folder(properties, "ruff"), json);
    }

    /** The default settings' engine (the ruff on the PATH, the default file budget), without a disk cache. */
    public static RuffEngine withDefaults() {
        AutocoderProperties defaults = new AutocoderProperties();
        return new RuffEngine(defaults.getPython().getRuffPath(), defaults.getAnalysis().getFileTimeBudget());
    }

    /** An engine without a disk cache. */
    public RuffEngine(String ruffPath, Duration fileBudget) {
        this(ruffPath, fileBudget, null);
    }

    /** Without Spring (the tests, the perspectives' defaults): a mapper made like the application's. */
    public RuffEngine(String ruffPath, Duration fileBudget, Path diskCache) {
        this(ruffPath, fileBudget, diskCache, AutocoderJson.newObjectMapper());
    }

    private RuffEngine(String ruffPath, Duration fileBudget, Path diskCache, ObjectMapper json) {
        this.ruff = new RuffProcess(ruffPath, json);
        this.fileBudget = fileBudget;
        this.diskFolder = diskCache;
    }

    /** Ruff's findings on the snapshot's Python files, or why there are none. */
    public synchronized PythonLint analyze(Snapshot snapshot) {
        long start = System.nanoTime();
        List<SourceFile> python = snapshot.files(Language.PYTHON);
        if (python.isEmpty()) {
            return PythonLint.noPython();
        }
        String ruffVersion = version();
        if (ruffVersion == null) {
            return PythonLint.unavailable(python.size(), unavailable);
        }
        RuffSettings settings = RuffSettings.of(snapshot.root()).withTypingModules(typingModules.of(snapshot, python));
        DiskCache<RuffFileResult> diskCache = diskCache(ruffVersion);
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, RuffFileResult> results = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        int fromCache = 0;
        for (SourceFile file : python) {
            if (!file.isAnalyzableText()) {
                skipped.add(new SkippedFile(file.path(), file.binary() ? "binary" : "not analyzable text (oversized or unreadable)"));
                continue;
            }
            if (settings.excluded(file.path())) {
                skipped.add(new SkippedFile(file.path(), "excluded by the repository's ruff settings ("
                        + settings.source() + ")"));
                continue;
            }
            String key = cacheKey(ruffVersion, settings, file);
            keys.put(file.path(), key);
            RuffFileResult cached = cache.get(key);
            if (cached == null && diskCache != null) {
                cached = diskCache.read(key);
                if (cached != null && cached.skipReason() != null && cached.budgetMillis() != fileBudget.toMillis()) {
                    cached = null;
                }
            }
            if (cached != null) {
                cache.put(key, cached);
                results.put(file.path(), cached);
                fromCache++;
            } else {
                misses.add(file.path());
            }
        }
        if (diskCache != null) {
            // before ruff runs: another tree's pass at the same time must not delete what this one writes
            diskCache.retainForTree(snapshot.root(), keys.values());
        }
        for (int i = 0; i < misses.size(); i += BATCH) {
            List<String> batch = misses.subList(i, Math.min(misses.size(), i + BATCH));
            Map<String, RuffFileResult> ran = new LinkedHashMap<>();
            String refusal = runSplitting(snapshot, settings, batch, ran);
            if (refusal != null) {
                // ruff refuses every run (for example a selector it does not know): the settings are the problem
                return PythonLint.unavailable(python.size(), refusal);
            }
            ran.forEach((path, result) -> {
                String key = keys.get(path);
                cache.put(key, result);
                if (diskCache != null) {
                    diskCache.write(key, result);
                }
                results.put(path, result);
            });
        }
        cache.keySet().retainAll(keys.values());
        PythonLint lint = assemble(python.size(), ruffVersion, settings, results, skipped, fromCache,
                Duration.ofNanos(System.nanoTime() - start));
        log.debug("ruff: {} Python files, {} from cache, in {} ms", python.size(), fromCache, lint.duration().toMillis());
        return lint;
    }

    /** Ruff's version; null (and {@link #unavailable} says why) when it cannot be run. Asked again until it runs. */
    private String version() {
        if (version == null) {
            try {
                version = ruff.version(VERSION_BUDGET);
            } catch (RuffProcess.RuffFailure e) {
                unavailable = "ruff is not available at '" + ruff.command() + "' (autocoder.python.ruff-path): "
                        + e.getMessage();
            }
        }
        return version;
    }

    /**
     * Runs ruff over the paths, splitting a batch that fails or runs over its budget until the file responsible is
     * alone (then skipped). Returns why ruff refuses to run at all when a single file fails for a reason that is
     * not the file's (ruff exits with an error before reading it); null otherwise.
     */
    private String runSplitting(Snapshot snapshot, RuffSettings settings, List<String> paths,
                                Map<String, RuffFileResult> into) {
        Duration budget = fileBudget.plus(fileBudget.multipliedBy(paths.size()).dividedBy(5));
        try {
            Map<String, List<RuffDiagnostic>> found = ruff.check(snapshot.root(), paths, settings, budget);
            found.forEach((path, diagnostics) -> into.put(path,
                    new RuffFileResult(withSnippets(snapshot, path, diagnostics), null, 0)));
            return null;
        } catch (RuffProcess.RuffFailure e) {
            if (paths.size() > 1) {
                int half = paths.size() / 2;
                String first = runSplitting(snapshot, settings, paths.subList(0, half), into);
                return first != null ? first : runSplitting(snapshot, settings, paths.subList(half, paths.size()), into);
            }
            if (!e.timedOut() && refusesSettings(e.getMessage())) {
                return "ruff refused the settings: " + e.getMessage();
            }
            log.info("ruff skipped {}: {}", paths.get(0), e.getMessage());
            into.put(paths.get(0), RuffFileResult.skipped(e.getMessage() + "; skipped until the file changes",
                    fileBudget.toMillis()));
            return null;
        }
    }

    /** Ruff's own words for settings it cannot use: every file would fail the same way. */
    private static boolean refusesSettings(String message) {
        return message.contains("selector") || message.contains("--config") || message.contains("unsupported option")
                || message.contains("invalid value");
    }

    private static List<RuffDiagnostic> withSnippets(Snapshot snapshot, String path, List<RuffDiagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = snapshot.read(snapshot.file(path).orElseThrow()).lines().toList();
        } catch (IOException | RuntimeException e) {
            lines = List.of();
        }
        List<String> source = lines;
        return diagnostics.stream().map(d -> d.withSnippetFrom(source)).toList();
    }

    private static PythonLint assemble(int pythonFiles, String ruffVersion, RuffSettings settings,
                                       Map<String, RuffFileResult> results, List<SkippedFile> skipped, int fromCache,
                                       Duration duration) {
        List<RuffViolation> violations = new ArrayList<>();
        List<RuffViolation> syntaxErrors = new ArrayList<>();
        List<FunctionComplexity> complexities = new ArrayList<>();
        List<SkippedFile> skippedFiles = new ArrayList<>(skipped);
        int silenced = 0;
        int analyzed = 0;
        for (Map.Entry<String, RuffFileResult> entry : results.entrySet()) {
            String path = entry.getKey();
            RuffFileResult result = entry.getValue();
            if (result.skipReason() != null) {
                skippedFiles.add(new SkippedFile(path, result.skipReason()));
                continue;
            }
            analyzed++;
            boolean syntaxErrorSeen = false;
            for (RuffDiagnostic diagnostic : result.diagnostics()) {
                if (diagnostic.syntaxError()) {
                    // one per file: the first error is where parsing went wrong, the rest follow from it
                    if (!syntaxErrorSeen) {
                        syntaxErrors.add(new RuffViolation(path, diagnostic));
                        syntaxErrorSeen = true;
                    }
                    continue;
                }
                FunctionComplexity complexity = FunctionComplexity.of(path, diagnostic);
                if (complexity != null) {
                    complexities.add(complexity);
                    if (complexity.complexity() <= settings.maxComplexity()) {
                        continue;
                    }
                    // worded as ruff words it at the threshold in force, not the 0 it ran with
                    diagnostic = diagnostic.withMessage("`" + complexity.name() + "` is too complex ("
                            + complexity.complexity() + " > " + settings.maxComplexity() + ")");
                }
                if (settings.ignoredAt(path, diagnostic.code())) {
                    silenced++;
                } else {
                    violations.add(new RuffViolation(path, diagnostic));
                }
            }
        }
        return new PythonLint(PythonLint.State.RAN, null, ruffVersion, settings, pythonFiles, analyzed, fromCache,
                List.copyOf(violations), List.copyOf(syntaxErrors), List.copyOf(complexities), silenced,
                List.copyOf(skippedFiles), duration);
    }

    private String cacheKey(String ruffVersion, RuffSettings settings, SourceFile file) {
        // the file name is part of the key: ruff treats __init__.py and stubs differently
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        return ruffVersion + '\u0000' + settings.fingerprint() + '\u0000' + name + '\u0000' + file.contentHash();
    }

    /** The disk cache, stamped with ruff's version (the settings are in each key); null without one. */
    private DiskCache<RuffFileResult> diskCache(String ruffVersion) {
        if (diskFolder == null) {
            return null;
        }
        // one folder for all settings: a settings change discards the old entries (retainForTree) like a ruff upgrade
        return disks.computeIfAbsent(ruffVersion, v -> DiskCache.open(diskFolder, Map.of("ruff", v,
                "code", DiskCache.codeFingerprint(RuffEngine.class, RuffProcess.class, RuffDiagnostic.class,
                        RuffFileResult.class, RuffSettings.class)), RuffFileResult.class));
    }
}
