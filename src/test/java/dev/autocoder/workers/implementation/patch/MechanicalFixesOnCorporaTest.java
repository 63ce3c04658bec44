package dev.autocoder.workers.implementation.patch;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.PmdViolation;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.analysis.severity.RuleSeverity;
import dev.autocoder.workers.analysis.severity.SeverityTable;
import dev.autocoder.workers.config.AutocoderProperties;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.repository.Snapshot;
import dev.autocoder.workers.repository.SnapshotService;
import dev.autocoder.workers.repository.TargetRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mechanical fixes on the benchmark corpora (real code, {@code ../shared/bench/corpora.sh}): counts PMD's
 * main-code findings per rule with the curated ruleset and severity table, and runs every fix on a sample of the
 * real findings of its rules: the patch must verify (applies, parses) and PMD, re-run on the patched file, must
 * report fewer findings of the rule there. Writes both tables to {@code target/mechanical-fixes-on-corpora.md}.
 * A patch fails the PMD re-check when the finding (same rule, same code) is still reported; another finding of the
 * rule that the edit uncovers (an earlier {@code if} that now precedes a plain return) is counted apart.
 * Runs only when {@code -Dautocoder.corpora=<folder with small, medium, large>} is given (minutes, not seconds);
 * {@code -Dautocoder.corpora.only=small,large} and {@code -Dautocoder.corpora.rules=MissingOverride,...} narrow it.
 */
@EnabledIfSystemProperty(named = "autocoder.corpora", matches = ".+")
class MechanicalFixesOnCorporaTest {

    private static final List<String> CORPORA = List.of("small", "medium", "large");
    private static final int SAMPLE_PER_RULE_AND_CORPUS = 40;

    private final SeverityTable severities = SeverityTable.shipped();
    // no per-file budget: on a loaded machine a large file (ArrayUtils) would be skipped and its findings not counted
    private final PmdEngine pmd = new PmdEngine(PmdRulesets.curated(), severities, 2, Duration.ofMinutes(10));
    private final MechanicalFixes fixes = new MechanicalFixes(new PatchVerifier());

    @TempDir
    Path scratch;

