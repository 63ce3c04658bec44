package dev.autocoder.workers.analysis;

import dev.autocoder.workers.worker.Perspective;

/**
 * A perspective of the analysis worker: it carries its id and human name, so each perspective only says how it
 * analyzes, and holds the plural helper their summaries share.
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

    /** "1 file", "2 files". */
    protected static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
