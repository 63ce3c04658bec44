package dev.autocoder.workers.analysis.perspective;

import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;

/**
 * A perspective of the analysis worker: it carries its id and human name and analyzes the snapshot alone, so each
 * perspective only says how it analyzes; it holds the plural helper their summaries share.
 */
public abstract class AnalysisPerspective implements Perspective {

    public static final String WORKER = "analysis";

    private final String id;
    private final String name;

    protected AnalysisPerspective(String id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String worker() {
        return WORKER;
    }

    /** An analysis looks at the snapshot alone: the rows written before do not change it. */
    @Override
    public final PerspectiveResult analyze(PerspectiveContext context) {
        return analyze(context.snapshot());
    }

    protected abstract PerspectiveResult analyze(Snapshot snapshot);

    /** "1 file", "2 files". */
    protected static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
