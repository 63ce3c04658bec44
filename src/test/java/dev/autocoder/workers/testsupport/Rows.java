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

    /**
     * A row shaped like a test-planning row on a large target: {@code items} small objects in its analysis column
     * (about 200 bytes of JSON each, several times that as objects once read).
     */
    public static Row planLike(long iteration, String perspective, int items) {
        List<Map<String, Object>> edgeCases = new java.util.ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("id", "edge-" + iteration + "-" + i);
            item.put("name", "boundary value " + i + " of method m" + i);
            item.put("inputs", List.of("null", "empty", "-1", "Integer.MAX_VALUE"));
            edgeCases.add(item);
        }
        return new Row(Row.SCHEMA_VERSION, "test-planning", iteration, "2026-12-04T10:00:00Z", 1, perspective,
                "Name of " + perspective, "/repo", "abc123", 12, Status.OK, null, null, "summary " + iteration, 0.5,
                0, List.of(), 0, 0, List.of(), List.of(), "{}", Map.of("analysis", Map.of("edge_cases", edgeCases)));
    }

    /** The same row written on a listed target (its {@code target_id} set). */
    public static Row onTarget(Row row, String targetId) {
        return new Row(row.schemaVersion(), row.worker(), row.iteration(), row.timestamp(), row.perspectiveNumber(),
                row.perspectiveId(), row.perspectiveName(), row.repository(), targetId, row.commit(), row.durationMs(),
                row.status(), row.error(), row.reason(), row.summary(), row.qualityScore(), row.issuesFound(),
                row.findings(), row.findingGroups(), row.newFindings(), row.resolvedFindings(), row.recommendations(),
                row.metrics(), row.details(), row.extraColumns());
    }
}
