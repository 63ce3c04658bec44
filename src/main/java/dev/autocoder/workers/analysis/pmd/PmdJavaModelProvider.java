package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.CodeModelProvider;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SourceFile;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Both Java models from {@link PmdEngine}: asking for either runs the full ruleset on files not cached yet, so
 * the parse also yields the violations the quality, performance and security perspectives ask for next, and
 * every file content is parsed once whichever worker comes first (analysis, test planning or implementation).
 * On a warm cache this is map look-ups only. Texts of earlier commits, and files whose rules run PMD gave up on,
 * get a rules-free PMD parse ({@link ContentParser}) under the same per-file time budget.
 */
@Component
public class PmdJavaModelProvider implements JavaModelProvider, CodeModelProvider {

    private final PmdEngine engine;
    private final ContentParser earlierContents;

    public PmdJavaModelProvider(PmdEngine engine) {
        this.engine = engine;
        this.earlierContents = new ContentParser(engine.fileBudget());
    }

    @Override
    public JavaModel model(Snapshot snapshot) {
        return engine.analyze(snapshot).javaModel();
    }

    /**
     * The detailed model of every Java file. A file whose rules run PMD gave up on (a rule failed on it, or all rules
     * together ran over the time budget) gets a rules-free parse under the same per-file budget, so a file has no
     * model only when PMD's parser cannot read it (or alone takes longer than the budget).
     */
    @Override
    public CodeModel codeModel(Snapshot snapshot) {
        PmdReport report = engine.analyze(snapshot);
        if (report.abandonedFiles().isEmpty()) {
            return report.codeModel();
        }
        Map<String, SourceFile> javaFiles = new HashMap<>();
        snapshot.files(Language.JAVA).forEach(f -> javaFiles.put(f.path(), f));
        List<FileModel> files = new ArrayList<>();
        for (FileModel file : report.codeModel().files()) {
            SourceFile source = javaFiles.get(file.path());
            files.add(report.abandonedFiles().contains(file.path()) && source != null ? parseAlone(snapshot, source, file) : file);
        }
        return new CodeModel(List.copyOf(files));
    }

    private FileModel parseAlone(Snapshot snapshot, SourceFile source, FileModel abandoned) {
        String text;
        try {
            text = snapshot.read(source);
        } catch (IOException e) {
            return abandoned;
        }
        FileModel alone = earlierContents.parse(source.path(), source.contentHash(), text,
                snapshot.javaLanguageLevel(source.path()));
        // the rules run's reason names what went wrong first; it stays when the parser alone fails as well
        return alone.parsed() ? alone : abandoned;
    }

    @Override
    public FileModel parse(String path, String blobId, String text, JavaLanguageLevel level) {
        return earlierContents.parse(path, blobId, text, level);
    }

    /** Stops the parsing threads; a parse past its budget is a daemon and does not hold the JVM. */
    @PreDestroy
    public void close() {
        earlierContents.close();
    }
}
