package dev.autocoder.workers.dashboard;

/**
 * The newest plan a worker's rows carry ({@code analysis.code_changes} of the implementation worker).
 *
 * @param rule   the rule of the plan's task; null when only a row carrying the plan forward was seen
 * @param commit the commit of the row that made the plan, the one its diff applies to; null when not seen
 */
record LatestPlan(String taskId, String file, String rule, String description, String diff, String code,
                         String codeScope, boolean verified, String verification, String source, String commit,
                         long iteration) {
}
