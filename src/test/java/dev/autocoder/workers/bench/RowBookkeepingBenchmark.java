package dev.autocoder.workers.bench;

import dev.autocoder.workers.config.AutocoderJson;
import dev.autocoder.workers.dashboard.Aggregates;
import dev.autocoder.workers.dashboard.BenchAggregates;
import dev.autocoder.workers.dataset.DatasetStore;
import dev.autocoder.workers.metrics.BenchMeters;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.FindingGroup;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;
import dev.autocoder.workers.row.Status;
import dev.autocoder.workers.testsupport.Rows;
import dev.autocoder.workers.worker.RowFactory;
import dev.autocoder.workers.worker.WorkerDefinition;
import dev.autocoder.workers.worker.WorkerRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * What a stored row costs the bookkeeping after it, as the number of listed targets grows: the dashboard's
 * aggregates ({@code row-to-dashboard}) and the meters ({@code row-to-meters}), for the three workers' 27
 * perspectives, each row with 40 findings in main code. One warm-up row per (worker, perspective, target), then one
 * more each, timed.
 * <p>
 * {@code RowBookkeepingBenchmark [target counts, e.g. 16,64,256]}; run by {@code bench/row-bookkeeping.sh}.
 */
public final class RowBookkeepingBenchmark {

    private static final Map<String, Integer> PERSPECTIVES = Map.of("analysis", 6, "test-planning", 15, "implementation", 6);

    private RowBookkeepingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(args.length > 0 ? args[0] : "16,64,256").stream()
                .flatMap(a -> List.of(a.split(",")).stream()).map(Integer::parseInt).toList();
        System.out.printf("| %7s | %6s | %22s | %18s | %16s |%n", "targets", "rows", "dashboard ms per row", "meters ms per row", "series scraped");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(9), "-".repeat(8), "-".repeat(24), "-".repeat(20), "-".repeat(18));
        for (int targets : counts) {
            run(targets);
        }
    }

    private static void run(int targets) throws Exception {
        Path dir = Files.createTempDirectory("row-bookkeeping");
        DatasetStore store = new DatasetStore(dir, "local", 50_000_000, AutocoderJson.newObjectMapper(), Clock.systemUTC());
        WorkerRegistry registry = new WorkerRegistry(store, List.of());
        PERSPECTIVES.forEach((worker, n) -> registry.register(new WorkerDefinition(worker, worker + "-worker",
                "autocoder-" + worker + "-results", perspectives(worker, n), 60_000, 0)));
        Set<String> ids = new LinkedHashSet<>();
        IntStream.range(0, targets).forEach(t -> ids.add(String.format("target-%03d-0000%04x", t, t)));
        Aggregates aggregates = BenchAggregates.listing(store, registry, AutocoderJson.newObjectMapper(), ids);
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BiConsumer<String, Row> meters = BenchMeters.started(prometheus, aggregates, registry);

        Map<String, Long> iterations = new HashMap<>();
        long dashboardNanos = 0;
        long meterNanos = 0;
        int timed = 0;
        for (int round = 0; round < 2; round++) {
            for (String target : ids) {
                for (Map.Entry<String, Integer> worker : PERSPECTIVES.entrySet()) {
                    String dataset = "autocoder-" + worker.getKey() + "-results";
                    for (String perspective : perspectives(worker.getKey(), worker.getValue())) {
                        long iteration = iterations.merge(worker.getKey() + "@" + target, 1L, Long::sum);
                        Row row = Rows.onTarget(row(worker.getKey(), iteration, perspective, target, round), target);
                        long start = System.nanoTime();
                        aggregates.rowStored(dataset, row);
                        long between = System.nanoTime();
                        meters.accept(dataset, row);
                        long end = System.nanoTime();
                        if (round == 1) {
                            dashboardNanos += between - start;
                            meterNanos += end - between;
                            timed++;
                        }
                    }
                }
            }
        }
        long series = prometheus.scrape().lines().filter(l -> l.startsWith("autocoder_target_findings{")).count();
        System.out.printf("| %7d | %6d | %22.2f | %18.3f | %16d |%n", targets, timed, dashboardNanos / 1e6 / timed,
                meterNanos / 1e6 / timed, series);
    }

    private static List<String> perspectives(String worker, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> worker + "-perspective-" + i).toList();
    }

    /** An ok row as the row factory writes it: 40 findings of 8 rules in main code, 20 listed with their groups. */
    private static Row row(String worker, long iteration, String perspective, String target, int round) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            findings.add(Finding.of("rule-" + (i % 8), "category", Severity.values()[i % 4], "src/main/java/p/F" + (i % 10) + ".java",
                    i + 1, i + 1, "finding " + i + " of " + perspective + " on " + target + " (round " + round + ")",
                    "snippet " + i + " " + target).withScope(Scope.MAIN));
        }
        List<Finding> listed = findings.subList(0, 20);
        List<FindingGroup> groups = FindingGroup.of(findings).stream().limit(20).toList();
        return new Row(Row.SCHEMA_VERSION, worker, iteration, "2026-12-05T10:00:00Z", 1, perspective, perspective, "/repo/" + target,
                "c0ffee", 10, Status.OK, null, null, "summary", 0.5, findings.size(), listed, groups, null, null, List.of(),
                RowFactory.withScopeCounts(List.of(), findings), "{}", Map.of());
    }
}
