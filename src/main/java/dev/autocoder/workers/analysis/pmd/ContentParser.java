package dev.autocoder.workers.analysis.pmd;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.FileModelBuilder;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguagePropertyBundle;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.document.TextFile;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.properties.PropertyDescriptor;
import net.sourceforge.pmd.reporting.FileAnalysisListener;
import net.sourceforge.pmd.reporting.GlobalAnalysisListener;
import net.sourceforge.pmd.reporting.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The planner's model of a text that is not a file of the current snapshot (a file at an earlier commit), or of a
 * file whose rules run PMD gave up on (a rule failed, or it ran over the budget): one PMD parse with no rule but the
 * model collector, so it is built by the same code as the snapshot's models. The
 * parse runs on a thread of its own under the per-file time budget; a skip is kept for that content like a model.
 * Models are kept by language level and blob id in a bounded cache.
 */
final class ContentParser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContentParser.class);
    /** A plan compares the Java files one diff changed; this many covers a large refactoring. */
    private static final int KEPT_CONTENTS = 2_000;

    private final Duration fileBudget;
    private final Cache<String, FileModel> byContent = Caffeine.newBuilder().maximumSize(KEPT_CONTENTS).build();
    /** Contents being parsed now, so a second caller waits for that parse instead of starting its own. */
    private final Map<String, CompletableFuture<FileModel>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService parsing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "pmd-content-parse");
        thread.setDaemon(true);
        return thread;
    });

    ContentParser(Duration fileBudget) {
        this.fileBudget = fileBudget;
    }

    FileModel parse(String path, String blobId, String text, JavaLanguageLevel level) {
        String key = level.pmdVersion() + ":" + blobId;
        FileModel cached = byContent.getIfPresent(key);
        if (cached != null) {
            return FileModelBuilder.atPath(cached, path, blobId);
        }
        CompletableFuture<FileModel> own = new CompletableFuture<>();
        CompletableFuture<FileModel> parse = inFlight.putIfAbsent(key, own);
        if (parse == null) {
            parse = own;
            parsing.execute(() -> {
                try {
                    // a parse that ends after its budget does not replace the skip: a row must not flip between the two
                    FileModel model = parseNow(text, PmdEngine.javaVersion(level));
                    FileModel kept = byContent.asMap().putIfAbsent(key, model);
                    own.complete(kept == null ? model : kept);
                } catch (RuntimeException | Error e) {
                    own.completeExceptionally(e);
                } finally {
                    inFlight.remove(key, own);
                }
            });
        }
        try {
            return FileModelBuilder.atPath(parse.get(fileBudget.toNanos(), TimeUnit.NANOSECONDS), path, blobId);
        } catch (TimeoutException e) {
            log.warn("Parsing {} without rules took longer than {} ms; skipped until it changes", path,
                    fileBudget.toMillis());
            FileModel skipped = FileModelBuilder.failed("", "", "PMD took longer than the per-file time budget ("
                    + fileBudget.toMillis() + " ms, autocoder.analysis.file-time-budget); skipped until the file changes");
            byContent.put(key, skipped);
            return FileModelBuilder.atPath(skipped, path, blobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while parsing " + path);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing " + path + " failed", e.getCause());
        }
    }

    /** One PMD run over the text with only the model collector; the parse error when it does not parse. */
    private static FileModel parseNow(String text, LanguageVersion version) {
        AtomicReference<FileModel> model = new AtomicReference<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        PMDConfiguration configuration = PmdEngine.configuration(0, version);
        withoutEagerTypeResolution(configuration);
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration);
             JavaModelCollectorRule.Run collector = JavaModelCollectorRule.open((id, parsed) -> model.set(parsed.detail()))) {
            pmd.addRuleSet(RuleSet.forSingleRule(collector.rule()));
            pmd.addListener(new ErrorListener(errors));
            pmd.files().addFile(TextFile.builderForCharSeq(text, FileId.fromPathLikeString("Content.java"), version).build());
            pmd.performAnalysis();
        } catch (StackOverflowError e) { // PMD's parser on an expression nested thousands deep
            return FileModelBuilder.failed("", "", "PMD failed on this file: StackOverflowError (nested too deep for the parser)");
        } catch (RuntimeException | AssertionError e) { // escapes PMD's error handling, like in the rules run
            return FileModelBuilder.failed("", "", "PMD failed on this file: " + e.getClass().getSimpleName());
        }
        if (model.get() != null) {
            return model.get();
        }
        return FileModelBuilder.failed("", "", errors.isEmpty() ? "PMD produced no syntax tree for this file" : errors.get(0));
    }

    /**
     * The collector reads syntax only, so PMD need not resolve every expression's type while it parses: PMD 7.26's
     * type inference fails with an {@code AssertionError} on some files (e.g. a few of commons-lang's, with no
     * classpath), which would leave them without a model although they parse.
     */
    @SuppressWarnings("unchecked")
    private static void withoutEagerTypeResolution(PMDConfiguration configuration) {
        LanguagePropertyBundle java = configuration.getLanguageProperties(LanguageRegistry.PMD.getLanguageById("java"));
        java.setProperty((PropertyDescriptor<Boolean>) java.getPropertyDescriptor("xStrictTypeRes"), false);
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }

    /** Keeps PMD's processing errors: the first one of an unparseable text is its parse error. */
    private record ErrorListener(List<String> errors) implements GlobalAnalysisListener {
        @Override
        public FileAnalysisListener startFileAnalysis(TextFile file) {
            return new FileAnalysisListener() {
                @Override
                public void onRuleViolation(net.sourceforge.pmd.reporting.RuleViolation violation) {
                    // the collector reports nothing
                }

                @Override
                public void onError(Report.ProcessingError error) {
                    errors.add(PmdEngine.errorMessage(error));
                }
            };
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
