package dev.autocoder.workers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.implementation.patch.MechanicalFixes;
import dev.autocoder.workers.implementation.patch.PatchVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The implementation worker's delivery on one target (see {@code bench/plans.sh}): reads the rows the real
 * application wrote and prints the cycles, how many ended in a verified patch, the patch kinds, whether each
 * verified patch passes the real {@code git apply --check} in the target repository at the row's commit, and how
 * many findings of a kind with a mechanical fix the latest analysis held in main code. Not a test.
 *
 * <pre>PlansReport TARGET_REPOSITORY STORE [LABEL]</pre>
 */
public final class PlansReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path store = Path.of(args[1]);
        List<JsonNode> implementation = rows(store, "autocoder-implementation-results");
        List<JsonNode> analysis = rows(store, "autocoder-analysis-results");
        MechanicalFixes fixes = new MechanicalFixes(new PatchVerifier());

        Map<String, Integer> mechanicalInMain = new TreeMap<>();
        Map<String, JsonNode> latestAnalysis = new TreeMap<>();
        analysis.stream().filter(r -> "ok".equals(r.path("status").asText()))
                .forEach(r -> latestAnalysis.put(r.path("perspective_id").asText(), r));
        for (JsonNode row : latestAnalysis.values()) {
            for (JsonNode finding : row.path("findings")) {
                String rule = finding.path("rule").asText();
                if ("main".equals(finding.path("scope").asText()) && fixes.supports(rule)
                        && finding.path("file").asText().endsWith(".java")) {
                    mechanicalInMain.merge(rule, 1, Integer::sum);
                }
            }
        }

        long cyclesWithTask = implementation.stream()
                .filter(r -> r.path("stage_number").asInt() == 1 && !r.path("task_id").isNull()
                        && !r.path("task_id").asText().isEmpty())
                .count();
        long cyclesWithoutTask = implementation.stream()
                .filter(r -> r.path("stage_number").asInt() == 1
                        && (r.path("task_id").isNull() || r.path("task_id").asText().isEmpty()))
                .count();
        List<JsonNode> plans = implementation.stream().filter(r -> r.path("stage_number").asInt() == 6
                && "ok".equals(r.path("status").asText())).toList();
        Map<String, Integer> verifiedKinds = new TreeMap<>();
        Map<String, Integer> planOnlyKinds = new TreeMap<>();
        int verified = 0;
        int applies = 0;
        for (JsonNode plan : plans) {
            JsonNode changes = plan.path("analysis").path("code_changes");
            String rule = plan.path("analysis").path("task").path("rule").asText("?");
            boolean own = plan.path("task_id").asText().equals(changes.path("task_id").asText());
            if (own && changes.path("verified").asBoolean(false)) {
                verified++;
                verifiedKinds.merge(rule, 1, Integer::sum);
                if (gitApplyCheck(target, plan.path("commit").asText(), changes.path("diff").asText())) {
                    applies++;
                }
            } else {
                planOnlyKinds.merge(rule, 1, Integer::sum);
            }
        }

        System.out.println("## Plans: " + (args.length > 2 ? args[2] : target.getFileName()));
        System.out.println();
        System.out.println("| implementation rows | cycles with a task | cycles without a task | plans | verified patches | share of plans verified | `git apply --check` at the row's commit |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %d | %d | %d | %s | %d of %d |%n", implementation.size(), cyclesWithTask,
                cyclesWithoutTask, plans.size(), verified, plans.isEmpty() ? "—" : percent(verified, plans.size()),
                applies, verified);
        System.out.println();
        System.out.println("Verified patches by rule: " + (verifiedKinds.isEmpty() ? "none" : verifiedKinds));
        System.out.println("Plans without a verified patch, by rule: " + (planOnlyKinds.isEmpty() ? "none" : planOnlyKinds));
        System.out.println("Findings with a mechanical fix in main Java code in the latest analysis rows (listed findings): "
                + (mechanicalInMain.isEmpty() ? "none" : mechanicalInMain));
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + " %";
    }

    /** The real git: a clean worktree of the target at the row's commit, then {@code git apply --check}. */
    private static boolean gitApplyCheck(Path target, String commit, String diff) throws IOException, InterruptedException {
        Path patch = Files.createTempFile("plan", ".patch");
        Path tree = Files.createTempDirectory("plan-tree");
        try {
            Files.writeString(patch, diff.endsWith("\n") ? diff : diff + "\n", StandardCharsets.UTF_8);
            if (run(target, "git", "worktree", "add", "-q", "--detach", tree.toString(), commit) != 0) {
                return false;
            }
            return run(tree, "git", "apply", "--check", patch.toString()) == 0;
        } finally {
            run(target, "git", "worktree", "remove", "--force", tree.toString());
            Files.deleteIfExists(patch);
        }
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static List<JsonNode> rows(Path store, String dataset) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.isDirectory(store)) {
            return rows;
        }
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl") && f.toString().contains(dataset))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            }
        }
        rows.sort(Comparator.comparingLong(r -> r.path("iteration").asLong()));
        return rows;
    }
}
