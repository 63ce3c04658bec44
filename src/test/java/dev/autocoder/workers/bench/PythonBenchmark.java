package dev.autocoder.workers.bench;

import dev.autocoder.workers.python.RuffRules;
import dev.autocoder.workers.repository.Language;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.SourceFile;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.testsupport.App;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveCatalog;
import dev.autocoder.workers.worker.PerspectiveContext;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times every analysis perspective on one Python corpus in a fresh JVM, cold (first iteration: the Python model and
 * ruff's results not yet cached) and warm (the unchanged tree again), each including the snapshot; then ruff alone,
 * as its own CLI, with the same rule selection on the same files. Prints a Markdown table and one line per
 * perspective with its status and summary.
 * <p>
 * Arguments: the corpus folder, then the ruff command (default {@code ruff}; {@code bin/ruff-wasm} where PyPI is out
 * of reach). Run through {@code bench/python.sh}; not a test.
 */
public final class PythonBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath();
        String ruff = args.length > 1 ? args[1] : "ruff";
        Path store = Files.createTempDirectory("bench-store");
        Map<String, Object> properties = App.fastWorkerProperties(corpus, store);
        properties.put("autocoder.workers.analysis.delay", "24h");
        properties.put("autocoder.workers.enabled", "analysis");
        properties.put("autocoder.python.ruff-path", ruff);
        try (ConfigurableApplicationContext context = App.start(properties)) {
            SnapshotService snapshots = context.getBean(SnapshotService.class);
            List<Perspective> perspectives = context.getBean(PerspectiveCatalog.class).forWorker("analysis");
            long[] cold = new long[perspectives.size()];
            long[] warm = new long[perspectives.size()];
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < perspectives.size(); i++) {
                cold[i] = iteration(snapshots, perspectives.get(i), notes);
            }
            for (int i = 0; i < perspectives.size(); i++) {
                warm[i] = iteration(snapshots, perspectives.get(i), null);
            }
            Snapshot snapshot = snapshots.current();
            List<String> files = snapshot.files(Language.PYTHON).stream().filter(SourceFile::isAnalyzableText)
                    .map(SourceFile::path).toList();
            long ruffAlone = ruffAlone(ruff, corpus, files);
            System.out.printf("%n### Python corpus %s: %d Python files, %d Python lines; ruff: %s%n%n",
                    corpus.getFileName(), files.size(), snapshot.totalLines(Language.PYTHON), ruff);
            System.out.println("| perspective | cold ms | warm ms | cold / ruff alone |");
            System.out.println("|---|---:|---:|---:|");
            for (int i = 0; i < perspectives.size(); i++) {
                System.out.printf("| %s | %d | %d | %.1f× |%n", perspectives.get(i).id(), cold[i], warm[i],
                        (double) cold[i] / Math.max(1, ruffAlone));
            }
            System.out.printf("| ruff alone (same selection, same files, no cache) | %d | | 1.0× |%n%n", ruffAlone);
            notes.forEach(n -> System.out.println("- " + n));
        }
    }

    /** ruff's own CLI, the shipped selection, no cache and no user settings: what a developer would run. */
    private static long ruffAlone(String ruff, Path corpus, List<String> files) throws Exception {
        RuffRules rules = RuffRules.shipped();
        List<String> command = new ArrayList<>(List.of(ruff, "check", "--output-format=json", "--isolated", "--no-cache",
                "--exit-zero", "--select", String.join(",", rules.selected())));
        if (!rules.ignored().isEmpty()) {
            command.add("--ignore");
            command.add(String.join(",", rules.ignored()));
        }
        command.add("--");
        command.addAll(files);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(corpus.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(ruff + " exited with " + exit + ": " + errors.strip());
        }
        return millis;
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
            notes.add(perspective.id() + ": " + result.status().label() + ", " + result.findings().size()
                    + " findings — " + (result.summary() == null ? result.reason() : result.summary()));
        }
        return millis;
    }
}
