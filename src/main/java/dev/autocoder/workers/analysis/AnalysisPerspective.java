package dev.autocoder.workers.analysis;

import dev.autocoder.workers.worker.Perspective;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A perspective of the analysis worker: it carries its id and human name, so each perspective only says how it
 * analyzes, and holds the small text and map helpers their summaries and details share.
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

    /** A map that keeps the order its entries are given in, so the published details read the same every time. */
    protected static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** "1 file", "2 files". */
    protected static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