    @Test
    void fixesRealFindingsOfTheCorpora() throws Exception {
        Path corpora = Path.of(System.getProperty("autocoder.corpora")).toAbsolutePath();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, int[]> outcomes = new TreeMap<>();
        Map<String, List<String>> refusals = new TreeMap<>();
        List<String> only = List.of(System.getProperty("autocoder.corpora.only", String.join(",", CORPORA)).split(","));
        List<String> rules = List.of(System.getProperty("autocoder.corpora.rules", String.join(",", fixes.rules())).split(","));
        for (int c = 0; c < CORPORA.size(); c++) {
            if (!only.contains(CORPORA.get(c))) {
                continue;
            }
            Path root = corpora.resolve(CORPORA.get(c));
            Snapshot snapshot = snapshot(root);
            List<PmdViolation> main = pmd.analyze(snapshot).violations().stream()
                    .filter(v -> snapshot.scopeOf(v.path()) == Scope.MAIN && reportedOnMain(v.rule()))
                    .toList();
            for (PmdViolation v : main) {
                counts.computeIfAbsent(v.rule(), r -> new int[CORPORA.size()])[c]++;
            }
            Map<String, List<PmdViolation>> byRule = new LinkedHashMap<>();
            main.stream().filter(v -> fixes.supports(v.rule()) && rules.contains(v.rule()))
                    .forEach(v -> byRule.computeIfAbsent(v.rule(), r -> new ArrayList<>()).add(v));
            for (var entry : byRule.entrySet()) {
                List<PmdViolation> all = entry.getValue();
                int step = Math.max(1, all.size() / SAMPLE_PER_RULE_AND_CORPUS);
                for (int i = 0; i < all.size(); i += step) {
                    PmdViolation finding = all.get(i);
                    int[] tally = outcomes.computeIfAbsent(finding.rule(), r -> new int[4]);
                    tally[0]++;
                    String result = tryFix(root, finding);
                    if (result == null || result.startsWith("fixed")) {
                        tally[1]++;
                        if (result != null) {
                            tally[3]++;
                            refusals.computeIfAbsent(finding.rule(), r -> new ArrayList<>())
                                    .add(CORPORA.get(c) + " " + finding.path() + ":" + finding.beginLine() + " " + result);
                        }
                    } else {
                        refusals.computeIfAbsent(finding.rule(), r -> new ArrayList<>())
                                .add(CORPORA.get(c) + " " + finding.path() + ":" + finding.beginLine() + " " + result);
                        if (result.startsWith("FAILED")) {
                            tally[2]++;
                        }
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/mechanical-fixes-on-corpora.md"), report(counts, outcomes, refusals));
        outcomes.forEach((rule, tally) -> assertThat(tally[2]).as("patches of " + rule + " that failed a check").isZero());
    }

    /** Null when the fix verified and PMD no longer reports it; else the refusal, or FAILED and what failed. */
    private String tryFix(Path root, PmdViolation finding) throws Exception {
        FixOutcome outcome = fixes.propose(root, finding.path(), finding.rule(), finding.beginLine(), finding.endLine());
        if (!outcome.fixable()) {
            return "refused: " + outcome.reason();
        }
        ProposedPatch patch = outcome.patch();
        if (!patch.verification().ok()) {
            return "FAILED verification: " + patch.verification().detail();
        }
        List<PmdViolation> before = findingsInCopy(Files.readString(root.resolve(finding.path()), StandardCharsets.UTF_8), finding);
        List<PmdViolation> after = findingsInCopy(patch.patchedCode(), finding);
        if (sameCode(after, finding) >= sameCode(before, finding)) {
            return "FAILED PMD re-check: the finding is still reported (" + before.size() + " findings of the rule before, "
                    + after.size() + " after)";
        }
        if (after.size() >= before.size()) {
            return "fixed; the edit uncovered another finding of the rule (" + before.size() + " before, " + after.size() + " after)";
        }
        return null;
    }

    private static long sameCode(List<PmdViolation> findings, PmdViolation finding) {
        return findings.stream().filter(v -> v.snippet().equals(finding.snippet())).count();
    }

    /** Findings of the rule when the file is analyzed alone (as PMD sees it without an auxiliary classpath). */
    private List<PmdViolation> findingsInCopy(String code, PmdViolation finding) throws Exception {
        Path alone = Files.createTempDirectory(scratch, "file");
        TestSnapshots.write(alone, finding.path(), code);
        return pmd.analyze(TestSnapshots.of(alone)).violations().stream()
                .filter(v -> v.rule().equals(finding.rule()))
                .toList();
    }

    private boolean reportedOnMain(String rule) {
        return severities.rule(rule).map(r -> r.appliesTo().covers(Scope.MAIN, Set.of())).orElse(true);
    }

    private static Snapshot snapshot(Path root) {
        AutocoderProperties properties = new AutocoderProperties();
        properties.getTarget().setPath(root);
        return new SnapshotService(new TargetRepository(properties), properties).current();
    }

    private String report(Map<String, int[]> counts, Map<String, int[]> outcomes, Map<String, List<String>> refusals) {
        StringBuilder out = new StringBuilder("| rule | severity | small | medium | large | total |\n|---|---|---:|---:|---:|---:|\n");
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(total(b.getValue()), total(a.getValue())))
                .forEach(e -> out.append("| ").append(e.getKey()).append(" | ")
                        .append(severities.rule(e.getKey()).map(RuleSeverity::severity).map(Object::toString).orElse("?"))
                        .append(" | ").append(e.getValue()[0]).append(" | ").append(e.getValue()[1]).append(" | ")
                        .append(e.getValue()[2]).append(" | ").append(total(e.getValue())).append(" |\n"));
        out.append("\n| rule | sampled | fixed and re-checked | failed a check | fixed, another finding uncovered |\n|---|---:|---:|---:|---:|\n");
        outcomes.forEach((rule, t) -> out.append("| ").append(rule).append(" | ").append(t[0]).append(" | ")
                .append(t[1]).append(" | ").append(t[2]).append(" | ").append(t[3]).append(" |\n"));
        refusals.forEach((rule, list) -> {
            out.append("\n### ").append(rule).append('\n');
            list.forEach(r -> out.append("- ").append(r).append('\n'));
        });
        return out.toString();
    }

    private static int total(int[] n) {
        int sum = 0;
        for (int x : n) {
            sum += x;
        }
        return sum;
    }
}
