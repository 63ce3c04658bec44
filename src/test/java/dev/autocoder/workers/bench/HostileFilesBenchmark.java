package dev.autocoder.workers.bench;

import dev.autocoder.workers.analysis.architecture.ArchitecturePerspective;
import dev.autocoder.workers.analysis.pmd.PmdJavaModelProvider;
import dev.autocoder.workers.analysis.performance.PerformancePerspective;
import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.quality.CodeQualityPerspective;
import dev.autocoder.workers.analysis.secrets.SecretScanner;
import dev.autocoder.workers.analysis.security.SecurityPerspective;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.javamodel.FileModel;
import dev.autocoder.workers.testsupport.PathologicalJava;
import dev.autocoder.workers.worker.Perspective;
import dev.autocoder.workers.worker.PerspectiveResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pathological-file cases of issue 12 against each analysis perspective and the test planner's model, with
 * fresh engines per case and the given per-file time budget: what each costs, and what becomes of the file.
 * <p>
 * {@code HostileFilesBenchmark [budget, e.g. 10s]}; run by {@code bench/hostile.sh}.
 */
public final class HostileFilesBenchmark {

    private static final String FILE = "src/main/java/p/Hostile.java";

    private record Case(String name, PathologicalJava kind, int size) {
    }

    private static final List<Case> CASES = List.of(
            new Case("20,000-line method", PathologicalJava.LONG_METHOD, 20_000),
            new Case("10,000 nested parentheses", PathologicalJava.NESTED_PARENTHESES, 10_000),
            new Case("huge single line (20,000 statements)", PathologicalJava.HUGE_LINE, 20_000),
            new Case("1,000 nested classes", PathologicalJava.NESTED_CLASSES, 1_000));

    private HostileFilesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration budget = Duration.parse("PT" + (args.length > 0 ? args[0] : "10s").toUpperCase());
        System.out.printf("Per-file time budget: %d ms%n%n", budget.toMillis());
        System.out.printf("| %-38s | %-20s | %9s | %-7s | %s%n", "case", "perspective", "ms", "status", "the hostile file");
        System.out.printf("|%s|%s|%s|%s|%s%n", "-".repeat(40), "-".repeat(22), "-".repeat(11), "-".repeat(9), "-".repeat(40));
        for (Case hostile : CASES) {
            Path root = Files.createTempDirectory("hostile");
            TestSnapshots.write(root, "src/main/java/p/Small.java",
                    "package p;\n\npublic class Small {\n    public int one() {\n        return 1;\n    }\n}\n");
            TestSnapshots.write(root, FILE, hostile.kind().source("Hostile", hostile.size()));
            Snapshot snapshot = TestSnapshots.of(root);
            PmdEngine engine = new PmdEngine(PmdRulesets.curated(), SeverityTable.shipped(), 1, budget);
            CpdRunner cpd = new CpdRunner(100, budget);
            Map<String, Perspective> perspectives = new java.util.LinkedHashMap<>();
            perspectives.put("code-quality", new CodeQualityPerspective(engine, cpd));
            perspectives.put("architecture", new ArchitecturePerspective(new PmdJavaModelProvider(engine), s -> Optional.empty()));
            perspectives.put("performance", new PerformancePerspective(engine));
            perspectives.put("security", new SecurityPerspective(engine, new SecretScanner()));
            for (Map.Entry<String, Perspective> perspective : perspectives.entrySet()) {
                long start = System.nanoTime();
                String status;
                String outcome;
                try {
                    PerspectiveResult result = perspective.getValue().analyze(TestSnapshots.context(snapshot));
                    status = result.status().name().toLowerCase();
                    outcome = outcome(result);
                } catch (Throwable e) {
                    status = "error";
                    outcome = e.getClass().getSimpleName();
                }
                row(hostile.name(), perspective.getKey(), start, status, outcome);
            }
            long start = System.nanoTime();
            PmdJavaModelProvider models = new PmdJavaModelProvider(engine);
            FileModel model = models.codeModel(snapshot).file(FILE).orElseThrow();
            row(hostile.name(), "test-planning model", start, "ok", model.parsed() ? "modelled" : model.parseError());
            engine.close();
            cpd.close();
            models.close();
        }
    }

    private static void row(String name, String perspective, long start, String status, String outcome) {
        System.out.printf("| %-38s | %-20s | %9d | %-7s | %s%n", name, perspective, (System.nanoTime() - start) / 1_000_000,
                status, outcome);
    }

    /** What the row says of the hostile file: skipped or unparseable (with the reason), or analyzed. */
    @SuppressWarnings("unchecked")
    private static String outcome(PerspectiveResult result) {
        for (String list : List.of("skipped_files", "cpd_skipped_files", "unparseable_files")) {
            if (result.details().get(list) instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> file && FILE.equals(file.get("path"))) {
                        Object reason = file.containsKey("reason") ? file.get("reason") : file.get("message");
                        return list.replace("_files", "") + ": " + reason;
                    }
                }
            }
        }
        boolean counted = result.metrics().stream().anyMatch(m -> m.name().contains("skipped") && m.value() > 0);
        return counted ? "skipped (counted in the metrics)" : "analyzed";
    }
}
