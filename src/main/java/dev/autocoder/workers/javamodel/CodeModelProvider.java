package dev.autocoder.workers.javamodel;

import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.config.AutocoderProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The test planner's Java model of a snapshot. Each file content is parsed once per Java language level: models
 * are cached by git blob id (the snapshot's content hash, or the blob of an earlier commit) and the level the build
 * declares for the file, so an unchanged file costs a map lookup, a build that changes the level reparses, and a
 * reset of the clone cannot change a model already built. Entries no longer in the current or the previous
 * snapshot are dropped.
 */
@Component
public class CodeModelProvider {

    private static final Logger log = LoggerFactory.getLogger(CodeModelProvider.class);

    private final JavaFileParser parser = new JavaFileParser();
    private final Map<String, FileModel> byBlob = new ConcurrentHashMap<>();
    /** Contents being parsed now, so a second caller waits for that parse instead of starting its own. */
    private final Map<String, CompletableFuture<FileModel>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService parsing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "javaparser-model");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration fileBudget;
    private volatile Set<String> previousBlobs = Set.of();

    @Autowired
    public CodeModelProvider(AutocoderProperties properties) {
        this(properties.getAnalysis().getFileTimeBudget());
    }

    public CodeModelProvider() {
        this(new AutocoderProperties.Analysis().getFileTimeBudget());
    }

    /** A provider that skips a file whose model takes longer than {@code fileBudget} to build. */
    public CodeModelProvider(Duration fileBudget) {
        this.fileBudget = fileBudget;
    }

    /** The model of every Java file of the snapshot; binary, oversized and unreadable files come back unparsed. */
    public CodeModel model(Snapshot snapshot) {
        List<FileModel> files = new ArrayList<>();
        Set<String> blobs = new HashSet<>();
        for (SourceFile file : snapshot.files(Language.JAVA)) {
            blobs.add(key(file.contentHash(), snapshot.javaLanguageLevel(file.path())));
            files.add(file(snapshot, file));
        }
        evictAllBut(blobs);
        return new CodeModel(List.copyOf(files));
    }

    /**
     * Parses a text known by its blob id (e.g. a file at an earlier commit), through the same cache. The parse runs
     * on a thread of its own and no lock is held meanwhile; a file whose model is not built within the per-file
     * budget is skipped, and the skip is cached for that content.
     */
    public FileModel parse(String path, String blobId, String text, JavaLanguageLevel level) {
        String key = key(blobId, level);
        FileModel cached = byBlob.get(key);
        if (cached != null) {
            return atPath(cached, path);
        }
        CompletableFuture<FileModel> own = new CompletableFuture<>();
        CompletableFuture<FileModel> parse = inFlight.putIfAbsent(key, own);
        if (parse == null) {
            parse = own;
            parsing.execute(() -> {
                try {
                    // a parse that ends after its budget does not replace the skip: a row must not flip between the two
                    FileModel model = parser.parse(path, blobId, text, level);
                    FileModel kept = byBlob.putIfAbsent(key, model);
                    own.complete(kept == null ? model : kept);
                } catch (RuntimeException | Error e) {
                    own.completeExceptionally(e);
                } finally {
                    inFlight.remove(key, own);
                }
            });
        }
        try {
            return atPath(parse.get(fileBudget.toNanos(), TimeUnit.NANOSECONDS), path);
        } catch (TimeoutException e) {
            log.warn("Building the Java model of {} took longer than {} ms; the file is skipped until it changes",
                    path, fileBudget.toMillis());
            FileModel skipped = new FileModel(path, blobId, "", List.of(), List.of(),
                    "skipped: building its Java model took longer than the per-file time budget ("
                            + fileBudget.toMillis() + " ms, autocoder.analysis.file-time-budget)",
                    JavaFileParser.isTestPath(path));
            byBlob.put(key, skipped);
            return skipped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while parsing " + path);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing " + path + " failed", e.getCause());
        }
    }

    /** Stops the parsing threads; a parse past its budget is a daemon and does not hold the JVM. */
    @PreDestroy
    public void close() {
        parsing.shutdownNow();
    }

    private static String key(String blobId, JavaLanguageLevel level) {
        return level.feature() + ":" + blobId;
    }

    private FileModel file(Snapshot snapshot, SourceFile file) {
        if (!file.isAnalyzableText()) {
            return new FileModel(file.path(), file.contentHash(), "", List.of(), List.of(),
                    file.binary() ? "binary file" : "larger than autocoder.analysis.max-file-size", JavaFileParser.isTestPath(file.path()));
        }
        JavaLanguageLevel level = snapshot.javaLanguageLevel(file.path());
        FileModel cached = byBlob.get(key(file.contentHash(), level));
        if (cached != null) {
            return atPath(cached, file.path());
        }
        try {
            return parse(file.path(), file.contentHash(), snapshot.read(file), level);
        } catch (IOException e) {
            return new FileModel(file.path(), file.contentHash(), "", List.of(), List.of(),
                    "unreadable: " + e.getClass().getSimpleName(), JavaFileParser.isTestPath(file.path()));
        }
    }

    /** The same content may live at two paths; the cached model is re-labelled with the asked path. */
    private static FileModel atPath(FileModel model, String path) {
        if (model.path().equals(path)) {
            return model;
        }
        return new FileModel(path, model.contentHash(), model.packageName(), model.imports(), model.types(),
                model.parseError(), model.test() || JavaFileParser.isTestPath(path));
    }

    private synchronized void evictAllBut(Set<String> current) {
        Set<String> keep = new HashSet<>(current);
        keep.addAll(previousBlobs);
        byBlob.keySet().retainAll(keep);
        previousBlobs = Set.copyOf(current);
    }
}
