package dev.autocoder.workers.analysis.pmd;

/**
 * One PMD rule violation in a file of the snapshot.
 *
 * @param path      repository-relative path
 * @param rule      PMD rule name, e.g. {@code EmptyCatchBlock}
 * @param ruleSet   name of the ruleset that defines the rule, for PMD's own rules the category
 *                  (e.g. "Error Prone", "Performance"); "Autocoder Security" for our custom rules
 * @param priority  PMD priority, 1 (high) to 5 (low)
 * @param beginLine first line, 1-based
 * @param endLine   last line
 * @param message   PMD's message
 * @param snippet   source text of the first lines of the violation (for stable finding ids; never published)
 */
public record PmdViolation(String path, String rule, String ruleSet, int priority, int beginLine, int endLine,
                           String message, String snippet) {
}
