package dev.autocoder.workers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.dataset.RowLines;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The "signal" report: what a user sees first, before and after calibrated severities, scopes and groups.
 * <p>
 * Reads the analysis rows two runs of the application wrote on the same target (the baseline build and this
 * build, see {@code bench/signal.sh}) and prints, per perspective: the top 20 of what the row shows first (the
 * baseline's findings list; this build's finding groups, which the dashboard shows), the distribution of severities
 * by scope over all findings, and the share of the top 20 that are main code and not code style. Baseline findings
 * have no scope: they get the scope this build gives their file in the same tree. Not a test.
 *
 * <pre>SignalReport TARGET BASELINE_STORE CURRENT_STORE</pre>
 */
public final class SignalReport {

    private static final int TOP = 20;
    private static final String DATASET = "autocoder-analysis-results";

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]).toAbsolutePath();
        Map<String, Row> before = latestOkRows(Path.of(args[1]));
        Map<String, Row> after = latestOkRows(Path.of(args[2]));
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(target);
        Snapshot snapshot = new SnapshotService(new TargetRepository(properties), properties).current();

        System.out.println("## Signal: " + target.getFileName() + " (" + snapshot.files().size() + " files)");
        List<String> perspectives = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(p -> !perspectives.contains(p)).forEach(perspectives::add);
        for (String perspective : perspectives) {
            Row old = before.get(perspective);
            Row now = after.get(perspective);
            System.out.println();
            System.out.println("### " + perspective);
            List<Entry> oldTop = old == null ? List.of() : old.findings().stream().limit(TOP)
                    .map(f -> Entry.of(f, snapshot, 1)).toList();
            List<Entry> newTop = now == null ? List.of() : groupsOf(now).stream().limit(TOP)
                    .map(g -> new Entry(g.rule(), g.category(), g.severity(), g.scope(), g.count())).toList();
            System.out.println("| # | before: rule (severity, scope) | after: rule × count (severity, scope) |");
            System.out.println("|---|---|---|");
            for (int i = 0; i < Math.max(oldTop.size(), newTop.size()); i++) {
                System.out.println("| " + (i + 1) + " | " + (i < oldTop.size() ? oldTop.get(i).label(false) : "")
                        + " | " + (i < newTop.size() ? newTop.get(i).label(true) : "") + " |");
            }
            System.out.println();
            System.out.println("Severities by scope (all findings), before → after:");
            System.out.println("| scope | " + String.join(" | ", Stream.of(Severity.values()).map(Severity::label).toList()) + " |");
            System.out.println("|---|" + "---|".repeat(Severity.values().length));
            Map<Scope, Map<Severity, Long>> oldCounts = counts(old, snapshot);
            Map<Scope, Map<Severity, Long>> newCounts = counts(now, snapshot);
            for (Scope scope : Scope.values()) {
                StringBuilder line = new StringBuilder("| " + scope.label() + " |");
                for (Severity severity : Severity.values()) {
                    line.append(' ').append(oldCounts.get(scope).get(severity)).append(" → ")
                            .append(newCounts.get(scope).get(severity)).append(" |");
                }
                System.out.println(line);
            }
            System.out.printf(Locale.ROOT, "%nTop %d that are main code and not code style: before %s, after %s%n", TOP,
                    share(oldTop), share(newTop));
            if (old != null && now != null) {
                System.out.printf(Locale.ROOT, "Findings: before %d, after %d; score: before %s, after %s%n",
                        old.issuesFound(), now.issuesFound(), old.qualityScore(), now.qualityScore());
            }
        }
    }

    private record Entry(String rule, String category, Severity severity, Scope scope, int count) {
        static Entry of(Finding finding, Snapshot snapshot, int count) {
            Scope scope = finding.scope() != null ? finding.scope()
                    : finding.file() == null ? Scope.MAIN : snapshot.scopeOf(finding.file());
            return new Entry(finding.rule(), finding.category(), finding.severity(), scope, count);
        }

        boolean codeStyle() {
            String c = category == null ? "" : category.toLowerCase(Locale.ROOT).replace(" ", "");
            return c.equals("codestyle") || c.equals("documentation");
        }

        String label(boolean withCount) {
            return rule + (withCount ? " × " + count : "") + " (" + (severity == null ? "-" : severity.label()) + ", "
                    + scope.label() + (codeStyle() ? ", code style" : "") + ")";
        }
    }

    private static String share(List<Entry> top) {
        if (top.isEmpty()) {
            return "n/a (no findings)";
        }
        long good = top.stream().filter(e -> e.scope() == Scope.MAIN && !e.codeStyle()).count();
        return good + "/" + top.size() + String.format(Locale.ROOT, " (%.0f %%)", 100.0 * good / top.size());
    }

    /** Counts by scope and severity: the row's per-scope metrics when it has them, else its listed findings. */
    private static Map<Scope, Map<Severity, Long>> counts(Row row, Snapshot snapshot) {
        Map<Scope, Map<Severity, Long>> counts = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, 0L);
            }
            counts.put(scope, bySeverity);
        }
        if (row == null) {
            return counts;
        }
        boolean hasScopeMetrics = row.metric("findings_main").isPresent();
        if (hasScopeMetrics) {
            for (Scope scope : Scope.values()) {
                for (Severity severity : Severity.values()) {
                    counts.get(scope).put(severity, (long) row.metric("findings." + scope.label() + "." + severity.label()).orElse(0));
                }
            }
        } else {
            row.findings().forEach(f -> counts.get(Entry.of(f, snapshot, 1).scope())
                    .merge(f.severity() == null ? Severity.INFO : f.severity(), 1L, Long::sum));
            if (row.findings().size() < row.issuesFound()) {
                System.out.println("(before: the row lists " + row.findings().size() + " of " + row.issuesFound()
                        + " findings; the baseline did not count by scope, so its distribution covers the listed ones)");
            }
        }
        return counts;
    }

    private static List<FindingGroup> groupsOf(Row row) {
        return row.findingGroups().isEmpty() ? FindingGroup.of(row.findings()) : row.findingGroups();
    }

    /** The newest ok row of each perspective in a local store, in rotation order. */
    private static Map<String, Row> latestOkRows(Path store) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl") && f.toString().contains(DATASET)).sorted().toList()) {
                rows.addAll(RowLines.parse(Files.readAllBytes(file), mapper, file.toString()));
            }
        }
        Map<String, Row> latest = new LinkedHashMap<>();
        rows.stream().filter(r -> r.status() == Status.OK).sorted(Comparator.comparingInt(Row::perspectiveNumber)
                .thenComparingLong(Row::iteration)).forEach(r -> latest.put(r.perspectiveId(), r));
        return latest;
    }
}
