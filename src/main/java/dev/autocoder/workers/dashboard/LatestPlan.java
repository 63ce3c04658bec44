package dev.autocoder.workers.dashboard;

import java.util.List;

/**
 * The newest plan a worker's rows carry ({@code analysis.code_changes} of the implementation worker).
 *
 * @param rule   the rule of the plan's task; null when only a row carrying the plan forward was seen
 * @param steps  the plan's steps ({@code analysis.plan_steps} of the row that made it); empty when not seen
 * @param commit the commit of the row that made the plan, the one its diff applies to; null when not seen
 */
record LatestPlan(String taskId, String file, String rule, String description, List<String> steps, String diff,
                  String code, String codeScope, boolean verified, String verification, String source, String commit,
                  long iteration) {

    LatestPlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    LatestPlan withSteps(List<String> planSteps) {
        return new LatestPlan(taskId, file, rule, description, planSteps, diff, code, codeScope, verified, verification,
                source, commit, iteration);
    }
}
