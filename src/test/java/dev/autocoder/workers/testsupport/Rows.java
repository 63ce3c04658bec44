package dev.autocoder.workers.testsupport;

import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;

import java.util.List;
import java.util.Map;

/** Rows for store tests, filled the way the row factory fills them. */
public final class Rows {
    private Rows() {
    }

    public static Row row(long iteration, String perspective, List<Finding> findings) {
        return new Row(Row.SCHEMA_VERSION, "analysis", iteration, "2026-11-24T10:00:00Z", 1, perspective,
                "Name of " + perspective, "/repo", "abc123", 12, Status.OK, null, null, "summary " + iteration, 0.5,
                findings.size(), findings, 0, 0, List.of("do something"), List.of(Metric.of("m", iteration)), "{}", Map.of());
    }
}
