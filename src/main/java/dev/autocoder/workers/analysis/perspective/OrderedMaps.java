package dev.autocoder.workers.analysis.perspective;

import java.util.LinkedHashMap;
import java.util.Map;

/** The maps of a row's details, kept in the order their entries are given so the published details read the same every time. */
public final class OrderedMaps {

    private OrderedMaps() {
    }

    /** A map of the given keys and values, in that order; values may be null. */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
