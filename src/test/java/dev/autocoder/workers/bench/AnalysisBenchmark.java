package dev.autocoder.workers.bench;

import dev.autocoder.workers.analysis.pmd.CpdAlone;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import dev.autocoder.workers.row.Row;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.reporting.Report;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times every analysis perspective on one corpus in a fresh JVM: cold (first iteration), warm (the unchanged
 * tree again) and after one Java file changed, each including the snapshot; then PMD alone with the same
 * ruleset and threads on the same files, for the code-quality ratio. Prints a Markdown table. With the argument
 * {@code restart}: code-quality's first row cold and after a restart on the same store, each in a fresh JVM. With
 * {@code ratio N}: the cold code-quality / PMD alone ratio N times and its median. With
 * {@code pmd-rules [threads]}: PMD's own timing report of the curated ruleset on the corpus.
 * <p>
 * Run through {@code bench/analysis.sh}; not a test.
 */
public final class AnalysisBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath();
        if (args.length > 1 && args[1].equals("pmd-alone")) {
            runPmdAlone(corpus);
            return;
        }
        if (args.length > 1 && args[1].equals("pmd-rules")) {
            pmdRuleTimes(corpus, args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors());
            return;
        }
        if (args.length > 1 && args[1].equals("restart")) {
            restart(corpus);
            return;
        }
        if (args.length > 2 && args[1].equals("ratio")) {
            ratio(corpus, Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 2 && args[1].equals("code-quality-once")) {
            codeQualityOnce(corpus, Path.of(args[2]));
            return;
        }
        Path store = Files.createTempDirectory("bench-store");
        Map<String, Object> properties = App.fastWorkerProperties(corpus, store);
        properties.put("autocoder.workers.analysis.delay", "24h");
        // the other workers would share the two cores with the perspectives being timed
        properties.put("autocoder.workers.enabled", "analysis");
        properties.remove("autocoder.analysis.pmd-threads");
        try (ConfigurableApplicationContext context = App.start(properties)) {
            SnapshotService snapshots = context.getBean(SnapshotService.class);
            List<Perspective> perspectives = context.getBean(PerspectiveCatalog.class).forWorker("analysis");
            int threads = Runtime.getRuntime().availableProcessors();

            long[] cold = new long[perspectives.size()];
            long[] warm = new long[perspectives.size()];
            long[] changed = new long[perspectives.size()];
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < perspectives.size(); i++) {
                cold[i] = iteration(snapshots, perspectives.get(i), notes);
            }
            for (int i = 0; i < perspectives.size(); i++) {
                warm[i] = iteration(snapshots, perspectives.get(i), null);
            }
            Snapshot before = snapshots.current();
            SourceFile victim = before.files(Language.JAVA).stream().filter(SourceFile::isAnalyzableText).findFirst().orElseThrow();
            Path victimPath = before.resolve(victim);
            byte[] original = Files.readAllBytes(victimPath);
            Files.writeString(victimPath, "\n// benchmark: one file changed\n", StandardOpenOption.APPEND);
            try {
                for (int i = 0; i < perspectives.size(); i++) {
                    changed[i] = iteration(snapshots, perspectives.get(i), null);
                }
            } finally {
                Files.write(victimPath, original);
            }

            Snapshot snapshot = snapshots.current();
            int ours = context.getBean(PmdEngine.class).analyze(snapshot).violations().size();
            System.out.printf("%n### corpus %s: %d Java files, %d Java lines, %d threads%n%n", corpus.getFileName(),
                    snapshot.files(Language.JAVA).size(), snapshot.totalLines(Language.JAVA), threads);
            System.out.println("| perspective | cold ms | warm ms | warm/cold | one file changed ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (int i = 0; i < perspectives.size(); i++) {
                System.out.printf("| %s | %d | %d | %.1f %% | %d |%n", perspectives.get(i).id(), cold[i], warm[i],
                        100.0 * warm[i] / Math.max(1, cold[i]), changed[i]);
            }
            long[] pmdAlone = pmdAlone(corpus, threads);
            System.out.printf("%nPMD alone (same ruleset, %d threads, same files, its own fresh JVM): %d ms, %d violations "
                    + "(ours: %d). Cold code-quality / PMD alone = %.2f%n", threads, pmdAlone[0], pmdAlone[1], ours,
                    (double) cold[0] / pmdAlone[0]);
            int minimumTokens = context.getBean(AutocoderProperties.class).getAnalysis().getCpdMinimumTokens();
            List<String> cpdAlone = CpdAlone.duplicates(snapshot, minimumTokens);
            List<String> cpdOurs = CpdAlone.describe(context.getBean(CpdRunner.class).duplication(snapshot));
            System.out.printf("CPD alone (one pass over every file): %d duplicates; ours (searched by group): %d, "
                    + "identical: %s%n", cpdAlone.size(), cpdOurs.size(), cpdAlone.equals(cpdOurs));
            notes.forEach(n -> System.out.println("note: " + n));
        }
    }

    /**
     * Cold against warm after a restart: code-quality's first iteration in a fresh JVM on an empty store, then in
     * another fresh JVM on the same store (its disk cache, {@code autocoder.analysis.disk-cache}); each includes the
     * snapshot. The warm row must equal the cold one.
     */
    private static void restart(Path corpus) throws Exception {
        Path store = Files.createTempDirectory("bench-restart-store");
        String[] cold = fresh(corpus, "code-quality-once", store.toString()).split(" ");
        String[] warm = fresh(corpus, "code-quality-once", store.toString()).split(" ");
        long coldMs = Long.parseLong(cold[1]);
        long warmMs = Long.parseLong(warm[1]);
        System.out.printf("%n### corpus %s: code-quality's first row, cold and after a restart (fresh JVMs, same store)%n%n",
                corpus.getFileName());
        System.out.println("| run | ms | files analyzed | files from cache | findings | row digest |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        System.out.printf("| cold | %d | %s | %s | %s | %s |%n", coldMs, cold[2], cold[3], cold[4], cold[5]);
        System.out.printf("| warm after restart | %d (%.1f %% of cold) | %s | %s | %s | %s |%n", warmMs,
                100.0 * warmMs / Math.max(1, coldMs), warm[2], warm[3], warm[4], warm[5]);
        System.out.println("Warm row equals cold row: " + cold[5].equals(warm[5]));
    }

    /**
     * The code-quality ratio measured {@code runs} times: each run a cold code-quality iteration (snapshot included)
     * in a fresh JVM on an empty store, then PMD alone in a fresh JVM; prints every run and the medians, steadier than
     * one run on a machine whose speed wanders.
     */
    private static void ratio(Path corpus, int runs) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> pmd = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        System.out.printf("%n### corpus %s: cold code-quality against PMD alone, %d runs (fresh JVMs)%n%n",
                corpus.getFileName(), runs);
        System.out.println("| run | code-quality cold ms | PMD alone ms | ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (int run = 1; run <= runs; run++) {
            Path store = Files.createTempDirectory("bench-ratio-store");
            long cold = Long.parseLong(fresh(corpus, "code-quality-once", store.toString()).split(" ")[1]);
            long alone = pmdAlone(corpus, Runtime.getRuntime().availableProcessors())[0];
            ours.add(cold);
            pmd.add(alone);
            ratios.add((double) cold / alone);
            System.out.printf("| %d | %d | %d | %.2f |%n", run, cold, alone, (double) cold / alone);
        }
        System.out.printf("| median | %d | %d | %.2f |%n", median(ours), median(pmd), median(ratios));
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** One code-quality iteration in an application on {@code store}; prints its time, counts and a row digest. */
    private static void codeQualityOnce(Path corpus, Path store) throws Exception {
        Map<String, Object> properties = App.fastWorkerProperties(corpus, store);
        properties.put("autocoder.workers.analysis.delay", "24h");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.remove("autocoder.analysis.pmd-threads");
        try (ConfigurableApplicationContext context = App.start(properties)) {
            SnapshotService snapshots = context.getBean(SnapshotService.class);
            Perspective quality = context.getBean(PerspectiveCatalog.class).forWorker("analysis").stream()
                    .filter(p -> p.id().equals("code-quality")).findFirst().orElseThrow();
            long start = System.nanoTime();
            Snapshot snapshot = snapshots.current();
            PerspectiveResult result = firstIteration(quality, snapshot);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Double> metrics = new java.util.TreeMap<>();
            result.metrics().forEach(m -> metrics.put(m.name(), m.value()));
            // the row without the two counts that differ by design between cold and warm
            Map<String, Double> compared = new java.util.TreeMap<>(metrics);
            compared.remove("files_analyzed");
            compared.remove("files_from_cache");
            String row = List.of(result.findings(), result.summary(), String.valueOf(result.qualityScore()), compared,
                    result.recommendations()).toString();
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(row.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
            System.out.println("code-quality-once " + millis + " " + metrics.get("files_analyzed").longValue() + " "
                    + metrics.get("files_from_cache").longValue() + " " + result.findings().size() + " " + digest);
        }
    }

    /** Runs this class again in a fresh JVM with the given arguments; answers its last output line. */
    private static String fresh(Path corpus, String... args) throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaCommand, "-cp", System.getProperty("java.class.path"),
                "-Dlogging.level.root=WARN", AnalysisBenchmark.class.getName(), corpus.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + output);
        }
        return output.strip().lines().reduce((a, b) -> b).orElseThrow();
    }

    /** Runs this class again in a fresh JVM in "pmd-alone" mode; answers {milliseconds, violations}. */
    private static long[] pmdAlone(Path corpus, int threads) throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                AnalysisBenchmark.class.getName(), corpus.toString(), "pmd-alone").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("PMD alone failed:\n" + output);
        }
        String last = output.strip().lines().reduce((a, b) -> b).orElseThrow();
        String[] parts = last.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** PMD as its own CLI would run it: the curated ruleset on the same Java files, nothing else. */
    private static void runPmdAlone(Path corpus) throws Exception {
        dev.autocoder.workers.config.AutocoderProperties properties = new dev.autocoder.workers.config.AutocoderProperties();
        properties.getTarget().setPath(corpus);
        Snapshot snapshot = new SnapshotService(new dev.autocoder.workers.repository.TargetRepository(properties), properties).current();
        List<Path> javaFiles = snapshot.files(Language.JAVA).stream().filter(SourceFile::isAnalyzableText).map(snapshot::resolve).toList();
        PMDConfiguration configuration = PmdEngine.configuration(Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        int violations;
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration)) {
            pmd.addRuleSet(PmdRulesets.curated());
            javaFiles.forEach(pmd.files()::addFile);
            Report report = pmd.performAnalysisAndCollectReport();
            violations = report.getViolations().size();
        }
        System.out.println("pmd-alone " + (System.nanoTime() - start) / 1_000_000 + " " + violations);
    }

    /**
     * PMD alone with the curated ruleset in this JVM, timed by PMD's own {@code TimeTracker} (what its CLI prints
     * with {@code --benchmark}): where a cold pass spends its time, per rule and per stage (parsing, type
     * resolution, rule chain). Also prints the wall time and this JVM's CPU time (user and system, all threads).
     */
    private static void pmdRuleTimes(Path corpus, int threads) throws Exception {
        dev.autocoder.workers.config.AutocoderProperties properties = new dev.autocoder.workers.config.AutocoderProperties();
        properties.getTarget().setPath(corpus);
        Snapshot snapshot = new SnapshotService(new dev.autocoder.workers.repository.TargetRepository(properties), properties).current();
        List<Path> javaFiles = snapshot.files(Language.JAVA).stream().filter(SourceFile::isAnalyzableText).map(snapshot::resolve).toList();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        net.sourceforge.pmd.benchmark.TimeTracker.startGlobalTracking();
        int violations;
        net.sourceforge.pmd.lang.rule.RuleSet ruleset = rulesetForRuleTimes();
        Map<String, Long> findingsByRule;
        try (PmdAnalysis pmd = PmdAnalysis.create(PmdEngine.configuration(threads))) {
            pmd.addRuleSet(ruleset);
            javaFiles.forEach(pmd.files()::addFile);
            List<net.sourceforge.pmd.reporting.RuleViolation> found = pmd.performAnalysisAndCollectReport().getViolations();
            violations = found.size();
            findingsByRule = found.stream().collect(java.util.stream.Collectors.groupingBy(
                    v -> v.getRule().getName(), java.util.stream.Collectors.counting()));
        }
        var timing = net.sourceforge.pmd.benchmark.TimeTracker.stopGlobalTracking();
        long wall = (System.nanoTime() - start) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
        java.io.StringWriter text = new java.io.StringWriter();
        new net.sourceforge.pmd.benchmark.TextTimingReportRenderer().render(timing, text);
        System.out.println(text);
        System.out.printf("pmd-rules %d files, %d threads: %d ms wall, %d ms CPU, %d violations%n", javaFiles.size(),
                threads, wall, cpu, violations);
        printRuleCosts(corpus, ruleset, timing, cpu, findingsByRule);
    }

    /** The curated ruleset, or with -Dbench.ruleset=all every rule of its categories (to price the excluded ones). */
    private static net.sourceforge.pmd.lang.rule.RuleSet rulesetForRuleTimes() {
        String file = System.getProperty("bench.ruleset");
        return file == null ? PmdRulesets.curated() : PmdRulesets.load(Path.of(file));
    }

    /**
     * One line per rule, costliest first: its time in PMD's threads (PMD's {@code TimeTracker}: elapsed time while
     * the rule runs, summed over threads), that time's share of all PMD thread time, the CPU seconds that share
     * stands for (share × this JVM's measured CPU time: the per-rule figure PMD cannot measure, robust to a loaded
     * machine where elapsed times stretch), and how many violations the rule found. Also written as TSV to
     * {@code target/pmd-rules-<corpus>.tsv}.
     */
    private static void printRuleCosts(Path corpus, net.sourceforge.pmd.lang.rule.RuleSet ruleset,
            net.sourceforge.pmd.benchmark.TimingReport timing, long cpuMillis, Map<String, Long> findingsByRule)
            throws Exception {
        Map<String, Long> ruleNanos = new java.util.HashMap<>();
        Map<String, ?> rules = timing.getLabeledMeasurements(net.sourceforge.pmd.benchmark.TimedOperationCategory.RULE);
        rules.forEach((rule, result) -> ruleNanos.put(rule, totalNanos(result)));
        // PMD's per-file thread time: the rules, parsing (type resolution and symbol tables nested in it) and the
        // rule index; FILE_PROCESSING would count one extra span around the whole run
        long allThreadNanos = ruleNanos.values().stream().mapToLong(Long::longValue).sum();
        for (var category : List.of(net.sourceforge.pmd.benchmark.TimedOperationCategory.PARSER,
                net.sourceforge.pmd.benchmark.TimedOperationCategory.RULE_AST_INDEXATION)) {
            Object unlabeled = timing.getUnlabeledMeasurements(category);
            allThreadNanos += unlabeled == null ? 0 : totalNanos(unlabeled);
        }
        long total = Math.max(1, allThreadNanos);
        StringBuilder tsv = new StringBuilder("rule\tcategory\tkind\tthread_ms\tshare_pct\test_cpu_ms\tviolations\n");
        System.out.printf("%n### corpus %s: PMD rules by cost (%d ms CPU in all)%n%n", corpus.getFileName(), cpuMillis);
        System.out.println("| rule | category | kind | thread ms | share | est. CPU s | violations |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        ruleset.getRules().stream()
                .sorted(Comparator.comparingLong((net.sourceforge.pmd.lang.rule.Rule r) -> ruleNanos.getOrDefault(r.getName(), 0L)).reversed())
                .forEach(rule -> {
                    long nanos = ruleNanos.getOrDefault(rule.getName(), 0L);
                    double share = 100.0 * nanos / total;
                    String kind = rule.getRuleClass().endsWith("XPathRule") ? "xpath" : "java";
                    String category = rule.getRuleSetName();
                    long found = findingsByRule.getOrDefault(rule.getName(), 0L);
                    System.out.printf("| %s | %s | %s | %d | %.2f %% | %.1f | %d |%n", rule.getName(), category, kind,
                            nanos / 1_000_000, share, share * cpuMillis / 100_000, found);
                    tsv.append(String.join("\t", rule.getName(), category, kind, Long.toString(nanos / 1_000_000),
                            String.format(java.util.Locale.ROOT, "%.3f", share),
                            String.format(java.util.Locale.ROOT, "%.0f", share * cpuMillis / 100),
                            Long.toString(found))).append('\n');
                });
        Path out = Path.of("target", "pmd-rules-" + corpus.getFileName() + ".tsv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, tsv);
        System.out.println("\n(also in " + out + ")");
    }

    /** PMD's {@code TimedResult} is package-private: its total time is read reflectively (bench only). */
    private static long totalNanos(Object timedResult) {
        try {
            java.lang.reflect.Field field = timedResult.getClass().getDeclaredField("totalTimeNanos");
            field.setAccessible(true);
            return ((java.util.concurrent.atomic.AtomicLong) field.get(timedResult)).get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The perspective on the snapshot as a first iteration: no previous row. */
    private static PerspectiveResult firstIteration(Perspective perspective, Snapshot snapshot) throws Exception {
        return perspective.analyze(new PerspectiveContext() {
            public Snapshot snapshot() {
                return snapshot;
            }

            public Optional<Row> previousRow(String perspectiveId) {
                return Optional.empty();
            }
        });
    }

    private static long iteration(SnapshotService snapshots, Perspective perspective, List<String> notes) throws Exception {
        long start = System.nanoTime();
        Snapshot snapshot = snapshots.current();
        PerspectiveResult result = firstIteration(perspective, snapshot);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (notes != null) {
            notes.add(perspective.id() + ": " + result.status().label() + ", " + result.findings().size() + " findings — " + result.summary());
        }
        return millis;
    }
}
