package dev.autocoder.workers.analysis.perspective;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.worker.NamedPerspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;

/**
 * A perspective of the analysis worker: it analyzes the snapshot alone, so each perspective only says how it
 * analyzes.
 */
public abstract class AnalysisPerspective extends NamedPerspective {

    public static final String WORKER = "analysis";

    protected AnalysisPerspective(String id, String name) {
        super(WORKER, id, name);
    }

    /** An analysis looks at the snapshot alone: the rows written before do not change it. */
    @Override
    public final PerspectiveResult analyze(PerspectiveContext context) {
        return analyze(context.snapshot());
    }

    protected abstract PerspectiveResult analyze(Snapshot snapshot);
}
