package dev.autocoder.workers.dataset;

import dev.autocoder.workers.row.Row;

/** Told about every row right after it is durably written; aggregates and meters listen here. */
@FunctionalInterface
public interface RowListener {
    void rowWritten(String dataset, Row row);
}
