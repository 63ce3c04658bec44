package dev.autocoder.workers.gate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A condition with its measured value.
 *
 * @param value       null when it cannot be told or does not apply
 * @param atLeast     the value is a lower bound
 * @param detail      how the value was computed, or why it could not be
 */
record ConditionResult(String metric, String operator, double threshold, Double value,
                              @JsonProperty("at_least") boolean atLeast, GateStatus status, String detail) {

    /** The condition as it was written, e.g. {@code new_main_findings <= 0}. */
    String condition() {
        return new GateCondition(metric, operator, threshold).toString();
    }

    static ConditionResult of(GateCondition condition, Measure measure) {
        GateStatus status;
        if (measure.vacuous()) {
            status = GateStatus.PASSED;
        } else if (!measure.applicable()) {
            status = GateStatus.NOT_APPLICABLE;
        } else if (measure.value() == null) {
            status = GateStatus.UNKNOWN;
        } else if (measure.lowerBound()) {
            status = condition.brokenByLowerBound(measure.value()) ? GateStatus.FAILED : GateStatus.UNKNOWN;
        } else {
            status = condition.holds(measure.value()) ? GateStatus.PASSED : GateStatus.FAILED;
        }
        return new ConditionResult(condition.metric(), condition.operator(), condition.threshold(), measure.value(),
                measure.lowerBound(), status, measure.detail());
    }
}
