package dev.autocoder.workers.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A consumer of rows that still needs some local data files the store's retention would remove (rows not yet on the
 * Hub, a worker whose record of its work is its whole history). Every bean of this type is asked before a file goes.
 */
public interface DataFileHold {

    /** Of the files retention would remove from a dataset, those this consumer still needs, each with why. */
    Map<Path, String> held(String dataset, List<Path> candidates);
}
