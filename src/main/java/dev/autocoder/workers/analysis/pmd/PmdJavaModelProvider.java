package dev.autocoder.workers.analysis.pmd;

import dev.autocoder.workers.javamodel.JavaModel;
import dev.autocoder.workers.javamodel.JavaModelProvider;
import dev.autocoder.workers.repository.Snapshot;
import org.springframework.stereotype.Component;

/**
 * The Java model from {@link PmdEngine}: asking for the model runs the full ruleset on files not cached yet, so
 * the parse also yields the violations the quality, performance and security perspectives ask for next, and
 * every file content is parsed once whichever perspective comes first. On a warm cache this is map look-ups only.
 */
@Component
public class PmdJavaModelProvider implements JavaModelProvider {

    private final PmdEngine engine;

    public PmdJavaModelProvider(PmdEngine engine) {
        this.engine = engine;
    }

    @Override
    public JavaModel model(Snapshot snapshot) {
        return engine.analyze(snapshot).javaModel();
    }
}
