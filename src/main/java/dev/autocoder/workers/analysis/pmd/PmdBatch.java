package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import net.sourceforge.pmd.PmdAnalysis;
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

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One PMD run over a batch of files of one Java version, on a thread of its own, one file after the other (PMD's
 * own threads off), so the file in progress is always known: the engine's watchdog abandons the batch when that
 * file has run over its time budget, and a parser error that escapes PMD (a {@link StackOverflowError}) is pinned
 * on the file that was being analyzed. Either way the file is skipped and the files after it go to a new batch.
 * <p>
 * PMD cannot be interrupted: an abandoned batch finishes its current file in the background, unseen, and stops at
 * the next one.
 */
final class PmdBatch implements Runnable {

    /** What the engine does with the outcome of each file and with a batch that ended early. */
    interface Outcome {
        void finished(String cacheKey, FileAnalysis result);

        /** The batch stopped before these files (cache key to file); they need another batch. */
        void leftOver(PmdBatch batch, Map<String, SourceFile> files);
    }

    private static final Logger log = LoggerFactory.getLogger(PmdBatch.class);

    private final Snapshot snapshot;
    private final LanguageVersion version;
    private final RuleSet ruleset;
    private final Outcome outcome;
    /** Cache key to file, in the order PMD gets them. */
    private final Map<String, SourceFile> files;
    /** Cache key to the charset the engine found the file decodes in. */
    private final Map<String, Charset> charsets;
    private final Map<String, String> keyByFileId = new LinkedHashMap<>();
    private final Map<String, String> done = new ConcurrentHashMap<>();

    private String current;
    private long currentSince;
    private int started;
    /** The last file PMD closed, held back until PMD starts the next one or ends: an escaping error belongs to it. */
    private String heldKey;
    private FileAnalysis heldResult;
    private boolean abandoned;

    PmdBatch(Snapshot snapshot, LanguageVersion version, RuleSet ruleset, Map<String, SourceFile> files,
             Map<String, Charset> charsets, Outcome outcome) {
        this.snapshot = snapshot;
        this.version = version;
        this.ruleset = ruleset;
        this.files = new LinkedHashMap<>(files);
        this.charsets = charsets;
        this.outcome = outcome;
    }

    Map<String, SourceFile> files() {
        return files;
    }

    @Override
    public void run() {
        Map<String, ParsedJavaFile> models = new ConcurrentHashMap<>();
        Throwable failure = null;
        try (PmdAnalysis pmd = PmdAnalysis.create(PmdEngine.configuration(0, version));
             JavaModelCollectorRule.Run collector = JavaModelCollectorRule.open(
                     (id, model) -> models.put(id.getAbsolutePath(), model))) {
            RuleSet rules = RuleSet.copy(ruleset);
            pmd.addRuleSet(rules);
            pmd.addRuleSet(RuleSet.forSingleRule(collector.rule()));
            pmd.addListener(new Listener(models, rules));
            files.forEach((key, file) -> {
                var path = snapshot.resolve(file);
                keyByFileId.put(FileId.fromPath(path).getAbsolutePath(), key);
                // PMD reads each file when it gets to it, so only the file in analysis is in memory
                pmd.files().addFile(TextFile.builderForPath(path,
                        charsets.getOrDefault(key, StandardCharsets.UTF_8), version).build());
            });
            pmd.performAnalysis();
        } catch (Throwable e) { // a StackOverflowError of PMD's parser or a rule escapes PMD's error handling
            failure = e;
        }
        InferenceFailureRecord.clear();
        end(failure);
    }

