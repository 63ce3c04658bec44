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
import dev.autocoder.workers.worker.Row;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.reporting.Report;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times every analysis perspective on one corpus in a fresh JVM: cold (first iteration), warm (the unchanged
 * tree again) and after one Java file changed, each including the snapshot; then PMD alone with the same
 * ruleset and threads on the same files, for the code-quality ratio. Prints a Markdown table.
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

    private static long iteration(SnapshotService snapshots, Perspective perspective, List<String> notes) throws Exception {
        long start = System.nanoTime();
        Snapshot snapshot = snapshots.current();
        PerspectiveResult result = perspective.analyze(new PerspectiveContext() {
            public Snapshot snapshot() {
                return snapshot;
            }

            public Optional<Row> previousRow(String perspectiveId) {
                return Optional.empty();
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (notes != null) {
            notes.add(perspective.id() + ": " + result.status().label() + ", " + result.findings().size() + " findings — " + result.summary());
        }
        return millis;
    }
}
