package dev.autocoder.workers.analysis.severity;

import dev.autocoder.workers.row.Severity;

/**
 * One line of a severity table.
 *
 * @param rule      PMD rule name
 * @param severity  the severity its findings get
 * @param sonarKey  the equivalent SonarQube rule (e.g. {@code java:S1143}) the severity follows; null when none
 * @param appliesTo which files its findings are reported on
 * @param note      why, in a few words
 */
public record RuleSeverity(String rule, Severity severity, String sonarKey, AppliesTo appliesTo, String note) {
}
