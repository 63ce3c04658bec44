package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.CodeModel;
import dev.autocoder.workers.javamodel.CodeModelProvider;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.repository.JavaLanguageLevel;
import dev.autocoder.workers.repository.Snapshot;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Both Java models from {@link PmdEngine}: asking for either runs the full ruleset on files not cached yet, so
 * the parse also yields the violations the quality, performance and security perspectives ask for next, and
 * every file content is parsed once whichever worker comes first (analysis, test planning or implementation).
 * On a warm cache this is map look-ups only. Texts of earlier commits get a rules-free PMD parse
 * ({@link ContentParser}) under the same per-file time budget.
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

    @Override
    public CodeModel codeModel(Snapshot snapshot) {
        return engine.analyze(snapshot).codeModel();
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
