package dev.autocoder.workers.python;

import dev.autocoder.workers.repository.SkippedFile;
import dev.autocoder.workers.row.Plural;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What ruff said about the Python files of a snapshot, or why it could not say anything.
 *
 * @param state             whether ruff ran; {@link State#NO_PYTHON} when the snapshot has no Python file
 * @param unavailableReason why ruff did not run (not installed, refused the settings); null when it ran
 * @param ruffVersion       {@code ruff --version}'s line; null when unavailable
 * @param violations        every diagnostic with a rule code, after the repository's per-file-ignores; C901 only
 *                          above the complexity threshold
 * @param syntaxErrors      files ruff cannot parse (so no rule checked them), one diagnostic each
 * @param complexities      every function's complexity (C901 at threshold 0)
 * @param silenced          diagnostics the repository's per-file-ignores silenced
 * @param skippedFiles      Python files left out, with why (excluded by the repository's settings, over the time
 *                          budget, binary or oversized)
 */
public record PythonLint(State state, String unavailableReason, String ruffVersion, RuffSettings settings,
                         int pythonFiles, int filesAnalyzed, int filesFromCache, List<RuffViolation> violations,
                         List<RuffViolation> syntaxErrors, List<FunctionComplexity> complexities, int silenced,
                         List<SkippedFile> skippedFiles, Duration duration) {

    public enum State { NO_PYTHON, UNAVAILABLE, RAN }

    static PythonLint noPython() {
        return new PythonLint(State.NO_PYTHON, null, null, null, 0, 0, 0, List.of(), List.of(), List.of(), 0,
                List.of(), Duration.ZERO);
    }

    static PythonLint unavailable(int pythonFiles, String reason) {
        return new PythonLint(State.UNAVAILABLE, reason, null, null, pythonFiles, 0, 0, List.of(), List.of(),
                List.of(), 0, List.of(), Duration.ZERO);
    }

    public boolean ran() {
        return state == State.RAN;
    }

    /** How to make ruff available, for rows that say it did not run. */
    public static String installHint() {
        return RuffProcess.INSTALL;
    }

    /** The violations the given perspective reports. */
    public List<RuffViolation> violationsFor(RuffRules.ReportingPerspective perspective) {
        RuffRules rules = RuffRules.shipped();
        return violations.stream().filter(v -> rules.perspective(v.code()) == perspective).toList();
    }

    public static Map<String, Long> countByRule(List<RuffViolation> violations) {
        return violations.stream().collect(Collectors.groupingBy(RuffViolation::code, TreeMap::new,
                Collectors.counting()));
    }

    /**
     * The Python part of a row's details: whether ruff ran (and why not, with how to install it), its version and
     * settings, and what it left out.
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", switch (state) {
            case RAN -> "ok";
            case UNAVAILABLE -> "skipped";
            case NO_PYTHON -> "no python files";
        });
        details.put("python_files", pythonFiles);
        if (state == State.UNAVAILABLE) {
            details.put("reason", unavailableReason);
            details.put("install", installHint());
            return details;
        }
        if (state == State.RAN) {
            details.put("ruff", ruffVersion);
            details.put("select", settings.select());
            details.put("ignore", settings.ignore());
            details.put("max_complexity", settings.maxComplexity());
            details.put("settings_file", settings.source());
            if (settings.problem() != null) {
                details.put("settings_problem", settings.problem());
            }
            details.put("silenced_by_per_file_ignores", silenced);
            details.put("syntax_errors", syntaxErrors.stream().map(e -> Map.of("path", e.path(),
                    "line", e.diagnostic().row(), "message", e.diagnostic().message())).toList());
            details.put("skipped_files", skippedFiles.stream()
                    .map(s -> Map.of("path", s.path(), "reason", s.reason())).toList());
        }
        return details;
    }

    /** One sentence for a row's reason or summary when ruff did not run on Python files. */
    public String skippedSentence() {
        return "Python rules (ruff) skipped for " + Plural.of(pythonFiles, "Python file") + ": "
                + unavailableReason + "; to run them, " + installHint() + ".";
    }
}
