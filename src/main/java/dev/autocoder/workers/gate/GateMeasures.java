package dev.autocoder.workers.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.analysis.coverage.LineCoverage;
import dev.autocoder.workers.analysis.secrets.SecretFinding;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Plural;
import dev.autocoder.workers.row.Row;
import dev.autocoder.workers.row.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The measures gate conditions compare, computed from the classified findings, the rows and the git history. */
final class GateMeasures {

    static final String NEW_MAIN_CRITICAL_HIGH = "new_main_critical_high_findings";
    static final String NEW_SECRETS = "new_secrets";
    static final String NEW_VULNERABLE_DEPENDENCIES = "new_vulnerable_dependencies";
    static final String NEW_CODE_DUPLICATION = "new_code_duplicated_lines_percent";
    static final String NEW_CODE_COVERAGE = "new_code_coverage_percent";
    static final String NEW_FINDINGS = "new_findings";
    static final String NEW_MAIN_FINDINGS = "new_main_findings";

    static final Set<String> NAMES = Set.of(NEW_MAIN_CRITICAL_HIGH, NEW_SECRETS, NEW_VULNERABLE_DEPENDENCIES,
            NEW_CODE_DUPLICATION, NEW_CODE_COVERAGE, NEW_FINDINGS, NEW_MAIN_FINDINGS);

    /** Files CPD reads, by extension: their added lines are the new lines duplication is measured on. */
    private static final Set<String> CPD_EXTENSIONS = Set.of("java", "js", "jsx", "mjs", "cjs", "ts", "tsx", "py", "kt", "kts");
    private static final Pattern RANGE = Pattern.compile("(.+):(\\d+)-(\\d+)");

    /**
     * What the measures are computed from.
     *
     * @param findings    the latest findings of every perspective, classified
     * @param rows        each perspective's latest ok row
     * @param complete    per perspective: every finding of its latest result is in {@code findings}
     * @param addedLines  lines added since the baseline per file; null when unknown ({@code noLinesReason} says why)
     * @param lineCoverage reads coverage reports (paths relative to the target) line by line; null without the target
     * @param json        the application's mapper, to read the rows' details
     */
    record Inputs(List<ClassifiedFinding> findings, Map<String, Row> rows, Map<String, Boolean> complete,
                  Map<String, Set<Integer>> addedLines, String noLinesReason,
                  Function<List<String>, LineCoverage> lineCoverage, ObjectMapper json) {
    }

    private GateMeasures() {
    }

    static Measure of(String metric, Inputs inputs) {
        return switch (metric) {
            case NEW_MAIN_CRITICAL_HIGH -> count(metric, inputs, GateMeasures::isMainSevere, null,
                    "new critical or high findings in main code");
            case NEW_SECRETS -> count(metric, inputs, f -> SecretFinding.CATEGORY.equals(f.category()), "security", "new secrets");
            case NEW_VULNERABLE_DEPENDENCIES -> count(metric, inputs, f -> "known-vulnerability".equals(f.rule()), "dependencies",
                    "new known vulnerabilities in dependencies");
            case NEW_FINDINGS -> count(metric, inputs, f -> true, null, "new findings");
            case NEW_MAIN_FINDINGS -> count(metric, inputs, f -> f.scopeOrMain() == Scope.MAIN, null, "new findings in main code");
            case NEW_CODE_DUPLICATION -> duplication(inputs);
            case NEW_CODE_COVERAGE -> coverage(inputs);
            default -> throw new IllegalArgumentException("unknown gate metric " + metric);
        };
    }

    /** New findings matching; a lower bound when some could not be told or a capped row did not list them all. */
    private static Measure count(String metric, Inputs inputs, Predicate<Finding> matches, String perspective, String what) {
        if (perspective != null && !inputs.rows().containsKey(perspective)) {
            return Measure.unknown("no ok " + perspective + " row yet");
        }
        long fresh = 0;
        long undecided = 0;
        for (ClassifiedFinding f : inputs.findings()) {
            if ((perspective == null || perspective.equals(f.perspective())) && matches.test(f.finding())) {
                if (f.isNew()) {
                    fresh++;
                } else if (f.isUndecided()) {
                    undecided++;
                }
            }
        }
        boolean unlisted = inputs.rows().keySet().stream()
                .filter(p -> perspective == null || perspective.equals(p))
                .anyMatch(p -> !inputs.complete().getOrDefault(p, false) && mayHaveUnlisted(inputs, p, metric.equals(NEW_MAIN_CRITICAL_HIGH)));
        String detail = fresh + " " + what;
        if (undecided > 0 || unlisted) {
            return Measure.atLeast(fresh, detail + (undecided > 0 ? "; " + undecided + " more could not be told new or not" : "")
                    + (unlisted ? "; a capped row did not list every finding" : ""));
        }
        return Measure.exact(fresh, detail);
    }

    /**
     * Whether a capped row may hold matching findings it did not list. Rows list main code first and the most severe
     * first, and count every finding per scope and severity, so for main critical/high findings the counts tell.
     */
    private static boolean mayHaveUnlisted(Inputs inputs, String perspective, boolean mainSevereOnly) {
        Row row = inputs.rows().get(perspective);
        if (!mainSevereOnly) {
            return true;
        }
        long listed = row.findings().stream().filter(GateMeasures::isMainSevere).count();
        double counted = row.metric("findings.main.critical").orElse(0) + row.metric("findings.main.high").orElse(0);
        return counted > listed;
    }

