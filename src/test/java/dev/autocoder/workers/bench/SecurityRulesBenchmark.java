package dev.autocoder.workers.bench;

import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.secrets.AutocoderSecurityRules;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.benchmark.TimeTracker;
import net.sourceforge.pmd.benchmark.TimedOperationCategory;
import net.sourceforge.pmd.benchmark.TimingReport;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The "Autocoder Security" rules as Java rules against the XPath rules they replaced
 * (src/test/resources/rulesets/autocoder-security-xpath.xml) on corpora: findings per rule of each (must be equal)
 * and the time PMD's TimeTracker measures in the rules, each ruleset in its own pass over the same files (one
 * thread), alternating XPath and Java {@code rounds} times (default 2; the first round warms the JIT up).
 * <p>
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.autocoder.workers.bench.SecurityRulesBenchmark
 * corpus... [-Drounds=2]}; not a test.
 */
public final class SecurityRulesBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 2);
        for (String arg : args) {
            Path corpus = Path.of(arg).toAbsolutePath();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(corpus)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            Pass xpath = null;
            Pass java = null;
            for (int round = 1; round <= rounds; round++) {
                xpath = run(new RuleSetLoader().loadFromResource("rulesets/autocoder-security-xpath.xml"), files);
                java = run(AutocoderSecurityRules.load(), files);
                System.out.printf("%s round %d: xpath rules %d ms (pass %d ms), java rules %d ms (pass %d ms)%n",
                        corpus.getFileName(), round, xpath.ruleMillis(), xpath.wallMillis(), java.ruleMillis(),
                        java.wallMillis());
            }
            System.out.printf("%n### %s: %d Java files, findings equal: %s (%d xpath, %d java), processing errors %d/%d%n",
                    corpus.getFileName(), files.size(), xpath.findings().equals(java.findings()),
                    xpath.findings().size(), java.findings().size(), xpath.errors(), java.errors());
            System.out.println("| rule | findings xpath | findings java | xpath ms | java ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String rule : xpath.ruleNanos().keySet()) {
                System.out.printf("| %s | %d | %d | %d | %d |%n", rule, count(xpath, rule), count(java, rule),
                        xpath.ruleNanos().get(rule) / 1_000_000, java.ruleNanos().getOrDefault(rule, 0L) / 1_000_000);
            }
            System.out.printf("| all | %d | %d | %d | %d |%n%n", xpath.findings().size(), java.findings().size(),
                    xpath.ruleMillis(), java.ruleMillis());
            if (!xpath.findings().equals(java.findings())) {
                List<String> before = xpath.findings();
                List<String> after = java.findings();
                List<String> onlyXpath = before.stream().filter(f -> !after.contains(f)).toList();
                List<String> onlyJava = after.stream().filter(f -> !before.contains(f)).toList();
                System.out.println("only xpath: " + onlyXpath.stream().limit(20).toList());
                System.out.println("only java: " + onlyJava.stream().limit(20).toList());
            }
        }
    }

    private static long count(Pass pass, String rule) {
        return pass.findings().stream().filter(f -> f.startsWith(rule + " ")).count();
    }

    private static Pass run(RuleSet ruleset, List<Path> files) throws Exception {
        long start = System.nanoTime();
        TimeTracker.startGlobalTracking();
        List<String> findings;
        int errors;
        try (PmdAnalysis analysis = PmdAnalysis.create(PmdEngine.configuration(1))) {
            analysis.addRuleSet(ruleset);
            files.forEach(analysis.files()::addFile);
            Report report = analysis.performAnalysisAndCollectReport();
            errors = report.getProcessingErrors().size();
            findings = report.getViolations().stream().map(SecurityRulesBenchmark::finding).sorted().toList();
        }
        TimingReport timing = TimeTracker.stopGlobalTracking();
        Map<String, Long> ruleNanos = new TreeMap<>();
        Map<String, ?> rules = timing.getLabeledMeasurements(TimedOperationCategory.RULE);
        rules.forEach((rule, result) -> ruleNanos.put(rule, totalNanos(result)));
        return new Pass(findings, errors, ruleNanos, (System.nanoTime() - start) / 1_000_000);
    }

    private static String finding(RuleViolation v) {
        return v.getRule().getName() + " " + v.getFileId().getOriginalPath() + ":" + v.getBeginLine() + " "
                + v.getDescription();
    }

    private record Pass(List<String> findings, int errors, Map<String, Long> ruleNanos, long wallMillis) {
        long ruleMillis() {
            return ruleNanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
        }
    }

    /** TimeTracker's TimedResult is package-private; its total time is read like AnalysisBenchmark does. */
    private static long totalNanos(Object timedResult) {
        try {
            Field field = timedResult.getClass().getDeclaredField("totalTimeNanos");
            field.setAccessible(true);
            return ((AtomicLong) field.get(timedResult)).get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
