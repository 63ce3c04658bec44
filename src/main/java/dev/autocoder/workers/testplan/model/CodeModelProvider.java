package dev.autocoder.workers.testplan.model;

import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test planner's Java model of a snapshot. Each file content is parsed once per Java language level: models
 * are cached by git blob id (the snapshot's content hash, or the blob of an earlier commit) and the level the build
 * declares for the file, so an unchanged file costs a map lookup, a build that changes the level reparses, and a
 * reset of the clone cannot change a model already built. Entries no longer in the current or the previous
 * snapshot are dropped.
 */
@Component
public class CodeModelProvider {

    private final JavaFileParser parser = new JavaFileParser();
    private final Map<String, FileModel> byBlob = new ConcurrentHashMap<>();
    private volatile Set<String> previousBlobs = Set.of();

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

    /** Parses a text known by its blob id (e.g. a file at an earlier commit), through the same cache. */
    public FileModel parse(String path, String blobId, String text, JavaLanguageLevel level) {
        FileModel model = byBlob.computeIfAbsent(key(blobId, level), k -> parser.parse(path, blobId, text, level));
        return atPath(model, path);
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
