package dev.autocoder.workers.implementation;

import dev.autocoder.workers.analysis.pmd.PmdFindings;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes analysis rows that list chosen findings of a real PMD run (with their real ids), as the analysis worker's
 * code-quality or performance perspective would list them, so a test decides which finding a cycle takes on.
 */
final class AnalysisRowsSeeder {

    private AnalysisRowsSeeder() {
    }

    /** The finding PMD reports for the rule in the file, as the analysis row lists it. */
    static Finding finding(ImplementationHarness harness, String file, String rule) {
        return findings(harness, file, rule).stream().findFirst()
                .orElseThrow(() -> new AssertionError("PMD reports no " + rule + " in " + file));
    }

    /** Every finding PMD reports for the rule in the file, in line order. */
    static List<Finding> findings(ImplementationHarness harness, String file, String rule) {
        Snapshot snapshot = harness.snapshot();
        return harness.pmd.analyze(snapshot).violations().stream()
                .filter(v -> v.path().equals(file) && v.rule().equals(rule)).map(PmdFindings::of).toList();
    }

    /** Appends one ok row of the perspective at HEAD listing the findings. */
    static void seed(ImplementationHarness harness, String perspective, List<Finding> findings) {
        seed(harness, perspective, findings, "{}");
    }

    /** Appends an architecture row at HEAD that ranks the files as hotspots, the first file rank 1. */
    static void seedHotspots(ImplementationHarness harness, List<String> files) throws Exception {
        var details = harness.mapper.createObjectNode();
        var hotspots = details.putArray("hotspots");
        for (int i = 0; i < files.size(); i++) {
            hotspots.addObject().put("file", files.get(i)).put("rank", i + 1);
        }
        seed(harness, "architecture", List.of(), harness.mapper.writeValueAsString(details));
    }

    /** Appends an ok row at HEAD that lists the findings of {@code issuesFound} (a row capped at its most severe). */
    static void seedCapped(ImplementationHarness harness, String perspective, List<Finding> findings, int issuesFound) {
        long iteration = harness.store.rows(ImplementationHarness.ANALYSIS).size() + 1;
        Row row = new Row(Row.SCHEMA_VERSION, "analysis", iteration, "2026-11-24T10:00:00Z", 1, perspective,
                perspective, "/repo", harness.snapshot().commit(), 1, Status.OK, null, null, "seeded", 0.5,
                issuesFound, new ArrayList<>(findings), null, null, List.of(), List.<Metric>of(), "{}", Map.of());
        harness.store.append(ImplementationHarness.ANALYSIS, row);
    }

    private static void seed(ImplementationHarness harness, String perspective, List<Finding> findings, String details) {
        long iteration = harness.store.rows(ImplementationHarness.ANALYSIS).size() + 1;
        Row row = new Row(Row.SCHEMA_VERSION, "analysis", iteration, "2026-11-24T10:00:00Z", 1, perspective,
                perspective, "/repo", harness.snapshot().commit(), 1, Status.OK, null, null, "seeded", 0.5,
                findings.size(), new ArrayList<>(findings), null, null, List.of(), List.<Metric>of(), details, Map.of());
        harness.store.append(ImplementationHarness.ANALYSIS, row);
    }
}
