package dev.autocoder.workers.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Help text for the rules of a SARIF log: PMD's documentation for PMD rules, our own words for ours. */
final class RuleHelp {

    private static final String PERSPECTIVES = "https://github.com/autocoder/autocoder-workers/blob/main/docs/perspectives.md";

    private static final Map<String, String> OURS = Map.ofEntries(
            Map.entry("complex-method", "A method whose cyclomatic complexity is over the limit: split it into smaller methods."),
            Map.entry("oversized-file", "A file over the size limit: split it by responsibility."),
            Map.entry("oversized-class", "A class over the size limit: split it by responsibility."),
            Map.entry("oversized-method", "A method over the size limit: extract parts of it."),
            Map.entry("duplicate-code", "A block of code CPD found more than once: extract it into one shared method or class."),
            Map.entry("parse-error", "A file PMD cannot parse, so no rule checks it: fix the syntax or the declared Java level."),
            Map.entry("nested-loops", "Loops nested deeply enough to make the work grow as a power of the input."),
            Map.entry("package-cycle", "Packages that depend on each other in a cycle: break the cycle by moving or inverting a dependency."),
            Map.entry("highly-coupled-class", "A class that depends on, or is depended on by, many others."),
            Map.entry("import-cycle", "Python modules that import each other while still initializing: move what both need into a module of its own, or defer one import."),
            Map.entry("highly-coupled-module", "A Python module that imports many other modules of the project."),
            Map.entry("hotspot", "A file that changes often and is complex: the likeliest place for defects."),
            Map.entry("known-vulnerability", "A dependency version with a known vulnerability in OSV: upgrade to a fixed version."),
            Map.entry("unpinned-version", "A dependency without an exact version: builds may change without notice."),
            Map.entry("unresolved-version", "A dependency whose version could not be resolved from the manifest."),
            Map.entry("version-conflict", "The same dependency declared with different versions."),
            Map.entry("manifest-parse-error", "A dependency manifest that could not be read."),
            Map.entry("low-coverage", "A main class whose line coverage is under the threshold: add tests for it."),
            Map.entry("untested-class", "A main class no test class refers to: add tests for it."));

    private RuleHelp() {
    }

    static String shortText(SarifTool tool, String ruleId, String category) {
        return switch (tool) {
            case PMD -> "PMD rule " + ruleId + (category.isEmpty() ? "" : " (" + category + ")");
            case SECURITY_RULES -> "Autocoder security rule " + ruleId;
            case SECRETS -> "Secret committed to the repository: " + ruleId;
            default -> ruleId + (category.isEmpty() ? "" : " (" + category + ")");
        };
    }

    static String helpText(SarifTool tool, String ruleId, String category) {
        return switch (tool) {
            case PMD -> "PMD 7 rule " + ruleId + " of the category " + category
                    + ". See PMD's documentation of the rule for what it checks and how to fix it.";
            case SECURITY_RULES -> "An Autocoder security rule (PMD XPath) for a dangerous Java API: " + ruleId
                    + ". Pass only constant or validated input, or use the safe API the finding names.";
            case SECRETS -> "A credential of the kind " + ruleId + " is committed to the repository. Revoke it, remove it "
                    + "from the history, and load it from the environment or a secret store. The value is never reported; "
                    + "the message names its fingerprint.";
            default -> OURS.getOrDefault(ruleId, "Autocoder rule " + ruleId + " (" + category + ").")
                    + " See the perspective's rules in docs/perspectives.md.";
        };
    }

    static Optional<String> helpUri(SarifTool tool, String ruleId, String category) {
        if (tool == SarifTool.PMD && !category.isEmpty()) {
            String page = category.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            return Optional.of("https://docs.pmd-code.org/latest/pmd_rules_java_" + page + ".html#"
                    + ruleId.toLowerCase(Locale.ROOT));
        }
        return tool == SarifTool.PMD ? Optional.empty() : Optional.of(PERSPECTIVES);
    }
}