    private void end(Throwable failure) {
        Map<String, SourceFile> left;
        synchronized (this) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            if (failure != null && heldKey != null) {
                log.warn("PMD failed on {} ({}); the file is skipped until it changes",
                        files.get(heldKey).path(), failure.getClass().getSimpleName());
                finish(heldKey, FileAnalysis.skipped("PMD failed on this file: " + failure.getClass().getSimpleName()
                        + (failure instanceof StackOverflowError ? " (nested too deep for the parser)" : "")));
            } else if (failure != null && !(failure instanceof CancellationException)) {
                log.warn("PMD batch failed before its first file", failure);
            }
            releaseHeld();
            left = leftOver();
        }
        if (!left.isEmpty()) {
            outcome.leftOver(this, left);
        }
    }

    /**
     * Gives up on the batch when the file in progress has been analyzed for longer than the budget (twice the
     * budget for the batch's first file): that file is skipped and the files after it are handed back. Returns false when nothing was over the budget.
     */
    boolean abandonIfOver(long budgetNanos, long now, String reason) {
        Map<String, SourceFile> left;
        synchronized (this) {
            // the first file of a run also carries PMD's start-up (rule set copy, type resolution warming up)
            long allowed = started == 1 ? 2 * budgetNanos : budgetNanos;
            if (abandoned || current == null || now - currentSince <= allowed) {
                return false;
            }
            abandoned = true;
            log.warn("PMD ran over its per-file time budget on {}; the file is skipped until it changes",
                    files.get(current).path());
            releaseHeld();
            finish(current, FileAnalysis.skipped(reason));
            left = leftOver();
        }
        if (!left.isEmpty()) {
            outcome.leftOver(this, left);
        }
        return true;
    }

    private Map<String, SourceFile> leftOver() {
        Map<String, SourceFile> left = new LinkedHashMap<>();
        files.forEach((key, file) -> {
            if (!done.containsKey(key)) {
                left.put(key, file);
            }
        });
        return left;
    }

    private void finish(String key, FileAnalysis result) {
        if (done.putIfAbsent(key, key) == null) {
            outcome.finished(key, result);
        }
    }

    private void releaseHeld() {
        if (heldKey != null) {
            finish(heldKey, heldResult);
            heldKey = null;
            heldResult = null;
        }
    }

    private synchronized void started(String key) {
        if (abandoned) {
            // PMD turns this into a processing error of the file and stops the run; nobody reads it any more
            throw new CancellationException("batch abandoned");
        }
        releaseHeld();
        current = key;
        currentSince = System.nanoTime();
        started++;
    }

    private synchronized void closed(String key, FileAnalysis result) {
        if (abandoned || !key.equals(current)) {
            return;
        }
        current = null;
        heldKey = key;
        heldResult = result;
    }

    private static FileAnalysis result(List<FileAnalysis.Violation> found, ParsedJavaFile model, List<String> errors) {
        List<FileAnalysis.Violation> violations = new ArrayList<>(found);
        violations.sort(Comparator.comparingInt(FileAnalysis.Violation::beginLine)
                .thenComparing(FileAnalysis.Violation::rule)
                .thenComparingInt(FileAnalysis.Violation::endLine));
        if (model == null) {
            String reason = errors.isEmpty() ? "PMD produced no syntax tree for this file" : errors.get(0);
            return new FileAnalysis(List.copyOf(violations), null, List.of(), reason);
        }
        return new FileAnalysis(List.copyOf(violations), model, List.copyOf(errors), null);
    }

    /** Gathers one file's violations and errors while PMD analyzes it. */
    private final class Listener implements GlobalAnalysisListener {
        private final Map<String, ParsedJavaFile> models;
        /** This run's rules, initialized by PMD by the time the first file starts. */
        private RuleSet rulesToTune;

        Listener(Map<String, ParsedJavaFile> models, RuleSet rules) {
            this.models = models;
            this.rulesToTune = rules;
        }

        /** The file's lines for snippets, read while PMD analyzes it and dropped with it. */
        private String[] lines(String key) {
            try {
                return snapshot.read(files.get(key)).split("\\R", -1);
            } catch (IOException e) {
                return new String[0];
            }
        }

        @Override
        public FileAnalysisListener startFileAnalysis(TextFile file) {
            String id = file.getFileId().getAbsolutePath();
            String key = keyByFileId.get(id);
            if (rulesToTune != null) {
                SaxonErrorReporters.share(rulesToTune);
                rulesToTune = null;
            }
            started(key);
            String[] lines = lines(key);
            List<FileAnalysis.Violation> violations = Collections.synchronizedList(new ArrayList<>());
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            return new FileAnalysisListener() {
                @Override
                public void onRuleViolation(RuleViolation violation) {
                    if (JavaModelCollectorRule.NAME.equals(violation.getRule().getName())) {
                        return;
                    }
                    violations.add(new FileAnalysis.Violation(violation.getRule().getName(),
                            violation.getRule().getRuleSetName(), violation.getRule().getPriority().getPriority(),
                            violation.getBeginLine(), violation.getEndLine(), violation.getDescription(),
                            PmdEngine.snippet(lines, violation.getBeginLine(), violation.getEndLine())));
                }

                @Override
                public void onError(Report.ProcessingError error) {
                    errors.add(PmdEngine.errorMessage(error));
                }

                @Override
                public void close() {
                    closed(key, result(violations, models.remove(id), errors));
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
