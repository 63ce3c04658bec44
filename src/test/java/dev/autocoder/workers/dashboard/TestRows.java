package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.worker.Finding;
import dev.autocoder.workers.worker.Row;
import dev.autocoder.workers.worker.Severity;
import dev.autocoder.workers.worker.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows with exactly the fields a test cares about, shaped like the row factory shapes them. */
final class TestRows {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private TestRows() {
    }

    static Row ok(String worker, long iteration, String perspective, double score, Severity... severities) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < severities.length; i++) {
            findings.add(Finding.of("rule-" + i, "test", severities[i], "src/F" + i + ".java", i + 1, i + 1,
                    "finding " + i + " of " + perspective, "snippet " + i));
        }
        return new Row(Row.SCHEMA_VERSION, worker, iteration, T0.plusSeconds(60 * iteration).toString(), 1, perspective,
                "Name of " + perspective, "/repo", "c0ffee", 10 * iteration, Status.OK, null, null, "summary " + iteration,
                score, findings.size(), findings, 1, 0, List.of(), List.of(), "{}", Map.of());
    }

    static Row error(String worker, long iteration, String perspective, String error) {
        return new Row(Row.SCHEMA_VERSION, worker, iteration, T0.plusSeconds(60 * iteration).toString(), 1, perspective,
                "Name of " + perspective, "/repo", "c0ffee", 5, Status.ERROR, error, null, "Iteration failed: " + error,
                null, 0, List.of(), null, null, List.of(), List.of(), "{}", Map.of());
    }

    static Row withColumns(Row row, Map<String, Object> extraColumns) {
        return new Row(row.schemaVersion(), row.worker(), row.iteration(), row.timestamp(), row.perspectiveNumber(),
                row.perspectiveId(), row.perspectiveName(), row.repository(), row.commit(), row.durationMs(), row.status(),
                row.error(), row.reason(), row.summary(), row.qualityScore(), row.issuesFound(), row.findings(),
                row.newFindings(), row.resolvedFindings(), row.recommendations(), row.metrics(), row.details(), extraColumns);
    }
}