    static boolean isMainSevere(Finding f) {
        return f.scopeOrMain() == Scope.MAIN && (f.severity() == Severity.CRITICAL || f.severity() == Severity.HIGH);
    }

    /** Duplicated new lines / new lines, over files CPD reads, from the code-quality row's duplicated ranges. */
    private static Measure duplication(Inputs inputs) {
        Row quality = inputs.rows().get("code-quality");
        if (quality == null) {
            return Measure.unknown("no ok code-quality row yet");
        }
        if (inputs.addedLines() == null) {
            return Measure.unknown(inputs.noLinesReason());
        }
        JsonNode details;
        try {
            details = inputs.json().readTree(quality.details());
        } catch (IOException | RuntimeException e) {
            details = null;
        }
        JsonNode ranges = details == null ? null : details.get("duplicated_ranges");
        if (ranges == null || !ranges.isArray()) {
            return Measure.unknown("the code-quality row does not list duplicated line ranges (written by an older version)");
        }
        JsonNode notSearched = details.path("cpd_not_searched");
        for (JsonNode path : notSearched.path("paths")) {
            if (inputs.addedLines().containsKey(path.asText())) {
                return Measure.unknown("new lines are in files CPD did not search: " + notSearched.path("why").asText());
            }
        }
        Map<String, Set<Integer>> duplicated = new java.util.HashMap<>();
        for (JsonNode range : ranges) {
            Matcher m = RANGE.matcher(range.asText());
            if (m.matches()) {
                Set<Integer> lines = duplicated.computeIfAbsent(m.group(1), k -> new HashSet<>());
                for (int line = Integer.parseInt(m.group(2)); line <= Integer.parseInt(m.group(3)); line++) {
                    lines.add(line);
                }
            }
        }
        long newLines = 0;
        long newDuplicated = 0;
        for (Map.Entry<String, Set<Integer>> file : inputs.addedLines().entrySet()) {
            if (!CPD_EXTENSIONS.contains(extension(file.getKey()))) {
                continue;
            }
            Set<Integer> dup = duplicated.getOrDefault(file.getKey(), Set.of());
            newLines += file.getValue().size();
            newDuplicated += file.getValue().stream().filter(dup::contains).count();
        }
        if (newLines == 0) {
            return Measure.exact(0, "no new lines in files CPD reads");
        }
        double percent = Math.round(10_000.0 * newDuplicated / newLines) / 100.0;
        return Measure.exact(percent, newDuplicated + " of " + Plural.of(newLines, "new line") + " duplicated");
    }

    /**
     * Covered / coverable new lines, from the coverage reports the test-coverage row used, read line by line from the
     * target. Applies only when that row read a report; a new line counts when a report lists it as coverable (covered
     * or missed), so files no report lists (build files, docs, tests) count on neither side.
     */
    private static Measure coverage(Inputs inputs) {
        Row coverage = inputs.rows().get("test-coverage");
        if (coverage == null) {
            return Measure.unknown("no ok test-coverage row yet");
        }
        String method = null;
        List<String> reports = new ArrayList<>();
        try {
            JsonNode details = inputs.json().readTree(coverage.details());
            JsonNode node = details.get("method");
            method = node == null ? null : node.asText();
            details.path("reports_used").forEach(r -> {
                if (r.hasNonNull("path")) {
                    reports.add(r.get("path").asText());
                }
            });
        } catch (IOException | RuntimeException e) {
            // unreadable details: no method, so no report
        }
        if (method == null || !method.startsWith("coverage-report")) {
            return Measure.notApplicable("no coverage report in the repository");
        }
        if (reports.isEmpty()) {
            return Measure.unknown("the test-coverage row does not name the coverage reports it used");
        }
        if (inputs.addedLines() == null) {
            return Measure.unknown(inputs.noLinesReason());
        }
        if (inputs.lineCoverage() == null) {
            return Measure.unknown("needs the target's work tree to read " + String.join(", ", reports) + " (gate --target)");
        }
        LineCoverage lines = inputs.lineCoverage().apply(reports);
        if (lines.reportsRead().isEmpty()) {
            return Measure.unknown("the coverage reports could not be read from the target: "
                    + String.join(", ", lines.problems()));
        }
        long coverable = 0;
        long covered = 0;
        for (Map.Entry<String, Set<Integer>> file : inputs.addedLines().entrySet()) {
            Optional<LineCoverage.Lines> known = lines.of(file.getKey());
            if (known.isEmpty()) {
                continue;
            }
            for (Integer line : file.getValue()) {
                if (known.get().coverable().contains(line)) {
                    coverable++;
                    if (known.get().covered().contains(line)) {
                        covered++;
                    }
                }
            }
        }
        String from = " (from " + String.join(", ", lines.reportsRead()) + ")";
        if (coverable == 0) {
            return Measure.vacuous("no new coverable lines" + from);
        }
        double percent = Math.round(10_000.0 * covered / coverable) / 100.0;
        return Measure.exact(percent, covered + " of " + Plural.of(coverable, "new coverable line") + " covered" + from);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
