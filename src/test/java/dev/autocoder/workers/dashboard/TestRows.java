package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;

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

    /**
     * The noise of issue 11: thirteen {@code FieldNamingConventions} (low) and one critical defect in main code, and
     * 54 findings of six rules in test code (nine each, three test files).
     */
    static List<Finding> noisyFindings() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            String file = String.format("src/main/java/com/acme/noise/Service%02d.java", i);
            findings.add(Finding.of("FieldNamingConventions", "codestyle", Severity.LOW, file, 7, 7,
                    "The constant name 'log' doesn't match '[A-Z][A-Z_0-9]*'", "log " + i).withScope(Scope.MAIN));
        }
        findings.add(Finding.of("OsCommandInjection", "security", Severity.CRITICAL, "src/main/java/com/acme/Shell.java", 12, 12,
                "A command built from request input runs in a shell", "exec").withScope(Scope.MAIN));
        String[] rules = {"JUnitAssertionsShouldIncludeMessage", "ThreadSleepInTest", "SystemPrintln", "AvoidCatchingGenericException",
                "DisabledTest", "UnseededRandom"};
        for (int file = 1; file <= 3; file++) {
            for (int r = 0; r < rules.length; r++) {
                for (int n = 0; n < 3; n++) {
                    int line = 10 + r * 10 + n;
                    findings.add(Finding.of(rules[r], "test", Severity.MEDIUM, "src/test/java/com/acme/Flow" + file + "Test.java",
                            line, line, rules[r] + " in test line " + line, rules[r] + n).withScope(Scope.TEST));
                }
            }
        }
        return findings;
    }

    /**
     * An ok row of schema 2 as the row factory writes it: the findings listed main first then most severe, at most
     * {@code listed} of them and of their groups, and every finding counted in the per-scope metrics.
     */
    static Row scoped(String worker, long iteration, String perspective, List<Finding> findings, int listed) {
        List<Finding> shown = findings.stream().sorted(WorkerInsights.MOST_SEVERE_FIRST).limit(listed).toList();
        List<FindingGroup> groups = FindingGroup.of(findings).stream().limit(listed).toList();
        return new Row(Row.SCHEMA_VERSION, worker, iteration, T0.plusSeconds(60 * iteration).toString(), 1, perspective,
                "Name of " + perspective, "/repo", "c0ffee", 10, Status.OK, null, null, "summary " + iteration, 0.5,
                findings.size(), shown, groups, null, null, List.of(), RowFactory.withScopeCounts(List.of(), findings), "{}", Map.of());
    }

    /** A row written before scopes existed (schema 1): no groups, no scope, no per-scope metrics, a capped list. */
    static Row schemaOne(String worker, long iteration, String perspective, List<Finding> findings, int listed) {
        List<Finding> shown = findings.stream().map(f -> f.withScope(null))
                .sorted(WorkerInsights.MOST_SEVERE_FIRST).limit(listed).toList();
        return new Row(1, worker, iteration, T0.plusSeconds(60 * iteration).toString(), 1, perspective,
                "Name of " + perspective, "/repo", "c0ffee", 10, Status.OK, null, null, "summary " + iteration, 0.5,
                findings.size(), shown, null, null, List.of(), List.of(), "{}", Map.of());
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
